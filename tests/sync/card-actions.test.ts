/**
 * Sync of the card actions (flag, forget, tag, reschedule) and of their undo: two databases,
 * one shared folder, in-process.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../src/core/index.js';
import { cleanUpDevicesAfterEach, DAY, HOUR, T0, answer, card, makeDevice, stateOf, tempDir, writeNote, NOTE, type Device } from './helpers.js';

cleanUpDevicesAfterEach();

process.env['TZ'] = 'UTC';
beforeEach(() => setNow(T0));

const Q1 = 'What is the first fact?';
const Q2 = 'What is the second fact?';

function sync(d: Device, dir: string, at: number) {
  setNow(at);
  return d.col.sync({ dir, device: d.name });
}

function syncAll(dir: string, at: number, ...devices: Device[]): void {
  for (let round = 0; round < 2; round++) for (const d of devices) sync(d, dir, at);
}

/** stateOf plus what the card actions set: flag, tags and the hand tag edits. */
function fullState(d: Device) {
  const out: Record<string, unknown> = {};
  const base = stateOf(d);
  for (const c of d.col.cards({})) out[c.front] = { ...base[c.front], flag: c.flag, tags: c.tags, tagEdits: c.tagEdits };
  return out;
}

function id(d: Device, front: string): number {
  return card(d, front).id;
}

describe('sync carries the card actions', () => {
  it('a flag flows both ways, the latest wins, and an undo brings the flag back everywhere', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    setNow(T0 + HOUR);
    a.col.flag([id(a, Q1)], 1);
    syncAll(shared, T0 + 2 * HOUR, a, b);
    expect(card(b, Q1).flag).toBe(1);

    setNow(T0 + 3 * HOUR);
    b.col.flag([id(b, Q1), id(b, Q2)], 3);
    syncAll(shared, T0 + 4 * HOUR, b, a);
    expect([card(a, Q1).flag, card(a, Q2).flag]).toEqual([3, 3]);

    // b takes its flag back: the flags as they were before reach a
    setNow(T0 + 5 * HOUR);
    b.col.undo();
    expect([card(b, Q1).flag, card(b, Q2).flag]).toEqual([1, 0]);
    syncAll(shared, T0 + 6 * HOUR, b, a);
    expect([card(a, Q1).flag, card(a, Q2).flag]).toEqual([1, 0]);
    expect(fullState(a)).toEqual(fullState(b));
  });

  it('forget: the history stays, the replay starts afresh from the forget, and both devices end with identical FSRS state', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(a, Q1, 'good', T0 + 2 * DAY);
    syncAll(shared, T0 + 2 * DAY + HOUR, a, b);
    expect(card(b, Q1).memory.reps).toBe(2);

    // b forgets the card; a, offline, answers it once before the forget and once after
    answer(a, Q1, 'hard', T0 + 3 * DAY);
    setNow(T0 + 4 * DAY);
    b.col.forget([id(b, Q1)]);
    expect(card(b, Q1).memory.state).toBe('new');
    answer(a, Q1, 'again', T0 + 5 * DAY);
    syncAll(shared, T0 + 6 * DAY, a, b);

    const onA = card(a, Q1);
    const onB = card(b, Q1);
    // history kept: every answer is in both logs
    expect(a.col.reviewsOf(onA.id).map((r) => r.grade)).toEqual(['good', 'good', 'hard', 'again']);
    expect(b.col.reviewsOf(onB.id).map((r) => r.grade)).toEqual(['good', 'good', 'hard', 'again']);
    // afresh: the answer after the forget is a new card's first answer (reps and lapses counted on)
    const fresh = makeDevice('fresh');
    answer(fresh, Q1, 'again', T0 + 5 * DAY);
    const first = card(fresh, Q1).memory;
    expect(onA.memory).toMatchObject({ stability: first.stability, difficulty: first.difficulty, state: first.state, due: first.due, reps: 4 });
    expect(a.col.reviewsOf(onA.id).at(-1)!.stateBefore).toBe('new');
    expect(fullState(a)).toEqual(fullState(b));

    // b takes the forget back: on both devices the log replays without it
    setNow(T0 + 7 * DAY);
    b.col.undo();
    syncAll(shared, T0 + 8 * DAY, b, a);
    expect(card(a, Q1).memory.state).not.toBe('new');
    expect(a.col.reviewsOf(id(a, Q1)).at(-1)!.stateBefore).toBe('review');
    expect(fullState(a)).toEqual(fullState(b));
  });

  it('a forget on the device that answered, undone there before syncing, never reaches the other', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    sync(a, shared, T0);
    answer(a, Q2, 'good', T0 + HOUR);
    answer(a, Q2, 'good', T0 + 3 * DAY);
    const before = card(a, Q2).memory;
    setNow(T0 + 4 * DAY);
    a.col.forget([id(a, Q2)]);
    a.col.undo();
    expect(card(a, Q2).memory).toEqual(before);
    syncAll(shared, T0 + 5 * DAY, a, b);
    expect(card(b, Q2).memory).toEqual(before);
    expect(fullState(b)).toEqual(fullState(a));
  });

  it('tag edits flow both ways, survive a re-import, and an undo restores the tags everywhere', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    setNow(T0 + HOUR);
    a.col.tag([id(a, Q1)], ['hard-one', 'exam'], []);
    syncAll(shared, T0 + 2 * HOUR, a, b);
    expect(card(b, Q1).tags).toEqual(expect.arrayContaining(['hard-one', 'exam']));
    expect(card(b, Q1).tagEdits).toEqual({ add: ['hard-one', 'exam'], remove: [] });

    setNow(T0 + 3 * HOUR);
    b.col.tag([id(b, Q1)], [], ['exam']);
    syncAll(shared, T0 + 4 * HOUR, b, a);
    expect(card(a, Q1).tags).toContain('hard-one');
    expect(card(a, Q1).tags).not.toContain('exam');
    // a re-import of the note on a keeps the edits that came from b
    writeNote(a, `${NOTE}\nA fifth fact?::Yes.\n`);
    expect(card(a, Q1).tags).not.toContain('exam');
    expect(card(a, Q1).tags).toContain('hard-one');

    // b takes its removal back: exam is there again on a, as a hand edit
    setNow(T0 + 5 * HOUR);
    b.col.undo();
    expect(card(b, Q1).tags).toContain('exam');
    syncAll(shared, T0 + 6 * HOUR, b, a);
    expect(card(a, Q1).tags).toContain('exam');
    expect(card(a, Q1).tagEdits).toEqual(card(b, Q1).tagEdits);
    expect(card(a, Q1).tags.slice().sort()).toEqual(card(b, Q1).tags.slice().sort());
  });

  it('reschedule flows to the other device, an answer after it replays from it, and its undo propagates', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(a, Q1, 'good', T0 + 2 * DAY);
    syncAll(shared, T0 + 2 * DAY + HOUR, a, b);
    const answered = card(b, Q1).memory;

    setNow(T0 + 3 * DAY);
    b.col.reschedule([id(b, Q1)], 30);
    const due = card(b, Q1).memory.due;
    expect(due).toBeGreaterThan(answered.due);
    syncAll(shared, T0 + 3 * DAY + HOUR, b, a);
    expect(card(a, Q1).memory.due).toBe(due);
    expect(fullState(a)).toEqual(fullState(b));

    // an answer on a after the reschedule: both devices replay it from the rescheduled memory
    answer(a, Q1, 'good', T0 + 10 * DAY);
    syncAll(shared, T0 + 11 * DAY, a, b);
    expect(fullState(a)).toEqual(fullState(b));

    // a undoes its answer (b replays without it), then b undoes the reschedule
    setNow(T0 + 12 * DAY);
    a.col.undo();
    syncAll(shared, T0 + 12 * DAY + HOUR, a, b);
    expect(b.col.reviewsOf(id(b, Q1))).toHaveLength(2);
    expect(card(b, Q1).memory.due).toBe(due);
    setNow(T0 + 12 * DAY + 2 * HOUR);
    b.col.undo();
    expect(card(b, Q1).memory).toEqual(answered);
    syncAll(shared, T0 + 13 * DAY, b, a);
    expect(card(a, Q1).memory).toEqual(answered);
    expect(fullState(a)).toEqual(fullState(b));
  });

  it('a device that starts syncing late sends its flags, tag edits and forgets once', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(a, Q1, 'good', T0 + 2 * DAY);
    setNow(T0 + 3 * DAY);
    a.col.forget([id(a, Q1)]);
    answer(a, Q1, 'hard', T0 + 4 * DAY);
    setNow(T0 + 4 * DAY + HOUR);
    a.col.flag([id(a, Q2)], 2);
    a.col.tag([id(a, Q2)], ['later'], []);
    syncAll(shared, T0 + 5 * DAY, a, b);
    expect(card(b, Q2).flag).toBe(2);
    expect(card(b, Q2).tags).toContain('later');
    expect(fullState(b)).toEqual(fullState(a));
  });
});

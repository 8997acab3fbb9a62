/**
 * Sync through a shared folder, in-process: two and three databases (devices), each with its
 * own copy of the notes at its own absolute path, and one folder. Every test compares every
 * FSRS field of every card (and the log) across devices.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../src/core/index.js';
import { syncPaperCards } from '../../src/collection/quiz.js';
import { decide } from '../../src/collection/suggestions.js';
import { declare } from '../quiz/fixture.js';
import { cleanUpDevicesAfterEach, DAY, HOUR, NOTE, T0, answer, card, folderBytes, makeDevice, stateOf, tempDir, writeNote, type Device } from './helpers.js';

cleanUpDevicesAfterEach();

process.env['TZ'] = 'UTC';
beforeEach(() => setNow(T0));

const Q1 = 'What is the first fact?';
const Q2 = 'What is the second fact?';
const Q3 = 'What is the third fact?';

function sync(d: Device, dir: string, at: number = T0 + 30 * DAY) {
  setNow(at);
  return d.col.sync({ dir, device: d.name });
}

/** Syncs each device in turn, twice round, so everything written reaches everyone. */
function syncAll(dir: string, ...devices: Device[]): void {
  for (let round = 0; round < 2; round++) for (const d of devices) sync(d, dir);
}

describe('sync through a shared folder', () => {
  it('answers flow both ways, and every card ends the same on both devices', () => {
    const shared = tempDir();
    const a = makeDevice('laptop');
    const b = makeDevice('desktop');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(a, Q1, 'good', T0 + 2 * DAY);
    answer(b, Q2, 'again', T0 + 2 * HOUR);
    answer(b, Q2, 'good', T0 + 3 * HOUR);

    const first = sync(a, shared);
    expect(first).toMatchObject({ device: 'laptop', sent: 2, received: 0, applied: 0, cardsRebuilt: 0, pending: 0 });
    const second = sync(b, shared);
    expect(second).toMatchObject({ device: 'desktop', sent: 2, received: 2, applied: 2, cardsRebuilt: 1, pending: 0 });
    const third = sync(a, shared);
    expect(third).toMatchObject({ sent: 0, received: 2, applied: 2, cardsRebuilt: 1, pending: 0 });

    expect(stateOf(b)).toEqual(stateOf(a));
    expect(card(a, Q2).memory.reps).toBe(2);
    expect(card(b, Q1).memory.reps).toBe(2);
    // the folder holds only JSON-lines files, one folder per device
    expect(Object.keys(folderBytes(shared)).sort()).toEqual(['desktop/2026-12.jsonl', 'laptop/2026-12.jsonl']);
  });

  it('the same card answered offline on both devices keeps both answers, identical everywhere', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(b, Q1, 'again', T0 + 2 * HOUR);
    answer(a, Q1, 'hard', T0 + 3 * DAY);
    answer(b, Q1, 'easy', T0 + 4 * DAY);
    syncAll(shared, a, b);
    const state = stateOf(a);
    expect(state[Q1]!.log.map((l) => l.split('@')[0])).toEqual(['good', 'again', 'hard', 'easy']);
    expect(state[Q1]!.memory.reps).toBe(4);
    expect(stateOf(b)).toEqual(state);
  });

  it('an undo on one device removes that answer everywhere', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(b, Q1, 'again', T0 + 2 * HOUR);
    syncAll(shared, a, b);
    expect(b.col.reviewsOf(card(b, Q1).id)).toHaveLength(2);
    // b takes back its own answer: only that one goes, the other device's stays
    setNow(T0 + 31 * DAY);
    b.col.undo();
    expect(b.col.reviewsOf(card(b, Q1).id).map((r) => r.grade)).toEqual(['good']);
    // and undo never takes back an answer that came from another device
    expect(() => b.col.undo()).toThrow(/nothing to undo/);
    syncAll(shared, b, a);
    expect(a.col.reviewsOf(card(a, Q1).id).map((r) => r.grade)).toEqual(['good']);
    expect(stateOf(a)).toEqual(stateOf(b));
    expect(card(a, Q1).memory.reps).toBe(1);
  });

  it('an undo that arrives with its answer (never applied) leaves the card untouched', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    sync(a, shared);
    answer(a, Q2, 'easy', T0 + HOUR);
    setNow(T0 + 2 * HOUR);
    a.col.undo();
    answer(a, Q2, 'hard', T0 + 3 * HOUR);
    syncAll(shared, a, b);
    expect(b.col.reviewsOf(card(b, Q2).id).map((r) => r.grade)).toEqual(['hard']);
    expect(stateOf(b)).toEqual(stateOf(a));
  });

  it('syncing again with nothing new changes nothing: not the folder bytes, not the databases', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(b, Q2, 'good', T0 + HOUR);
    syncAll(shared, a, b);
    const bytes = folderBytes(shared);
    const before = [stateOf(a), stateOf(b)];
    for (const d of [a, b]) {
      expect(sync(d, shared)).toMatchObject({ sent: 0, received: 0, applied: 0, cardsRebuilt: 0, pending: 0, warnings: [] });
    }
    expect(folderBytes(shared)).toEqual(bytes);
    expect([stateOf(a), stateOf(b)]).toEqual(before);
  });

  it('files arriving in any order (three devices, several months) give the same state', () => {
    const shared = tempDir();
    const devices = [makeDevice('a'), makeDevice('b'), makeDevice('c')];
    const fronts = [Q1, Q2, Q3];
    const grades = ['again', 'hard', 'good', 'easy'] as const;
    // answers spread over December and January: two monthly files per device
    devices.forEach((d, i) => {
      for (let k = 0; k < 6; k++) answer(d, fronts[(i + k) % 3]!, grades[(i * 7 + k * 3) % 4]!, T0 + (k * 9 + i) * DAY + i * HOUR);
      setNow(T0 + 60 * DAY);
      d.col.sync({ dir: shared, device: d.name });
    });
    const files = Object.keys(folderBytes(shared)).sort();
    expect(files).toHaveLength(6);
    const results: unknown[] = [];
    for (const seed of [1, 2, 3]) {
      const d = makeDevice(`late${seed}`);
      const private_ = tempDir();
      // a deterministic shuffle of the files; sync after each arrival
      const order = [...files].sort((x, y) => hash(`${seed}${x}`) - hash(`${seed}${y}`));
      for (const file of order) {
        fs.mkdirSync(path.join(private_, path.dirname(file)), { recursive: true });
        fs.copyFileSync(path.join(shared, file), path.join(private_, file));
        sync(d, private_, T0 + 60 * DAY);
      }
      results.push(stateOf(d));
    }
    syncAll(shared, ...devices);
    for (const r of results) expect(r).toEqual(stateOf(devices[0]!));
    expect(stateOf(devices[1]!)).toEqual(stateOf(devices[0]!));
    expect(stateOf(devices[2]!)).toEqual(stateOf(devices[0]!));
  });

  it('a torn last line is left until it is complete', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(a, Q2, 'easy', T0 + 2 * HOUR);
    const own = tempDir();
    sync(a, own);
    const text = fs.readFileSync(path.join(own, 'a', '2026-12.jsonl'), 'utf8');
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    // a sync tool has copied the file half way through its last line
    fs.mkdirSync(path.join(shared, 'a'));
    const file = path.join(shared, 'a', '2026-12.jsonl');
    fs.writeFileSync(file, `${lines[0]}\n${lines[1]!.slice(0, 40)}`);
    const partial = sync(b, shared);
    expect(partial).toMatchObject({ received: 1, applied: 1, warnings: [] });
    expect(card(b, Q2).memory.reps).toBe(0);
    fs.writeFileSync(file, text);
    expect(sync(b, shared)).toMatchObject({ received: 1, applied: 1, warnings: [] });
    expect(stateOf(b)).toEqual(stateOf(a));
  });

  it('a clock 3 days off: a warning, and still the same state on both devices', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + 10 * DAY);
    // b's clock is 3 days behind: its answer, given after a's, is written 3 days earlier
    answer(b, Q1, 'again', T0 + 10 * DAY + HOUR - 3 * DAY);
    sync(a, shared, T0 + 10 * DAY + 2 * HOUR);
    const onB = sync(b, shared, T0 + 7 * DAY + 2 * HOUR);
    expect(onB.warnings.some((w) => /^device a: clock skew, 3 days ahead of this clock/.test(w))).toBe(true);
    sync(a, shared, T0 + 10 * DAY + 3 * HOUR);
    expect(stateOf(b)).toEqual(stateOf(a));
    expect(stateOf(a)[Q1]!.log.map((l) => l.split('@')[0])).toEqual(['again', 'good']);
  });

  it('a question edited (relinked) on one device reaches a device with the old text, and one that imports the new text later', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    sync(a, shared, T0);
    answer(a, Q1, 'good', T0 + HOUR);
    // a fixes a typo in the question: the import keeps the card and its history (a relink)
    const edited = NOTE.replace(Q1, 'What is the frist fact?');
    setNow(T0 + DAY);
    writeNote(a, edited);
    answer(a, 'What is the frist fact?', 'easy', T0 + 3 * DAY);
    sync(a, shared);
    // b still has the old text: both answers (old name and new name) land on its card
    sync(b, shared);
    expect(b.col.reviewsOf(card(b, Q1).id).map((r) => r.grade)).toEqual(['good', 'easy']);
    // c had no notes when it first synced: the events wait, then apply once the notes are imported
    const c = makeDevice('c', null);
    const early = sync(c, shared);
    expect(early.pending).toBeGreaterThan(0);
    expect(early.warnings.some((w) => /(events wait|event waits) for cards this device does not have/.test(w))).toBe(true);
    setNow(T0 + 40 * DAY);
    writeNote(c, edited);
    const late = sync(c, shared);
    expect(late.pending).toBe(0);
    expect(c.col.reviewsOf(card(c, 'What is the frist fact?').id).map((r) => r.grade)).toEqual(['good', 'easy']);
    expect(card(c, 'What is the frist fact?').memory).toEqual(card(a, 'What is the frist fact?').memory);
    expect(card(b, Q1).memory).toEqual(card(a, 'What is the frist fact?').memory);
  });

  it('suspend, bury, triage and option changes: the latest wins on every device, whatever the sync order', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    sync(a, shared);
    sync(b, shared);
    setNow(T0 + HOUR);
    a.col.suspend(card(a, Q1).id, true);
    setNow(T0 + 2 * HOUR);
    b.col.suspend(card(b, Q1).id, false); // b's is later: unsuspended wins
    b.col.suspend(card(b, Q2).id, true);
    setNow(T0 + 3 * HOUR);
    a.col.setOption('Sync', 'desiredRetention', '0.85');
    a.col.bury(card(a, Q3).id);
    // b syncs first this time: a's older suspend must not override b's newer unsuspend
    sync(b, shared);
    sync(a, shared);
    sync(b, shared);
    for (const d of [a, b]) {
      expect(card(d, Q1).suspended).toBe(false);
      expect(card(d, Q2).suspended).toBe(true);
      expect(card(d, Q3).buriedUntil).toBeGreaterThan(T0);
      expect(d.col.getOptions('Sync')[0]!.options.desiredRetention).toBe(0.85);
    }
    expect(card(b, Q3).buriedUntil).toBe(card(a, Q3).buriedUntil);
  });

  it('a scheduling option changed on one device: every device replays the deck with it, and they agree', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    syncAll(shared, a, b);
    answer(a, Q1, 'good', T0 + HOUR);
    answer(a, Q1, 'good', T0 + DAY);
    answer(a, Q1, 'good', T0 + 5 * DAY);
    answer(b, Q2, 'good', T0 + HOUR);
    answer(b, Q2, 'good', T0 + 2 * DAY);
    const before = card(a, Q1).memory;
    setNow(T0 + 6 * DAY);
    a.col.setOption('Sync', 'desiredRetention', '0.75');
    // the card's interval is what its log replays to with the new retention
    expect(card(a, Q1).memory.due).toBeGreaterThan(before.due);
    syncAll(shared, a, b);
    expect(stateOf(b)).toEqual(stateOf(a));
  });

  it('triage decisions and paper-quiz answers reach the other device', () => {
    const shared = tempDir();
    const prose = NOTE.replace('deck: Sync', 'deck: Sync\ncards: both') + '\n**Beam search**: a search that keeps the k best partial sequences at each step.\n';
    const a = makeDevice('a', prose);
    const b = makeDevice('b', prose);
    for (const d of [a, b]) {
      declare(d.col.store);
      syncPaperCards(d.col);
    }
    syncAll(shared, a, b);
    const suggestion = a.col.cards({}).find((c) => c.status === 'suggested');
    expect(suggestion).toBeDefined();
    setNow(T0 + HOUR);
    decide(a.col, [suggestion!.id], 'accept');
    const paper = (d: Device) => d.col.cards({}).find((c) => c.kind === 'paper' && c.itemKey.endsWith('tfn'))!;
    setNow(T0 + 2 * HOUR);
    a.col.answer(paper(a).id, 'easy');
    syncAll(shared, a, b);
    expect(card(b, suggestion!.front).status).toBe('accepted');
    expect(paper(b).memory).toEqual(paper(a).memory);
    expect(paper(b).memory.reps).toBe(1);
    expect(stateOf(b)).toEqual(stateOf(a));
  });

  it('malformed lines, a future version, a stray file and a device folder that is a file: one warning each, nothing lost', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    sync(a, shared);
    const file = path.join(shared, 'a', '2026-12.jsonl');
    const future = JSON.stringify({ v: 99, id: '00000000-0000-4000-8000-000000000099', device: 'a', seq: 2, time: T0 + 2 * HOUR, offset: 0, type: 'teleport' });
    fs.appendFileSync(file, `{not json\n${future}\n`);
    fs.writeFileSync(path.join(shared, 'notes.txt'), 'hello');
    const report = sync(b, shared);
    expect(report.applied).toBe(1);
    expect(report.pending).toBe(1);
    expect(report.warnings).toEqual([
      `${file}:2: malformed event (not JSON), skipped`,
      `${file}:3: event format v99 is newer than this engram (v1); kept until engram is upgraded`,
      `${path.join(shared, 'notes.txt')}: not a device folder (not a directory), skipped`,
    ]);
    expect(card(b, Q1).memory).toEqual(card(a, Q1).memory);
    // a's own folder must be a folder
    fs.rmSync(path.join(shared, 'a'), { recursive: true });
    fs.writeFileSync(path.join(shared, 'a'), 'x');
    answer(a, Q2, 'good', T0 + 3 * HOUR);
    expect(() => sync(a, shared)).toThrow(/is not a folder/);
  });

  it('the folder is remembered; the device name is kept and cannot be taken twice', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    setNow(T0);
    a.col.sync({ dir: shared, device: 'a' });
    answer(a, Q1, 'good', T0 + HOUR);
    expect(a.col.sync()).toMatchObject({ device: 'a', sent: 1 });
    expect(() => a.col.sync({ device: 'other' })).toThrow(/already syncs as device a/);
    const twin = makeDevice('twin');
    expect(() => twin.col.sync({ dir: shared, device: 'a' })).toThrow(/another database syncs as a/);
    const status = a.col.syncStatus();
    expect(status).toMatchObject({ device: 'a', dir: shared, autoSync: false, pending: 0 });
    expect(status.devices).toEqual([{ device: 'a', events: 1, lastEventAt: new Date(T0 + HOUR).toISOString(), self: true }]);
  });

  it('a device that starts syncing late sends its whole history once', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(a, Q1, 'good', T0 + 3 * DAY);
    setNow(T0 + 4 * DAY);
    a.col.suspend(card(a, Q3).id, true);
    const b = makeDevice('b');
    expect(sync(a, shared).sent).toBe(3);
    sync(b, shared);
    expect(stateOf(b)).toEqual(stateOf(a));
  });

  it('a git repository round trip: two clones, commit, pull, push, no conflict', () => {
    const root = tempDir();
    const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' }).toString();
    git(root, 'init', '--bare', '-q', 'remote.git');
    git(root, 'clone', '-q', 'remote.git', 'one');
    const one = path.join(root, 'one');
    fs.writeFileSync(path.join(one, '.gitattributes'), '*.jsonl merge=union -text\n');
    git(one, 'add', '.');
    git(one, 'commit', '-qm', 'sync folder');
    git(one, 'push', '-q', 'origin', 'HEAD:main');
    git(root, 'clone', '-q', '-b', 'main', 'remote.git', 'two');
    const two = path.join(root, 'two');
    const a = makeDevice('a');
    const b = makeDevice('b');
    answer(a, Q1, 'good', T0 + HOUR);
    answer(b, Q1, 'again', T0 + 2 * HOUR);
    answer(b, Q2, 'good', T0 + 2 * HOUR);
    // both devices sync and commit before either pulls
    sync(a, one);
    git(one, 'add', '-A');
    git(one, 'commit', '-qm', 'a');
    sync(b, two);
    git(two, 'add', '-A');
    git(two, 'commit', '-qm', 'b');
    git(one, 'push', '-q', 'origin', 'HEAD:main');
    git(two, 'pull', '-q', '--no-rebase', 'origin', 'main');
    sync(b, two);
    git(two, 'push', '-q', 'origin', 'HEAD:main');
    git(one, 'pull', '-q', '--no-rebase', 'origin', 'main');
    sync(a, one);
    expect(git(one, 'status', '--porcelain')).toBe('');
    expect(stateOf(a)).toEqual(stateOf(b));
    expect(card(a, Q1).memory.reps).toBe(2);
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * Card actions through the use-case layer (forget, flag, tag, reschedule, suspend, bury) and
 * the action journal's undo: the newest action of any kind first, in order, across processes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { DAY, setNow } from '../../src/core/index.js';
import { cardHistories } from '../../src/scheduler/optimizer-items.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const DAY1 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(DAY1);
const at = (ms: number) => setNow(ms);

function addCards(n: number): number[] {
  return Array.from({ length: n }, (_, i) => temp.col().addCard('Test', `question ${i + 1}`, `answer ${i + 1}`).id);
}

/** A card in review: answered good twice across the learning steps, then easy. */
function reviewCard(): number {
  const col = temp.col();
  const [id] = addCards(1) as [number];
  col.answer(id, 'easy');
  expect(col.getCard(id).memory.state).toBe('review');
  return id;
}

describe('forget', () => {
  it('puts a card back to new and keeps its review log; undo brings the memory back', () => {
    const col = temp.col();
    const id = reviewCard();
    const before = col.getCard(id).memory;
    at(DAY1 + 3 * DAY);
    const result = col.forget([id]);
    expect(result.change).toEqual({ kind: 'forget', cardIds: [id] });
    const card = col.getCard(id);
    expect(card.memory.state).toBe('new');
    expect(card.memory.stability).toBe(0);
    expect(card.memory.due).toBe(DAY1 + 3 * DAY);
    expect(card.memory.reps).toBe(before.reps); // Anki's default: the counts stay
    expect(col.reviewsOf(id)).toHaveLength(1);
    expect(col.queue().cards.map((c) => c.id)).toContain(id);
    const undone = col.undo();
    expect(undone.entry.change.kind).toBe('forget');
    expect(col.getCard(id).memory).toEqual(before);
    expect(col.reviewsOf(id)).toHaveLength(1);
  });

  it('a forgotten card answered again starts a fresh history for the optimizer; the old answers stay in the log', () => {
    const col = temp.col();
    const id = reviewCard();
    at(DAY1 + 5 * DAY);
    col.answer(id, 'good');
    at(DAY1 + 6 * DAY);
    col.forget([id]);
    col.answer(id, 'again');
    at(DAY1 + 8 * DAY);
    col.answer(id, 'good');
    const rows = col.reviewsOf(id).map((r) => ({ cardId: id, grade: r.grade, reviewedAt: r.reviewedAt, stateBefore: r.stateBefore, rolloverHour: 4 }));
    expect(rows).toHaveLength(4);
    const [history] = cardHistories(rows);
    expect(history!.steps.map((s) => s.rating)).toEqual([1, 3]);
  });
});

describe('flag', () => {
  it('sets and clears flags 1-4 on several cards; undo restores each card its own flag', () => {
    const col = temp.col();
    const [a, b] = addCards(2) as [number, number];
    col.flag([a], 2);
    col.flag([a, b], 4);
    expect([col.getCard(a).flag, col.getCard(b).flag]).toEqual([4, 4]);
    col.undo();
    expect([col.getCard(a).flag, col.getCard(b).flag]).toEqual([2, 0]);
    col.flag([a], 0);
    expect(col.getCard(a).flag).toBe(0);
  });

  it('refuses a flag outside 0-4 and an unknown card, changing nothing', () => {
    const col = temp.col();
    const [a] = addCards(1) as [number];
    expect(() => col.flag([a], 5)).toThrow(/flag must be 0-4/);
    expect(() => col.flag([a, 999], 1)).toThrow('no card with id 999');
    expect(col.getCard(a).flag).toBe(0);
    expect(() => col.undo()).toThrow('nothing to undo');
  });
});

describe('tag', () => {
  it('adds and removes tags; the edits survive a re-import of the note, also after the card is edited', () => {
    const col = temp.col();
    const dir = temp.dir();
    const note = path.join(dir, 'notes', 'a.md');
    fs.mkdirSync(path.dirname(note), { recursive: true });
    fs.writeFileSync(note, '---\ntags: [bio, cell]\n---\n# Cells\n\nmitochondria::powerhouse of the cell\n');
    importNotes(col, [path.join(dir, 'notes')]);
    const [card] = col.cards({});
    expect(card!.tags).toEqual(['bio', 'cell']);
    col.tag([card!.id], ['exam'], ['cell']);
    expect(col.getCard(card!.id).tags).toEqual(['bio', 'exam']);
    // The note changes its tags and its answer: the note's tags follow the file, the user's edits stay.
    fs.writeFileSync(note, '---\ntags: [bio, cell, organelle]\n---\n# Cells\n\nmitochondria::the powerhouse of the cell\n');
    at(DAY1 + 1000);
    importNotes(col, [path.join(dir, 'notes')]);
    const after = col.getCard(card!.id);
    expect(after.back).toBe('the powerhouse of the cell');
    expect(after.tags).toEqual(['bio', 'organelle', 'exam']);
    expect(after.tagEdits).toEqual({ add: ['exam'], remove: ['cell'] });
  });

  it('undo restores the tags and the edits; a later add cancels an earlier remove', () => {
    const col = temp.col();
    const [a] = addCards(1) as [number];
    col.tag([a], ['x', 'y'], []);
    col.tag([a], [], ['x']);
    expect(col.getCard(a).tags).toEqual(['y']);
    expect(col.getCard(a).tagEdits).toEqual({ add: ['y'], remove: ['x'] });
    col.tag([a], ['x'], []);
    expect(col.getCard(a).tagEdits).toEqual({ add: ['y', 'x'], remove: [] });
    col.undo();
    expect(col.getCard(a).tags).toEqual(['y']);
    expect(col.getCard(a).tagEdits).toEqual({ add: ['y'], remove: ['x'] });
    expect(() => col.tag([a], [], [])).toThrow('name a tag');
  });
});

describe('reschedule', () => {
  it('makes a review card due N study days from now and keeps it in review with its stability', () => {
    const col = temp.col();
    const id = reviewCard();
    const before = col.getCard(id).memory;
    col.reschedule([id], 10);
    const card = col.getCard(id);
    expect(card.memory.state).toBe('review');
    expect(card.memory.stability).toBe(before.stability);
    expect(card.memory.due).toBe(Date.parse('2026-12-11T04:00:00Z')); // the study day starts at 4:00
    col.reschedule([id], 0);
    expect(col.getCard(id).memory.due).toBe(DAY1);
    expect(col.queue().cards.map((c) => c.id)).toContain(id);
    col.undo();
    col.undo();
    expect(col.getCard(id).memory).toEqual(before);
  });

  it('a learning card goes to review; a new card and a bad day count are refused', () => {
    const col = temp.col();
    const [fresh, learning] = addCards(2) as [number, number];
    col.answer(learning, 'good');
    expect(col.getCard(learning).memory.state).toBe('learning');
    col.reschedule([learning], 3);
    expect(col.getCard(learning).memory.state).toBe('review');
    expect(() => col.reschedule([fresh], 3)).toThrow(`card ${fresh} is new`);
    expect(() => col.reschedule([learning], -1)).toThrow(/--days must be a whole number/);
    expect(() => col.reschedule([learning], 1.5)).toThrow(/--days must be a whole number/);
  });
});

describe('undo of any action, in order', () => {
  it('takes back answer, suspend, bury, flag, forget, tag and reschedule newest first', () => {
    const col = temp.col();
    const [a, b, c] = addCards(3) as [number, number, number];
    col.answer(a, 'easy');
    col.suspend(b, true);
    col.bury(c);
    col.flag([a], 1);
    col.tag([a], ['t'], []);
    col.reschedule([a], 5);
    col.forget([a]);
    const kinds: string[] = [];
    for (let i = 0; i < 7; i++) kinds.push(col.undo().entry.change.kind);
    expect(kinds).toEqual(['forget', 'reschedule', 'tag', 'flag', 'bury', 'suspend', 'answer']);
    const [ca, cb, cc] = [col.getCard(a), col.getCard(b), col.getCard(c)];
    expect(ca.memory.state).toBe('new');
    expect(ca.flag).toBe(0);
    expect(ca.tags).toEqual([]);
    expect(col.reviewsOf(a)).toHaveLength(0);
    expect(cb.suspended).toBe(false);
    expect(cc.buriedUntil).toBe(0);
    expect(() => col.undo()).toThrow('nothing to undo');
  });

  it('u after s no longer skips the suspend: the suspend is undone first, then the answer', () => {
    const col = temp.col();
    const [a, b] = addCards(2) as [number, number];
    const answered = col.answer(a, 'good');
    col.suspend(b, true);
    expect(() => col.undo({ actionId: answered.actionId })).toThrow('the last action (suspend) was taken elsewhere since');
    expect(col.undo().cards.map((x) => x.id)).toEqual([b]);
    expect(col.getCard(b).suspended).toBe(false);
    expect(col.undo({ actionId: answered.actionId }).review?.id).toBe(answered.reviewId);
  });

  it('the journal is in the database: another connection undoes what this one did', () => {
    const col = temp.col();
    const [a] = addCards(1) as [number];
    col.flag([a], 3);
    const other = Collection.open(col.store.path);
    try {
      expect(other.undo().entry.change).toEqual({ kind: 'flag', cardIds: [a], flag: 3 });
    } finally {
      other.close();
    }
    expect(col.getCard(a).flag).toBe(0);
  });

  it('an undone action stays in the journal, marked undone, and is not undone twice', () => {
    const col = temp.col();
    const [a] = addCards(1) as [number];
    col.flag([a], 1);
    col.flag([a], 2);
    col.undo();
    col.flag([a], 3);
    col.undo();
    expect(col.getCard(a).flag).toBe(1);
    const rows = col.store.db.prepare('SELECT kind, undone_at FROM actions ORDER BY id').all() as Array<{ undone_at: number | null }>;
    expect(rows.map((r) => r.undone_at !== null)).toEqual([false, true, true]);
  });
});

describe('upgrading a database made before the journal', () => {
  it('the migration journals the last answer already logged, so undo works as it did before the upgrade', () => {
    const col = temp.col();
    const [a, b] = addCards(2) as [number, number];
    col.answer(a, 'good');
    col.answer(b, 'easy');
    const file = col.store.path;
    // Back to the schema before the journal's migration, with the two answers in the log.
    const journal = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE actions'));
    col.store.db.exec('DROP TABLE actions; ALTER TABLE cards DROP COLUMN tag_edits; ALTER TABLE cards DROP COLUMN type_in;');
    // and what the migrations after it made (sync's tables)
    col.store.db.exec('DROP TABLE sync_settings; DROP TABLE sync_events; DROP TABLE sync_files;');
    // and the kept card counts and hourly log counts (migration 13; it recreates the calibration cache itself)
    col.store.db.exec(`DROP TRIGGER card_counts_delete; DROP TRIGGER card_counts_update_old;
      DROP TRIGGER card_counts_update_new; DROP TABLE card_counts; DROP TABLE card_counts_mark;
      DROP TRIGGER review_hours_insert; DROP TRIGGER review_hours_update; DROP TRIGGER review_hours_delete; DROP TABLE review_hours;`);
    // and the queue's key index and the log's deck column (migration 15)
    col.store.db.exec(`DROP INDEX cards_review_keys; DROP TRIGGER reviews_deck_insert; DROP TRIGGER reviews_deck_move;
      DROP TRIGGER reviews_deck_card; DROP INDEX reviews_answered; ALTER TABLE reviews DROP COLUMN deck_id;`);
    col.store.db.pragma(`user_version = ${journal}`);
    const upgraded = Collection.open(file);
    try {
      expect(upgraded.undo().review?.cardId).toBe(b);
      expect(upgraded.getCard(b).memory.state).toBe('new');
      expect(() => upgraded.undo()).toThrow('nothing to undo');
      expect(upgraded.getCard(a).tagEdits).toEqual({ add: [], remove: [] });
    } finally {
      upgraded.close();
    }
  });
});

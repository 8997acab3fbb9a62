/**
 * The live cards per deck and class that migration 13 keeps (counts and sums up to a mark, the
 * tail above it read from the table) must equal the count over every card, whatever wrote the
 * cards: an import (folded at its end), cards added by hand (the tail), answers and their undo,
 * suspend, bury, a re-import that retires cards, raw deletes, moves and status changes, an id
 * reused after the top card was deleted, a long tail folded by a read, and a restore from a backup. `engram
 * stats` and `engram decks` read them, so they are checked against their simple computations too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collection, type DeckSummary } from '../../src/collection/index.js';
import { buildBackup } from '../../src/collection/export.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { restoreBackup } from '../../src/collection/restore.js';
import { collectionStats, type CollectionStats } from '../../src/collection/stats.js';
import { DAY, now, setNow } from '../../src/core/index.js';
import type { CardClassCount } from '../../src/store/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);
const GRADES = ['again', 'hard', 'good', 'easy'] as const;

/** Entries summed per class (the kept part and the tail may both hold one), empty classes left out. */
function byClass(rows: CardClassCount[]): Map<string, { count: number; stability: number; difficulty: number }> {
  const out = new Map<string, { count: number; stability: number; difficulty: number }>();
  for (const r of rows) {
    const key = `${r.deckId}/${r.status}/${r.state}/${r.suspended}/${r.paper}`;
    const entry = out.get(key) ?? { count: 0, stability: 0, difficulty: 0 };
    entry.count += r.count;
    entry.stability += r.stability;
    entry.difficulty += r.difficulty;
    out.set(key, entry);
  }
  for (const [key, entry] of out) if (entry.count === 0) out.delete(key);
  return out;
}

const mark = (col: Collection) => (col.store.db.prepare('SELECT mark FROM card_counts_mark').get() as { mark: number }).mark;
const maxId = (col: Collection) => (col.store.db.prepare('SELECT MAX(id) AS id FROM cards').get() as { id: number }).id;

function expectKept(col: Collection, step: string): void {
  const kept = byClass(col.store.deckCardCounts());
  const scanned = byClass(col.store.deckCardCountsScanned());
  expect({ step, classes: [...kept.keys()].sort() }).toEqual({ step, classes: [...scanned.keys()].sort() });
  for (const [key, want] of scanned) {
    const got = kept.get(key)!;
    expect({ step, key, count: got.count }).toEqual({ step, key, count: want.count });
    // Sums kept by adding and taking out floating-point values: equal but for the last bits.
    expect(got.stability).toBeCloseTo(want.stability, 6);
    expect(got.difficulty).toBeCloseTo(want.difficulty, 6);
  }
  // What the commands show: stats (kept against simple) and the deck list (against the per-card query).
  const strip = (s: CollectionStats) => ({ ...s, generatedAt: 0, averageStability: null, averageDifficulty: null });
  const simple = collectionStats(col, { simple: true, calibration: false });
  const fast = collectionStats(col, { calibration: false });
  expect(strip(fast)).toEqual(strip(simple));
  expect(fast.averageStability ?? 0).toBeCloseTo(simple.averageStability ?? 0, 9);
  const decks = new Map(col.decks().map((d: DeckSummary) => [d.name, d]));
  for (const d of col.store.deckStats()) {
    const mine = decks.get(d.name)!;
    expect({ step, deck: d.name, total: mine.total, new: mine.new, learning: mine.learning, suspended: mine.suspended, quiz: mine.quizCards, suggestions: mine.suggestions })
      .toEqual({ step, deck: d.name, total: d.total, new: d.new, learning: d.learning, suspended: d.suspended, quiz: d.quiz, suggestions: d.suggestions });
  }
}

function writeVault(dir: string, notes: number, cardsEach: number, skip = new Set<string>()): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 0; n < notes; n++) {
    const cards = Array.from({ length: cardsEach }, (_, i) => `Question ${n}x${i} about planets?::Answer m${n}x${i}`).filter((c) => !skip.has(c));
    const sub = path.join(dir, `topic${n % 3}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `note-${n}.md`), `# Note ${n}\n\n${cards.join('\n\n')}\n`);
  }
}

describe('the card counts migration 13 keeps', () => {
  it('equal the count over every card through each kind of write', () => {
    const col = temp.col();
    const rnd = prng(4242);
    const vault = path.join(temp.dir(), 'notes');
    writeVault(vault, 12, 15);
    importNotes(col, [vault]);
    expect(mark(col)).toBe(maxId(col)); // the import folded its cards in
    expectKept(col, 'import');

    // Answers over some days (triggers move cards between classes and change their sums), undo, suspend, bury.
    const ids = (col.store.db.prepare('SELECT id FROM cards ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
    for (let day = 20; day >= 1; day--) {
      setNow(NOW - day * DAY);
      for (const id of ids) {
        const card = col.getCard(id);
        if (rnd() < 0.25 && !card.retired && !card.suspended && card.status === 'accepted') col.answer(id, GRADES[Math.floor(rnd() * 4)]!);
      }
    }
    setNow(NOW);
    for (let i = 0; i < 7; i++) col.undo();
    for (const id of ids) {
      const r = rnd();
      if (r < 0.05) col.suspend(id, true);
      else if (r < 0.1) col.bury(id);
    }
    expectKept(col, 'answers, undo, suspend, bury');

    // Cards added one at a time land above the mark (the tail) and are answered there.
    const added = ['alpha', 'beta', 'gamma'].map((w, i) => col.addCard(i === 2 ? 'topic0' : 'Hand', `Typed ${w}?`, `Answer ${w}`).id);
    expect(mark(col)).toBeLessThan(maxId(col));
    col.answer(added[0]!, 'good');
    expectKept(col, 'cards added by hand');

    // A re-import where a note lost cards (retired) and another is gone.
    writeVault(vault, 12, 15, new Set(['Question 3x1 about planets?::Answer m3x1', 'Question 4x2 about planets?::Answer m4x2']));
    fs.rmSync(path.join(vault, 'topic2', 'note-5.md'));
    importNotes(col, [vault]);
    expectKept(col, 're-import that removes cards');

    // Raw writes: a move, status changes, deletes (with their log), a retire undone.
    const db = col.store.db;
    db.prepare("UPDATE cards SET deck_id = (SELECT id FROM decks WHERE name = 'Hand') WHERE id % 7 = 0").run();
    db.prepare("UPDATE cards SET status = 'suggested' WHERE id % 11 = 0").run();
    db.prepare("UPDATE cards SET kind = 'paper' WHERE id % 13 = 0").run();
    db.prepare('UPDATE cards SET retired = 1 - retired WHERE id % 17 = 0').run();
    for (const id of [ids[5]!, ids[9]!, added[1]!]) {
      db.prepare('DELETE FROM reviews WHERE card_id = ?').run(id);
      db.prepare('DELETE FROM cards WHERE id = ?').run(id);
    }
    expectKept(col, 'raw moves, status changes, deletes');

    // Folded, then the top card deleted: the mark comes down, and the next insert, which
    // reuses an id at or below the old mark, lands above the new one (in the tail).
    col.store.transactionWithSearchIndexDeferred(() => undefined);
    expect(mark(col)).toBe(maxId(col));
    const top = maxId(col);
    db.prepare('DELETE FROM reviews WHERE card_id = ?').run(top);
    db.prepare('DELETE FROM cards WHERE id = ?').run(top);
    expect(mark(col)).toBe(maxId(col));
    const reused = col.addCard('Hand', 'Reused id?', 'Yes').id;
    expect(reused).toBeLessThanOrEqual(top);
    expect(reused).toBeGreaterThan(mark(col));
    expectKept(col, 'an id reused at the mark');

    // A long tail (raw single inserts) is folded by the next read of the counts.
    col.store.transaction(() => {
      for (let i = 0; i < 2_500; i++) col.addCard(`Bulk${i % 4}`, `Bulk question ${i}?`, `Bulk answer ${i}`);
    });
    expect(maxId(col) - mark(col)).toBeGreaterThan(2_000);
    col.decks();
    expect(mark(col)).toBe(maxId(col));
    expectKept(col, 'a long tail folded');
    expect(now()).toBe(NOW);

    // A restore from a backup into an empty database.
    const backup = path.join(temp.dir(), 'backup.json');
    fs.writeFileSync(backup, JSON.stringify(buildBackup(col)));
    const other = Collection.open(path.join(temp.dir(), 'other.db'));
    try {
      restoreBackup(other, backup);
      expectKept(other, 'restore');
      expect(mark(other)).toBe(maxId(other));
    } finally {
      other.close();
    }
  });
});

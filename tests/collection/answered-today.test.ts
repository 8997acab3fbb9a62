/**
 * The daily limits count today's answers per deck from the log's own deck column (migration 15,
 * kept by triggers), not through each answered card's row. On random histories (answers over
 * days, undo, cards moved between decks, rows written without a deck) it must equal the count
 * through the cards' current decks, and read one index alone.
 */
import { describe, expect, it } from 'vitest';
import { DAY, setNow } from '../../src/core/index.js';
import { QUEUE_SQL } from '../../src/store/tables/queue.js';
import { useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);
const GRADES = ['again', 'hard', 'good', 'easy'] as const;
const sorted = <T extends { deckId: number; stateBefore: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.deckId - b.deckId || a.stateBefore.localeCompare(b.stateBefore));

describe("today's answers per deck", () => {
  it.each([1, 2, 3, 4])('equal the count through the cards\' decks after answers, undo, moves and raw rows (history %i)', (seed) => {
    const col = temp.col();
    const rnd = prng(seed * 977);
    const decks = ['a', 'b', 'c::d'].map((name) => col.ensureDeck(name));
    const ids = Array.from({ length: 30 }, (_, i) => col.addCard(['a', 'b', 'c::d'][i % 3]!, `q${i}`, `a${i}`).id);
    const move = col.store.db.prepare('UPDATE cards SET deck_id = ? WHERE id = ?');
    // A log row put on another card (no engram command does; the trigger keeps the deck right anyway).
    const retarget = col.store.db.prepare('UPDATE reviews SET card_id = ? WHERE id = ?');
    const raw = col.store.db.prepare(`INSERT INTO reviews (card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, state_after, before)
      VALUES (?, 'good', ?, 0, 1000, 'review', 'review', '{}')`);
    for (let step = 0; step < 120; step++) {
      const time = NOW - Math.floor(rnd() * 3 * DAY);
      setNow(time);
      const id = ids[Math.floor(rnd() * ids.length)]!;
      const r = rnd();
      if (r < 0.55) col.answer(id, GRADES[Math.floor(rnd() * GRADES.length)]!);
      else if (r < 0.65) { try { col.undo(); } catch { /* nothing to undo */ } }
      else if (r < 0.8) move.run(decks[Math.floor(rnd() * decks.length)]!, id);
      else if (r < 0.88) retarget.run(id, Math.floor(rnd() * 40) + 1);
      else raw.run(id, time);
    }
    setNow(NOW);
    for (const since of [0, NOW - DAY, NOW - 2 * DAY, NOW - 3_600_000]) {
      expect({ since, rows: sorted(col.store.answeredSince(since)) }).toEqual({ since, rows: sorted(col.store.answeredSince(since, true)) });
    }
    expect(col.store.answeredSince(0).length).toBeGreaterThan(2);
    expect(col.store.db.prepare('SELECT COUNT(*) FROM reviews WHERE deck_id IS NULL').pluck().get()).toBe(0);
  });

  it('reads the one index, no card row', () => {
    const col = temp.col();
    const plan = (col.store.db.prepare(`EXPLAIN QUERY PLAN ${QUEUE_SQL.answeredToday}`).all(0) as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan[0]).toMatch(/^SEARCH reviews USING COVERING INDEX reviews_answered \(reviewed_at>\?\)$/);
    expect(plan.join(' ')).not.toMatch(/cards/);
  });
});

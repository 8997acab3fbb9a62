/**
 * `engram stats` reads the counts migration 10's triggers keep (cards per deck and class, the
 * log per quarter hour) and a per-deck calibration cache. They must give exactly what the
 * simple computation over every card and review gives: after raw inserts, answers, undo,
 * deletes, rows rewritten in place, cards moving between decks, for all decks, a deck with its sub-decks, and one deck.
 */
process.env.TZ = 'UTC';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '../../src/core/index.js';
import { collectionStats, type CollectionStats } from '../../src/collection/stats.js';
import { DAY, NOW, synthetic, type Synthetic } from '../stats/synthetic.js';
import { CALIBRATION_PARTS, calibrationPart } from '../../src/store/index.js';
import { calibrationPartSql } from '../../src/store/tables/aggregates.js';

let data: Synthetic;
beforeAll(() => {
  data = synthetic(11, 120, 3000);
  setNow(NOW);
  // A sub-deck of Alpha, some of Alpha's cards (with their history) moved into it.
  const sub = data.col.store.insertDeck('Alpha::Sub', NOW - 100 * DAY);
  data.col.store.db.prepare('UPDATE cards SET deck_id = ? WHERE deck_id = ? AND id % 3 = 0').run(sub, data.decks['Alpha']);
  // The raw inserts folded into the kept card counts (migration 13), so the steps below go through its triggers.
  data.col.store.transactionWithSearchIndexDeferred(() => undefined);
});
afterAll(() => {
  setNow(null);
  data.cleanup();
});

const withoutTime = (s: CollectionStats) => ({ ...s, generatedAt: 0 });
function expectSame(deck?: string): void {
  const simple = collectionStats(data.col, { ...(deck ? { deck } : {}), simple: true });
  const kept = collectionStats(data.col, deck ? { deck } : {});
  // Averages are sums kept in floating point: equal but for the last bits.
  expect(kept.averageStability ?? 0).toBeCloseTo(simple.averageStability ?? 0, 9);
  expect(kept.averageDifficulty ?? 0).toBeCloseTo(simple.averageDifficulty ?? 0, 9);
  const strip = (s: CollectionStats) => ({ ...withoutTime(s), averageStability: null, averageDifficulty: null });
  expect(strip(kept)).toEqual(strip(simple));
  expect(kept.totalReviews).toBeGreaterThan(0);
}

const SCOPES = [undefined, 'Alpha', 'Alpha::Sub', 'Beta'];

describe('stats from the kept counts', () => {
  it('equal the simple computation on a log written by raw inserts (and a deck moved)', () => {
    for (const deck of SCOPES) expectSame(deck);
  });

  it('stay equal through answers, undo, deleted reviews and a card moving back', () => {
    const col = data.col;
    const live = col.store.db.prepare(`SELECT id FROM cards WHERE retired = 0 AND suspended = 0 AND status = 'accepted' ORDER BY id LIMIT 30`).all() as Array<{ id: number }>;
    for (const [i, { id }] of live.entries()) col.answer(id, (['again', 'hard', 'good', 'easy'] as const)[i % 4]!, 4000 + i);
    for (const deck of SCOPES) expectSame(deck);
    for (let i = 0; i < 10; i++) col.undo();
    for (const deck of SCOPES) expectSame(deck);
    col.store.db.prepare('DELETE FROM reviews WHERE id % 17 = 0').run();
    col.store.db.prepare('UPDATE cards SET deck_id = ? WHERE id IN (SELECT id FROM cards WHERE deck_id = ? LIMIT 5)').run(data.decks['Beta'], col.requireDeck('Alpha::Sub').id);
    col.store.db.prepare('UPDATE cards SET suspended = 1 - suspended, retired = 1 - retired WHERE id % 23 = 0').run();
    for (const deck of SCOPES) expectSame(deck);
    // Rows rewritten in place, as sync's replay rewrites each answer's states and snapshot.
    col.store.db.prepare(`UPDATE reviews SET state_before = CASE state_before WHEN 'review' THEN 'learning' ELSE 'review' END, before = '{}' WHERE id % 5 = 0`).run();
    col.store.db.prepare(`UPDATE reviews SET grade = 'again', duration_ms = 777, reviewed_at = reviewed_at - 86400000 WHERE id % 7 = 0`).run();
    for (const deck of SCOPES) expectSame(deck);
    // The hours (migration 13) are the sums of their quarters, through all of the above.
    const sums = 'SUM(reviews) AS r, SUM(duration_ms) AS d, SUM(young_pass) AS yp, SUM(young_fail) AS yf, SUM(mature_pass) AS mp, SUM(mature_fail) AS mf';
    const fromQuarters = col.store.db.prepare(`SELECT deck_id, quarter / 4 AS hour, ${sums} FROM review_quarters GROUP BY deck_id, quarter / 4 HAVING r != 0 ORDER BY 1, 2`).all();
    const hours = col.store.db.prepare(`SELECT deck_id, hour, ${sums} FROM review_hours GROUP BY deck_id, hour HAVING r != 0 ORDER BY 1, 2`).all();
    expect(hours.length).toBeGreaterThan(100);
    expect(hours).toEqual(fromQuarters);
  });

  it('in a study day that starts at another hour (and in a time zone off the whole hour)', () => {
    const zone = process.env.TZ;
    try {
      data.col.setOption(undefined, 'rolloverHour', '0');
      for (const deck of SCOPES) expectSame(deck);
      process.env.TZ = 'Asia/Kathmandu';
      data.col.setOption(undefined, 'rolloverHour', '7');
      for (const deck of SCOPES) expectSame(deck);
    } finally {
      process.env.TZ = zone;
      data.col.setOption(undefined, 'rolloverHour', '4');
    }
  });

  it('caches each deck calibration in parts, an answer dropping the part of its card only', () => {
    const col = data.col;
    const count = () => (col.store.db.prepare('SELECT COUNT(*) AS n FROM calibration_cache').get() as { n: number }).n;
    collectionStats(col);
    const parts = col.store.listDecks().length * CALIBRATION_PARTS;
    expect(count()).toBe(parts);
    const first = collectionStats(col).calibration;
    expect(first).toEqual(collectionStats(col, { simple: true }).calibration);
    const card = col.store.db.prepare(`SELECT id FROM cards WHERE deck_id = ? AND retired = 0 AND suspended = 0 AND status = 'accepted' LIMIT 1`).get(data.decks['Beta']) as { id: number };
    col.answer(card.id, 'good');
    expect(count()).toBe(parts - 1);
    const gone = col.store.db.prepare('SELECT 1 FROM calibration_cache WHERE deck_id = ? AND part = ?').get(data.decks['Beta'], calibrationPart(card.id));
    expect(gone).toBeUndefined();
    expect(collectionStats(col).calibration).toEqual(collectionStats(col, { simple: true }).calibration);
    expect(count()).toBe(parts);
    // Undo (a deleted log row) drops the same part, and the leeches come out as the full replay finds them.
    col.undo();
    expect(count()).toBe(parts - 1);
    const kept = collectionStats(col);
    const simple = collectionStats(col, { simple: true });
    expect(kept.calibration).toEqual(simple.calibration);
    expect(kept.leeches).toEqual(simple.leeches);
  });

  it('hashes card ids to parts the same in SQL and in JavaScript, spread even when ids follow a pattern', () => {
    const ids = [1, 2, 15, 16, 17, 99, 100, 101, 65_535, 65_536, 1_000_000, 123_456_789, 2 ** 31 - 1];
    for (let i = 0; i < 2_000; i++) ids.push(7 + 100 * i);
    const sql = data.col.store.db.prepare(`SELECT value AS id, ${calibrationPartSql('value')} AS part FROM json_each(?)`).all(JSON.stringify(ids)) as Array<{ id: number; part: number }>;
    for (const { id, part } of sql) expect({ id, part }).toEqual({ id, part: calibrationPart(id) });
    // Every 100th card (one deck of the bench's 100) lands in every part, about evenly.
    const counts = new Array<number>(CALIBRATION_PARTS).fill(0);
    for (let i = 0; i < 2_000; i++) counts[calibrationPart(7 + 100 * i)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(2_000 / CALIBRATION_PARTS / 2);
  });
});

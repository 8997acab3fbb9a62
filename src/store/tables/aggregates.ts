/**
 * The counts of migrations 10 and 13, so `engram decks` and `engram stats` read a few rows per
 * deck and day instead of every card row and every review: live cards per deck and class
 * (migration 13's card_counts and the tail of cards inserted since its last fold), the review
 * log per deck and UTC quarter hour and hour (deck 0: all decks, kept by triggers), and a cache
 * of each deck's calibration replay in parts.
 */
import type { Prepared } from '../statements.js';

/** A quarter hour in ms: the unit of review_quarters (every time zone's day starts on one). */
export const QUARTER_MS = 900_000;

/** The deck id under which review_quarters keeps the whole collection. */
export const ALL_DECKS = 0;

export { CALIBRATION_PARTS, calibrationPart, calibrationPartSql } from '../migrations.js';

export const AGGREGATES_SQL = {
  // The counts migration 13 keeps (cards up to the mark) plus the tail above the mark, counted
  // from the table by a rowid range (NOT INDEXED: else SQLite groups by reading all of
  // cards_deck_counts): a class can come twice, once from each part.
  deckCardCounts: `
    SELECT deck_id, state, suspended, status, paper, n, stability, difficulty FROM card_counts WHERE n != 0
    UNION ALL
    SELECT deck_id, state, suspended, status, kind = 'paper', COUNT(*), TOTAL(stability), TOTAL(difficulty)
    FROM cards NOT INDEXED WHERE id > (SELECT mark FROM card_counts_mark) AND retired = 0 GROUP BY deck_id, status, state, suspended, kind = 'paper'`,
  // The same counts from every card (the covering index cards_deck_counts): the reference the kept counts are tested against.
  deckCardCountsScanned: `
    SELECT deck_id, state, suspended, status, kind = 'paper' AS paper, COUNT(*) AS n, TOTAL(stability) AS stability, TOTAL(difficulty) AS difficulty
    FROM cards INDEXED BY cards_deck_counts WHERE retired = 0 GROUP BY deck_id, status, state, suspended, kind`,
  cardCountsTail: `SELECT COALESCE((SELECT MAX(id) FROM cards), 0) - mark AS n FROM card_counts_mark`,
  // Folding the tail into the counts: add it, then move the mark past it (one transaction).
  foldCardCounts: `
    INSERT INTO card_counts
      SELECT deck_id, status, state, suspended, kind = 'paper', COUNT(*), TOTAL(stability), TOTAL(difficulty)
      FROM cards NOT INDEXED WHERE id > (SELECT mark FROM card_counts_mark) AND retired = 0 GROUP BY deck_id, status, state, suspended, kind = 'paper'
    ON CONFLICT DO UPDATE SET n = n + excluded.n, stability = stability + excluded.stability, difficulty = difficulty + excluded.difficulty`,
  foldCardCountsMark: `UPDATE card_counts_mark SET mark = (SELECT MAX(id) FROM cards) WHERE (SELECT MAX(id) FROM cards) > mark`,
  // Only cards buried now: the partial index holds every card ever buried, the range seek only today's.
  buriedCounts: `
    SELECT deck_id, state, COUNT(*) AS n FROM cards INDEXED BY cards_buried
    WHERE buried_until > ? AND buried_until > 0 AND suspended = 0 AND retired = 0 AND status = 'accepted' GROUP BY deck_id, state`,
  // Each bucket as its whole UTC hours (review_hours) and the quarters at its edges
  // (review_quarters): ranges first (CROSS JOIN), then one range seek of a primary key per
  // range. MATERIALIZED: otherwise each comparison re-reads a bound from the JSON.
  reviewQuarters: `
    WITH q(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@quarters)),
      h(i, s, e) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(@hours)),
      parts AS (
        SELECT q.i AS bucket, x.reviews, x.duration_ms, x.young_pass, x.young_fail, x.mature_pass, x.mature_fail
        FROM q CROSS JOIN review_quarters x ON x.deck_id = @deck AND x.quarter >= q.s AND x.quarter < q.e
        UNION ALL
        SELECT h.i, y.reviews, y.duration_ms, y.young_pass, y.young_fail, y.mature_pass, y.mature_fail
        FROM h CROSS JOIN review_hours y ON y.deck_id = @deck AND y.hour >= h.s AND y.hour < h.e)
    SELECT bucket, SUM(reviews) AS reviews, SUM(duration_ms) AS duration_ms, SUM(young_pass) AS young_pass,
      SUM(young_fail) AS young_fail, SUM(mature_pass) AS mature_pass, SUM(mature_fail) AS mature_fail
    FROM parts GROUP BY bucket HAVING SUM(reviews) > 0`,
  calibrationCacheAll: `SELECT deck_id, part, key, sums FROM calibration_cache`,
  calibrationCachePut: `INSERT OR REPLACE INTO calibration_cache (deck_id, part, key, sums) VALUES (?, ?, ?, ?)`,
} as const;

type Statements = Prepared<keyof typeof AGGREGATES_SQL>;

/** Live cards of one deck and class, with the sums of their stability and difficulty. */
export interface CardClassCount {
  deckId: number;
  state: string;
  suspended: boolean;
  status: string;
  paper: boolean;
  count: number;
  stability: number;
  difficulty: number;
}

type ClassRow = { deck_id: number; state: string; suspended: number; status: string; paper: number; n: number; stability: number; difficulty: number };

const toClassCount = (r: ClassRow): CardClassCount => ({
  deckId: r.deck_id, state: r.state, suspended: r.suspended === 1, status: r.status, paper: r.paper === 1,
  count: r.n, stability: r.stability, difficulty: r.difficulty,
});

/** Live cards per deck and class from the kept counts (a class may come as two entries: sum them). */
export function deckCardCounts(s: Statements): CardClassCount[] {
  return (s.stmt('deckCardCounts').all() as ClassRow[]).map(toClassCount);
}

/** deckCardCounts computed from every card's index entry instead (the simple computation). */
export function deckCardCountsScanned(s: Statements): CardClassCount[] {
  return (s.stmt('deckCardCountsScanned').all() as ClassRow[]).map(toClassCount);
}

/** Cards inserted since the last fold, roughly (ids above the mark, gaps included). */
export function cardCountsTail(s: Statements): number {
  return (s.stmt('cardCountsTail').get() as { n: number }).n;
}

/** Adds the tail to the kept counts and moves the mark past it. Call inside a write transaction. */
export function foldCardCounts(s: Statements): void {
  s.stmt('foldCardCounts').run();
  s.stmt('foldCardCountsMark').run();
}

/** Accepted, unsuspended live cards buried at `now`, per deck and state. */
export function buriedCounts(s: Statements, now: number): Array<{ deckId: number; state: string; count: number }> {
  const rows = s.stmt('buriedCounts').all(now) as Array<{ deck_id: number; state: string; n: number }>;
  return rows.map((r) => ({ deckId: r.deck_id, state: r.state, count: r.n }));
}

export interface QuarterAggregate {
  bucket: number;
  reviews: number;
  durationMs: number;
  youngPass: number;
  youngFail: number;
  maturePass: number;
  matureFail: number;
}

/**
 * The log of one deck (ALL_DECKS: every deck) summed per bucket, each bucket [start, end) in
 * epoch ms on quarter-hour marks; only buckets with answers.
 */
export function reviewQuarters(s: Statements, bounds: ReadonlyArray<readonly [number, number]>, deckId: number): QuarterAggregate[] {
  // [bucket, start, end) ranges of quarters and of hours (4 quarters): whole hours inside, quarters at the edges.
  const quarters: Array<[number, number, number]> = [];
  const hours: Array<[number, number, number]> = [];
  bounds.forEach(([start, end], bucket) => {
    const s0 = Math.floor(start / QUARTER_MS);
    const e0 = Math.floor(end / QUARTER_MS);
    const h0 = Math.ceil(s0 / 4);
    const h1 = Math.floor(e0 / 4);
    if (h0 >= h1) {
      quarters.push([bucket, s0, e0]);
      return;
    }
    hours.push([bucket, h0, h1]);
    if (s0 < h0 * 4) quarters.push([bucket, s0, h0 * 4]);
    if (h1 * 4 < e0) quarters.push([bucket, h1 * 4, e0]);
  });
  const rows = s.stmt('reviewQuarters').all({ quarters: JSON.stringify(quarters), hours: JSON.stringify(hours), deck: deckId }) as Array<{
    bucket: number; reviews: number; duration_ms: number; young_pass: number; young_fail: number; mature_pass: number; mature_fail: number;
  }>;
  return rows.map((r) => ({
    bucket: r.bucket, reviews: r.reviews, durationMs: r.duration_ms,
    youngPass: r.young_pass, youngFail: r.young_fail, maturePass: r.mature_pass, matureFail: r.mature_fail,
  }));
}

/** Every cached calibration part: deck id → part → its key and sums (one read for all decks). */
export function cachedCalibrations(s: Statements): Map<number, Map<number, { key: string; sums: string }>> {
  const out = new Map<number, Map<number, { key: string; sums: string }>>();
  for (const r of s.stmt('calibrationCacheAll').all() as Array<{ deck_id: number; part: number; key: string; sums: string }>) {
    let deck = out.get(r.deck_id);
    if (!deck) out.set(r.deck_id, (deck = new Map()));
    deck.set(r.part, { key: r.key, sums: r.sums });
  }
  return out;
}

export function cacheCalibration(s: Statements, deckId: number, part: number, key: string, sums: string): void {
  s.stmt('calibrationCachePut').run(deckId, part, key, sums);
}

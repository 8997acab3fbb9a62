/**
 * The counts of migration 10, so `engram decks` and `engram stats` read an index or a few rows
 * per deck and day instead of every card row and every review: live cards per deck and class
 * (a covering index), the review log per deck and UTC quarter hour (deck 0: all decks, kept by
 * triggers), and a cache of each deck's calibration replay.
 */
import type { Prepared } from '../statements.js';

/** A quarter hour in ms: the unit of review_quarters (every time zone's day starts on one). */
export const QUARTER_MS = 900_000;

/** The deck id under which review_quarters keeps the whole collection. */
export const ALL_DECKS = 0;

export const AGGREGATES_SQL = {
  // Reads only the covering index cards_deck_counts.
  deckCardCounts: `
    SELECT deck_id, state, suspended, status, kind = 'paper' AS paper, COUNT(*) AS n, TOTAL(stability) AS stability, TOTAL(difficulty) AS difficulty
    FROM cards INDEXED BY cards_deck_counts WHERE retired = 0 GROUP BY deck_id, status, state, suspended, kind`,
  // The same counts without the sums, for `engram decks`: one seek per deck and class (each
  // status, state and suspended flag the cards can have) counting its run of cards_deck_counts,
  // with no GROUP BY comparing every entry: about half the time of deckCardCounts at 1M cards.
  deckClassCounts: `
    WITH k(status, state, suspended) AS (
      SELECT s.value, t.value, u.value FROM json_each(@statuses) s, json_each(@states) t, json_each('[0,1]') u)
    SELECT deck_id, status, state, suspended, n,
      (SELECT COUNT(*) FROM cards WHERE deck_id = x.deck_id AND status = x.status AND state = x.state AND suspended = x.suspended
        AND kind = 'paper' AND retired = 0) AS paper
    FROM (SELECT d.id AS deck_id, k.status, k.state, k.suspended,
        (SELECT COUNT(*) FROM cards WHERE deck_id = d.id AND status = k.status AND state = k.state AND suspended = k.suspended AND retired = 0) AS n
      FROM decks d, k) x
    WHERE n > 0`,
  // Only cards buried now: the partial index holds every card ever buried, the range seek only today's.
  buriedCounts: `
    SELECT deck_id, state, COUNT(*) AS n FROM cards INDEXED BY cards_buried
    WHERE buried_until > ? AND buried_until > 0 AND suspended = 0 AND retired = 0 AND status = 'accepted' GROUP BY deck_id, state`,
  // Buckets first (CROSS JOIN), then one range seek of the primary key per bucket.
  reviewQuarters: `
    WITH buckets(i, s, e) AS (SELECT key, value ->> 0, value ->> 1 FROM json_each(@bounds))
    SELECT b.i AS bucket, SUM(q.reviews) AS reviews, SUM(q.duration_ms) AS duration_ms,
      SUM(q.young_pass) AS young_pass, SUM(q.young_fail) AS young_fail, SUM(q.mature_pass) AS mature_pass, SUM(q.mature_fail) AS mature_fail
    FROM buckets b CROSS JOIN review_quarters q ON q.deck_id = @deck AND q.quarter >= b.s AND q.quarter < b.e
    GROUP BY b.i HAVING SUM(q.reviews) > 0`,
  calibrationCacheGet: `SELECT key, sums FROM calibration_cache WHERE deck_id = ?`,
  calibrationCachePut: `INSERT OR REPLACE INTO calibration_cache (deck_id, key, sums) VALUES (?, ?, ?)`,
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

export function deckCardCounts(s: Statements): CardClassCount[] {
  const rows = s.stmt('deckCardCounts').all() as Array<{
    deck_id: number; state: string; suspended: number; status: string; paper: number; n: number; stability: number; difficulty: number;
  }>;
  return rows.map((r) => ({
    deckId: r.deck_id, state: r.state, suspended: r.suspended === 1, status: r.status, paper: r.paper === 1,
    count: r.n, stability: r.stability, difficulty: r.difficulty,
  }));
}

/**
 * Live cards per deck and class, as deckCardCounts counts them but without the sums (a class
 * with paper and other cards comes as two entries). `statuses` and `states` are every value the
 * columns take (the store writes no others).
 */
export function deckClassCounts(s: Statements, statuses: readonly string[], states: readonly string[]): Array<Omit<CardClassCount, 'stability' | 'difficulty'>> {
  const rows = s.stmt('deckClassCounts').all({ statuses: JSON.stringify(statuses), states: JSON.stringify(states) }) as Array<{
    deck_id: number; state: string; suspended: number; status: string; n: number; paper: number;
  }>;
  return rows.flatMap((r) => {
    const entry = { deckId: r.deck_id, state: r.state, suspended: r.suspended === 1, status: r.status };
    return [
      ...(r.n > r.paper ? [{ ...entry, paper: false, count: r.n - r.paper }] : []),
      ...(r.paper > 0 ? [{ ...entry, paper: true, count: r.paper }] : []),
    ];
  });
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
  const quarters = bounds.map(([start, end]) => [Math.floor(start / QUARTER_MS), Math.floor(end / QUARTER_MS)]);
  const rows = s.stmt('reviewQuarters').all({ bounds: JSON.stringify(quarters), deck: deckId }) as Array<{
    bucket: number; reviews: number; duration_ms: number; young_pass: number; young_fail: number; mature_pass: number; mature_fail: number;
  }>;
  return rows.map((r) => ({
    bucket: r.bucket, reviews: r.reviews, durationMs: r.duration_ms,
    youngPass: r.young_pass, youngFail: r.young_fail, maturePass: r.mature_pass, matureFail: r.mature_fail,
  }));
}

/** The cached calibration sums of a deck, if computed under `key` since its log last changed. */
export function cachedCalibration(s: Statements, deckId: number, key: string): string | null {
  const row = s.stmt('calibrationCacheGet').get(deckId) as { key: string; sums: string } | undefined;
  return row && row.key === key ? row.sums : null;
}

export function cacheCalibration(s: Statements, deckId: number, key: string, sums: string): void {
  s.stmt('calibrationCachePut').run(deckId, key, sums);
}

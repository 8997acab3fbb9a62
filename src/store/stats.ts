/**
 * The SQL of `engram stats`: named prepared statements that aggregate the review log and the
 * cards in SQLite (per study day, per state), so a year of a million reviews never crosses
 * into JavaScript row by row. Study-day boundaries come from the caller (the rollover hour and
 * the time zone are the app's business, not SQLite's), as a JSON array of [start, end) pairs.
 */
import type { Statement } from 'better-sqlite3';
import { SCHEDULED_DAYS_BEFORE } from '../core/index.js';
import type { Store } from './store.js';

/** [start, end) in epoch ms; the row's position in the array is its bucket. */
export type DayBounds = ReadonlyArray<readonly [number, number]>;

// Every query below walks the buckets first (CROSS JOIN fixes that order in SQLite) and
// range-seeks an index per bucket; the other order re-scans all buckets for every row.
const BUCKETS = `buckets(i, s, e) AS (SELECT key, value ->> 0, value ->> 1 FROM json_each(@bounds))`;

const deckJoin = 'CROSS JOIN cards c ON c.id = r.card_id AND c.deck_id = @deck';

const reviewDays = (join: string) => `
  WITH ${BUCKETS}
  SELECT b.i AS bucket, COUNT(*) AS reviews, COALESCE(SUM(r.duration_ms), 0) AS duration_ms
  FROM buckets b CROSS JOIN reviews r ON r.reviewed_at >= b.s AND r.reviewed_at < b.e ${join}
  GROUP BY b.i`;

/**
 * Answers to review-state cards per bucket and class: young/mature by the interval the card
 * had before the answer (the undo snapshot holds it, at the path core's UndoSnapshot names;
 * elapsed_days stands in for rows without one), pass/fail by the grade. Grouping by the class
 * evaluates the JSON once per row.
 */
const retentionDays = (join: string) => `
  WITH ${BUCKETS}
  SELECT b.i AS bucket,
    (COALESCE(json_extract(r.before, '${SCHEDULED_DAYS_BEFORE}'), r.elapsed_days) >= @mature) AS mature,
    (r.grade = 'again') AS failed,
    COUNT(*) AS n
  FROM buckets b CROSS JOIN reviews r ON r.reviewed_at >= b.s AND r.reviewed_at < b.e ${join}
  WHERE r.state_before = 'review'
  GROUP BY bucket, mature, failed`;

const SQL = {
  firstReviewAt: `SELECT MIN(reviewed_at) AS t FROM reviews`,
  reviewDays: reviewDays(''),
  reviewDaysOfDeck: reviewDays(deckJoin),
  retentionDays: retentionDays(''),
  retentionDaysOfDeck: retentionDays(deckJoin),
  // One range seek per study day in the narrow partial index cards_review_forecast(deck_id, due),
  // named: the queue's wider cards_review_keys would serve too, reading three times the pages.
  // Suggestions (status 'suggested') never count, here or in cardCounts, as in the queue.
  forecastOfDeck: `
    WITH ${BUCKETS}
    SELECT b.i AS bucket, COUNT(*) AS due
    FROM buckets b CROSS JOIN cards c INDEXED BY cards_review_forecast ON c.deck_id = @deck AND c.state = 'review' AND c.retired = 0 AND c.suspended = 0
      AND c.due >= b.s AND c.due < b.e AND c.status = 'accepted'
    GROUP BY b.i`,
  cardCounts: `
    SELECT COUNT(*) AS total,
      COALESCE(SUM(state = 'new' AND suspended = 0 AND buried_until <= @now), 0) AS new,
      COALESCE(SUM(state = 'learning' AND suspended = 0 AND buried_until <= @now), 0) AS learning,
      COALESCE(SUM(state = 'review' AND suspended = 0 AND buried_until <= @now), 0) AS review,
      COALESCE(SUM(state = 'relearning' AND suspended = 0 AND buried_until <= @now), 0) AS relearning,
      COALESCE(SUM(suspended = 1), 0) AS suspended,
      COALESCE(SUM(suspended = 0 AND buried_until > @now), 0) AS buried,
      AVG(CASE WHEN state != 'new' THEN stability END) AS stability,
      AVG(CASE WHEN state != 'new' THEN difficulty END) AS difficulty
    FROM cards WHERE retired = 0 AND status = 'accepted' AND (@decks IS NULL OR deck_id IN (SELECT value FROM json_each(@decks)))`,
} as const;

export interface DayAggregate {
  bucket: number;
  reviews: number;
  durationMs: number;
}

export interface RetentionAggregate {
  bucket: number;
  mature: boolean;
  failed: boolean;
  count: number;
}

export interface CardAggregate {
  total: number;
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  buried: number;
  averageStability: number | null;
  averageDifficulty: number | null;
}

export class StatsQueries {
  private readonly statements = new Map<keyof typeof SQL, Statement>();

  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  private stmt(name: keyof typeof SQL): Statement {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.store.db.prepare(SQL[name]);
      this.statements.set(name, statement);
    }
    return statement;
  }

  /** Time of the oldest answer in the log, any deck; null for an empty log. */
  firstReviewAt(): number | null {
    return (this.stmt('firstReviewAt').get() as { t: number | null }).t;
  }

  /** Answers and time spent per bucket (only buckets with answers), optionally of one deck. */
  reviewDays(bounds: DayBounds, deckId: number | null): DayAggregate[] {
    const params = { bounds: JSON.stringify(bounds), ...(deckId === null ? {} : { deck: deckId }) };
    const rows = this.stmt(deckId === null ? 'reviewDays' : 'reviewDaysOfDeck').all(params) as Array<{ bucket: number; reviews: number; duration_ms: number }>;
    return rows.map((r) => ({ bucket: r.bucket, reviews: r.reviews, durationMs: r.duration_ms }));
  }

  /** Answers to review-state cards per bucket, split young/mature (at `matureDays`) and pass/fail. */
  retentionDays(bounds: DayBounds, matureDays: number, deckId: number | null): RetentionAggregate[] {
    const params = { bounds: JSON.stringify(bounds), mature: matureDays, ...(deckId === null ? {} : { deck: deckId }) };
    const rows = this.stmt(deckId === null ? 'retentionDays' : 'retentionDaysOfDeck').all(params) as Array<{ bucket: number; mature: number; failed: number; n: number }>;
    return rows.map((r) => ({ bucket: r.bucket, mature: r.mature === 1, failed: r.failed === 1, count: r.n }));
  }

  /** Active review cards of a deck falling due in each bucket. */
  forecastOfDeck(bounds: DayBounds, deckId: number): Array<{ bucket: number; due: number }> {
    return this.stmt('forecastOfDeck').all({ bounds: JSON.stringify(bounds), deck: deckId }) as Array<{ bucket: number; due: number }>;
  }

  /** Live (not retired) cards of some decks (null: all) by state at `now`; suspended and buried counted apart from their state. */
  cardCounts(now: number, deckIds: readonly number[] | null): CardAggregate {
    const r = this.stmt('cardCounts').get({ now, decks: deckIds === null ? null : JSON.stringify(deckIds) }) as Omit<CardAggregate, 'averageStability' | 'averageDifficulty'> & {
      stability: number | null; difficulty: number | null;
    };
    return {
      total: r.total, new: r.new, learning: r.learning, review: r.review, relearning: r.relearning,
      suspended: r.suspended, buried: r.buried, averageStability: r.stability, averageDifficulty: r.difficulty,
    };
  }
}

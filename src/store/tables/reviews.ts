/** The review log: one row per answer, with the undo snapshot taken before it. */
import type { Review } from '../../core/index.js';
import { rowToReview, type ReviewRow } from '../rows.js';
import type { Prepared } from '../statements.js';

export interface NewReview {
  cardId: number;
  grade: string;
  reviewedAt: number;
  elapsedDays: number;
  durationMs: number | null;
  stateBefore: string;
  stateAfter: string;
  /** JSON snapshot that undo restores. */
  before: string;
}

/** The table's named statements; the store prepares each on first use. */
export const REVIEWS_SQL = {
  // The deck is written with the row (migration 15's trigger fills it only for rows written without).
  insertReview: `
    INSERT INTO reviews (card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, state_after, before, deck_id)
    VALUES (@card_id, @grade, @reviewed_at, @elapsed_days, @duration_ms, @state_before, @state_after, @before,
      (SELECT deck_id FROM cards WHERE id = @card_id))`,
  lastReview: `SELECT * FROM reviews ORDER BY id DESC LIMIT 1`,
  reviewById: `SELECT * FROM reviews WHERE id = ?`,
  deleteReview: `DELETE FROM reviews WHERE id = ?`,
  reviewsOfCard: `SELECT * FROM reviews WHERE card_id = ? ORDER BY reviewed_at, id`,
} as const;

type Statements = Prepared<keyof typeof REVIEWS_SQL>;

export function insertReview(s: Statements, review: NewReview): number {
  const result = s.stmt('insertReview').run({
    card_id: review.cardId,
    grade: review.grade,
    reviewed_at: review.reviewedAt,
    elapsed_days: review.elapsedDays,
    duration_ms: review.durationMs,
    state_before: review.stateBefore,
    state_after: review.stateAfter,
    before: review.before,
  });
  return Number(result.lastInsertRowid);
}

export function lastReview(s: Statements): (Review & { before: string }) | null {
  const row = s.stmt('lastReview').get() as ReviewRow | undefined;
  return row ? { ...rowToReview(row), before: row.before } : null;
}

export function reviewById(s: Statements, id: number): (Review & { before: string }) | null {
  const row = s.stmt('reviewById').get(id) as ReviewRow | undefined;
  return row ? { ...rowToReview(row), before: row.before } : null;
}

export function deleteReview(s: Statements, id: number): void {
  s.stmt('deleteReview').run(id);
}

export function reviewsOfCard(s: Statements, cardId: number): Review[] {
  return (s.stmt('reviewsOfCard').all(cardId) as ReviewRow[]).map(rowToReview);
}

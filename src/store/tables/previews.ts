/**
 * Preview answers: custom study's cram mode (`engram review --query Q --preview`). Logged apart
 * from the review log, so the optimizer, stats, calibration and replay, which read only
 * `reviews`, never see them, and no card's schedule changes.
 */
import type { Grade } from '../../core/index.js';
import type { Prepared } from '../statements.js';

export const PREVIEWS_SQL = {
  insertPreviewReview: 'INSERT INTO preview_reviews (card_id, grade, reviewed_at, duration_ms) VALUES (?, ?, ?, ?)',
  deletePreviewReview: 'DELETE FROM preview_reviews WHERE id = ?',
  previewReviewsOfCard: 'SELECT id, card_id, grade, reviewed_at, duration_ms FROM preview_reviews WHERE card_id = ? ORDER BY reviewed_at, id',
} as const;

type Statements = Prepared<keyof typeof PREVIEWS_SQL>;

export interface PreviewReview {
  id: number;
  cardId: number;
  grade: Grade;
  reviewedAt: number;
  durationMs: number | null;
}

export function insertPreviewReview(s: Statements, cardId: number, grade: Grade, reviewedAt: number, durationMs: number | null): number {
  return Number(s.stmt('insertPreviewReview').run(cardId, grade, reviewedAt, durationMs).lastInsertRowid);
}

export function deletePreviewReview(s: Statements, id: number): boolean {
  return s.stmt('deletePreviewReview').run(id).changes > 0;
}

export function previewReviewsOfCard(s: Statements, cardId: number): PreviewReview[] {
  const rows = s.stmt('previewReviewsOfCard').all(cardId) as Array<{ id: number; card_id: number; grade: string; reviewed_at: number; duration_ms: number | null }>;
  return rows.map((r) => ({ id: r.id, cardId: r.card_id, grade: r.grade as Grade, reviewedAt: r.reviewed_at, durationMs: r.duration_ms }));
}

/**
 * The SQL of the calibration view: a deck's review log as (card, grade, state before, time),
 * in answer order per card, as raw arrays (no object per row: the log can be a million rows).
 */
import type { Statement } from 'better-sqlite3';
import type { Store } from './store.js';
import { calibrationPartSql } from './tables/aggregates.js';

const SQL = {
  answers: `
    SELECT r.card_id, r.grade, r.state_before, r.reviewed_at
    FROM reviews r
    WHERE r.card_id IN (SELECT id FROM cards WHERE deck_id = @deck AND (@part IS NULL OR ${calibrationPartSql('id')} = @part))
    ORDER BY r.card_id, r.reviewed_at, r.id`,
} as const;

/** [card id, grade, state before, answered at (ms)]. */
export type CalibrationAnswer = [number, string, string, number];

const prepared = new WeakMap<Store, Statement>();

/** A deck's log, or only that of its cards in one calibration part (calibrationPart of the card id). */
export function calibrationAnswers(store: Store, deckId: number, part: number | null = null): CalibrationAnswer[] {
  let statement = prepared.get(store);
  if (!statement) prepared.set(store, (statement = store.db.prepare(SQL.answers).raw(true)));
  return statement.all({ deck: deckId, part }) as CalibrationAnswer[];
}

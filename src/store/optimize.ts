/**
 * The SQL of `engram optimize`: the review log it trains on, and the record of fits
 * (table fsrs_fits, migration 2). Statements are prepared once per database.
 */
import { statementsOf } from './statements.js';
import type { Store } from './store.js';

const SQL = {
  // Undone answers are deleted from the log, so every row here is a real answer.
  reviewLog: `
    SELECT r.card_id, c.deck_id, r.grade, r.reviewed_at, r.state_before
    FROM reviews r JOIN cards c ON c.id = r.card_id
    ORDER BY r.card_id, r.reviewed_at, r.id`,
  reviewLogOfDeck: `
    SELECT r.card_id, c.deck_id, r.grade, r.reviewed_at, r.state_before
    FROM reviews r JOIN cards c ON c.id = r.card_id
    WHERE c.deck_id = ?
    ORDER BY r.card_id, r.reviewed_at, r.id`,
  insertFit: `INSERT INTO fsrs_fits (deck_id, weights, review_count, fitted_at) VALUES (?, ?, ?, ?)`,
  fitsOfDeck: `SELECT * FROM fsrs_fits WHERE deck_id = ? ORDER BY fitted_at, id`,
} as const;

export interface LogRow {
  cardId: number;
  deckId: number;
  grade: string;
  reviewedAt: number;
  stateBefore: string;
}

export interface StoredFit {
  id: number;
  deckId: number;
  weights: number[];
  reviewCount: number;
  fittedAt: number;
}

const stmt = statementsOf(SQL);

/** Every answer in the log (of one deck, or all), per card in time order. */
export function readReviewLog(store: Store, deckId?: number): LogRow[] {
  const rows = (deckId === undefined ? stmt(store, 'reviewLog').all() : stmt(store, 'reviewLogOfDeck').all(deckId)) as Array<{
    card_id: number; deck_id: number; grade: string; reviewed_at: number; state_before: string;
  }>;
  return rows.map((r) => ({ cardId: r.card_id, deckId: r.deck_id, grade: r.grade, reviewedAt: r.reviewed_at, stateBefore: r.state_before }));
}

export function insertFit(store: Store, fit: Omit<StoredFit, 'id'>): number {
  return Number(stmt(store, 'insertFit').run(fit.deckId, JSON.stringify(fit.weights), fit.reviewCount, fit.fittedAt).lastInsertRowid);
}

export function fitsOfDeck(store: Store, deckId: number): StoredFit[] {
  const rows = stmt(store, 'fitsOfDeck').all(deckId) as Array<{ id: number; deck_id: number; weights: string; review_count: number; fitted_at: number }>;
  return rows.map((r) => ({ id: r.id, deckId: r.deck_id, weights: JSON.parse(r.weights) as number[], reviewCount: r.review_count, fittedAt: r.fitted_at }));
}

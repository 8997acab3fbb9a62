/**
 * The SQL of load balancing: how many review cards of a deck are due on each study day of a
 * fuzz range (one range count on the partial index cards_review_due, so an answer stays fast
 * on a large collection), and a deck's cards and log in answer order for the replay.
 */
import { statementsOf } from './statements.js';
import type { Store } from './store.js';

const DAY_MS = 86_400_000;

const SQL = {
  // Must match cards_review_due's WHERE (state, retired, suspended) for SQLite to use it.
  dueByDay: `
    SELECT CAST((due - @origin) / ${DAY_MS} AS INTEGER) AS day, COUNT(*) AS n
    FROM cards
    WHERE deck_id = @deck AND state = 'review' AND retired = 0 AND suspended = 0
      AND due >= @from AND due < @to AND id <> @card
    GROUP BY day`,
  deckCards: `SELECT id, created_at, suspended, retired FROM cards WHERE deck_id = ? ORDER BY id`,
  deckAnswers: `
    SELECT r.card_id, r.grade, r.reviewed_at
    FROM reviews r JOIN cards c ON c.id = r.card_id
    WHERE c.deck_id = ?
    ORDER BY r.id`,
} as const;

const stmt = statementsOf(SQL);

/**
 * Review cards of `deckId` (not suspended or retired, `cardId` left out) due on each study day
 * `fromDay`…`toDay`, days counted in whole days from `origin` (the start of the answer's day).
 */
export function reviewsDueByDay(store: Store, deckId: number, origin: number, fromDay: number, toDay: number, cardId: number): Map<number, number> {
  const rows = stmt(store, 'dueByDay').raw(true).all({
    deck: deckId, origin, from: origin + fromDay * DAY_MS, to: origin + (toDay + 1) * DAY_MS, card: cardId,
  }) as Array<[number, number]>;
  return new Map(rows);
}

export interface ReplayCardRow {
  id: number;
  createdAt: number;
  suspended: boolean;
  retired: boolean;
}

export function deckCardsForReplay(store: Store, deckId: number): ReplayCardRow[] {
  const rows = stmt(store, 'deckCards').raw(true).all(deckId) as Array<[number, number, number, number]>;
  return rows.map(([id, createdAt, suspended, retired]) => ({ id, createdAt, suspended: suspended !== 0, retired: retired !== 0 }));
}

/**
 * [card id, grade, answered at], every answer of the deck in the order it was given (the log's
 * row order: the same as time order unless the clock was set back, as ENGRAM_NOW does).
 */
export function deckAnswersInOrder(store: Store, deckId: number): Array<[number, string, number]> {
  return stmt(store, 'deckAnswers').raw(true).all(deckId) as Array<[number, string, number]>;
}

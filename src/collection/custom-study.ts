/**
 * Custom study (`engram review --query Q`): the review of exactly the cards a query selects,
 * due or not. Scheduled mode answers as usual (a card not yet due is studied ahead). Preview
 * mode (cram) changes no schedule: its answers go to the preview log, which the optimizer,
 * stats, calibration and replay never read.
 */
import { DEFAULT_DECK_OPTIONS, EngramError, now, type Card, type Grade } from '../core/index.js';
import type { Collection } from './collection.js';
import { findCards, parseOrThrow } from './search.js';

export interface CustomStudy {
  query: string;
  /** At most this many cards (the first by due date). */
  limit?: number;
  /** Cram: answers are logged as previews and change no schedule. */
  preview?: boolean;
}

/**
 * The cards to study, earliest due first: what the query selects among the cards the review
 * can show (accepted, not suspended, not buried, not paper-quiz cards), up to the limit.
 */
export function customQueue(col: Collection, study: CustomStudy): { cards: Card[]; learnAheadMs: number } {
  const tree = parseOrThrow(study.query);
  const { cards } = findCards(col, tree, { studyable: true, order: 'due', ...(study.limit !== undefined ? { limit: study.limit } : {}) });
  const deckIds = [...new Set(cards.map((c) => c.deckId))];
  const minutes = deckIds.length ? Math.max(...deckIds.map((id) => col.deckOptions(id).learnAheadMinutes)) : DEFAULT_DECK_OPTIONS.learnAheadMinutes;
  return { cards, learnAheadMs: minutes * 60_000 };
}

/** A preview answer: logged apart; the card's schedule, memory and review log are untouched. */
export function previewAnswer(col: Collection, cardId: number, grade: Grade, durationMs: number | null): { reviewId: number; card: Card } {
  return col.store.transaction(() => {
    const card = col.getCard(cardId);
    if (card.retired) throw new EngramError(`card ${cardId} is retired (its text is gone from the notes)`);
    const reviewId = col.store.insertPreviewReview(card.id, grade, now(), durationMs);
    return { reviewId, card };
  });
}

/** Takes back a preview answer (the review's `u`); the card is returned as it is. */
export function undoPreviewAnswer(col: Collection, reviewId: number, cardId: number): Card {
  return col.store.transaction(() => {
    if (!col.store.deletePreviewReview(reviewId)) throw new EngramError(`no preview answer ${reviewId} to undo`);
    return col.getCard(cardId);
  });
}

/**
 * SQL of the paper quiz: its cards (kind 'paper') and which papers belong to a deck. Named
 * statements over the Store's connection, prepared once per connection.
 */
import type { Card } from '../core/index.js';
import { allCards } from './rows.js';
import { statementsOf } from './statements.js';
import type { Store } from './store.js';

const PAPER_CARD = `SELECT c.*, d.name AS deck_name, 0 AS has_example FROM cards c JOIN decks d ON d.id = c.deck_id`;

const SQL = {
  paperCardsOfDeck: `${PAPER_CARD} WHERE c.deck_id = ? AND c.kind = 'paper' ORDER BY c.id`,
  quizLearningDue: `
    ${PAPER_CARD} WHERE c.deck_id = ? AND c.kind = 'paper' AND c.state IN ('learning','relearning')
      AND c.retired = 0 AND c.suspended = 0 AND c.due < ? AND c.buried_until <= ? ORDER BY c.due, c.id`,
  quizReviewDue: `
    ${PAPER_CARD} WHERE c.deck_id = ? AND c.kind = 'paper' AND c.state = 'review'
      AND c.retired = 0 AND c.suspended = 0 AND c.due < ? AND c.buried_until <= ? ORDER BY c.due, c.id LIMIT ?`,
  quizNew: `
    ${PAPER_CARD} WHERE c.deck_id = ? AND c.kind = 'paper' AND c.state = 'new'
      AND c.retired = 0 AND c.suspended = 0 AND c.buried_until <= ? ORDER BY c.new_position LIMIT ?`,
  // A paper belongs to a deck when a live card of the deck cites it, or when it was declared
  // in a note file that gave cards to the deck (declared_in is 'file:line').
  paperKeysOfDeck: `
    SELECT DISTINCT p.key FROM papers p
    WHERE EXISTS (SELECT 1 FROM card_papers cp JOIN cards c ON c.id = cp.card_id
                  WHERE cp.paper_id = p.id AND c.deck_id = @deck AND c.retired = 0 AND c.kind != 'paper')
       OR (p.declared_in IS NOT NULL AND EXISTS (
             SELECT 1 FROM cards c WHERE c.deck_id = @deck AND c.source_file IS NOT NULL
               AND substr(p.declared_in, 1, length(c.source_file) + 1) = c.source_file || ':'))`,
} as const;

const stmt = statementsOf(SQL);

/** Every paper card of the deck, retired ones included (so a returning paper gets its card back). */
export function paperCardsOfDeck(store: Store, deckId: number): Card[] {
  return allCards(stmt(store, 'paperCardsOfDeck'), deckId);
}

/** Learning paper cards due before `before`, then reviews due, then new ones (within the limits). */
export function quizDueCards(store: Store, deckId: number, input: { before: number; now: number; reviews: number; news: number }): { learning: Card[]; reviews: Card[]; news: Card[] } {
  const learning = allCards(stmt(store, 'quizLearningDue'), deckId, input.before, input.now);
  const reviews = input.reviews > 0 ? allCards(stmt(store, 'quizReviewDue'), deckId, input.before, input.now, input.reviews) : [];
  const news = input.news > 0 ? allCards(stmt(store, 'quizNew'), deckId, input.now, input.news) : [];
  return { learning, reviews, news };
}

/** Keys of the papers cited by the deck's cards or declared in one of its notes. */
export function paperKeysOfDeck(store: Store, deckId: number): Set<string> {
  const rows = stmt(store, 'paperKeysOfDeck').all({ deck: deckId }) as Array<{ key: string }>;
  return new Set(rows.map((r) => r.key));
}

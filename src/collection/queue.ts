/**
 * Today's study queue, Anki-style: learning cards when due first, then reviews with new
 * cards spread evenly among them, then learning cards within the learn-ahead window (so a
 * session does not stall on a card due in a minute). Pure: the data comes in as arguments.
 */
import { siblingKeyOf, type Card } from '../core/index.js';

export interface QueueInput {
  now: number;
  /** Learning and relearning cards due before the end of the study day, sorted by due. */
  learning: Card[];
  /** Review cards due today, within the daily limit, in due order. */
  reviews: Card[];
  /** New cards within the daily limit, in their order of introduction. */
  news: Card[];
  /** Learn-ahead window in ms for the deck of a card. */
  learnAheadMs: (card: Card) => number;
}

export function buildQueue(input: QueueInput): Card[] {
  const dueNow = input.learning.filter((c) => c.memory.due <= input.now);
  const ahead = input.learning.filter((c) => c.memory.due > input.now && c.memory.due <= input.now + input.learnAheadMs(c));
  return [...dueNow, ...onePerItem(interleave(input.reviews, input.news)), ...ahead];
}

/** One card per note item a day: the others are siblings and wait (they get buried on answer). */
export function onePerItem<T extends Pick<Card, 'deckId' | 'itemKey'>>(cards: T[]): T[] {
  const seen = new Set<string>();
  return cards.filter((card) => {
    const key = `${card.deckId}\u0000${siblingKeyOf(card.itemKey)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Spreads `news` evenly among `reviews`, reviews first. */
export function interleave<T>(reviews: T[], news: T[]): T[] {
  const total = reviews.length + news.length;
  const out: T[] = [];
  let r = 0;
  let n = 0;
  for (let pos = 0; pos < total; pos++) {
    const newsWanted = Math.floor(((pos + 1) * news.length) / total);
    if ((n < newsWanted && n < news.length) || r >= reviews.length) out.push(news[n++]!);
    else out.push(reviews[r++]!);
  }
  return out;
}

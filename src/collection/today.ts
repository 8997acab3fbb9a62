/**
 * Today's cards: the queue `engram due` prints, the review session's starting queue, and the
 * per-deck counts, all under each deck's daily limits and its study day (rollover hour).
 */
import { dayStart, nextDayStart, now, type Card } from '../core/index.js';
import type { DeckStats } from '../store/index.js';
import type { Collection } from './collection.js';
import { buildQueue, interleave, onePerItem } from './queue.js';

export interface DeckSummary {
  name: string;
  total: number;
  new: number;
  learning: number;
  dueToday: number;
  suspended: number;
  /** Cards asked by `engram quiz papers` rather than the review (not in dueToday). */
  quizCards: number;
  /** Prose cards waiting for `engram triage` (in no other count). */
  suggestions: number;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

/** Per deck: totals, and what is due today exactly as `engram due` and the review count it. */
export function deckSummaries(col: Collection): DeckSummary[] {
  return col.store.deckStats().map((stats: DeckStats) => {
    const today = gatherToday(col, stats.name, true).counts;
    return {
      name: stats.name,
      total: stats.total,
      new: stats.new,
      learning: stats.learning,
      dueToday: today.new + today.learning + today.review,
      suspended: stats.suspended,
      quizCards: stats.quiz,
      suggestions: stats.suggestions,
    };
  });
}

/** New and review cards still allowed today in a deck, after what was answered today. */
export function remainingLimits(col: Collection, deckId: number, time: number): { news: number; reviews: number } {
  const options = col.deckOptions(deckId);
  const since = dayStart(time, options.rolloverHour);
  let newDone = 0;
  let reviewDone = 0;
  for (const row of col.store.answeredSince(since)) {
    if (row.deckId !== deckId) continue;
    if (row.stateBefore === 'new') newDone += row.count;
    else if (row.stateBefore === 'review') reviewDone += row.count;
  }
  return {
    news: Math.max(0, options.newPerDay - newDone),
    reviews: Math.max(0, options.reviewsPerDay - reviewDone),
  };
}

function deckIdsFor(col: Collection, deckName: string | undefined): number[] {
  return deckName ? [col.requireDeck(deckName).id] : col.store.listDecks().map((d) => d.id);
}

/** Today's queue in the order the review session shows it, and the counts to display. */
export function todaysQueue(col: Collection, deckName?: string): { cards: Card[]; counts: QueueCounts } {
  const today = gatherToday(col, deckName, true);
  const cards = buildQueue({
    now: today.time,
    learning: today.learning,
    reviews: today.reviews,
    news: today.news,
    learnAheadMs: (card) => col.deckOptions(card.deckId).learnAheadMinutes * 60_000,
  });
  return { cards, counts: today.counts };
}

/**
 * The review session's starting queue: reviews and new cards mixed (within today's limits),
 * and every learning card due before the end of the study day, which the session brings
 * back when due.
 */
export function sessionQueue(col: Collection, deckName?: string): { main: Card[]; learning: Card[]; learnAheadMs: number } {
  const today = gatherToday(col, deckName, false);
  const main = onePerItem(interleave(today.reviews, today.news));
  const learnAhead = Math.max(0, ...today.deckIds.map((id) => col.deckOptions(id).learnAheadMinutes));
  return { main, learning: today.learning, learnAheadMs: learnAhead * 60_000 };
}

/**
 * Today's cards per the daily limits: reviews due (oldest first), new cards (one per note
 * item), and learning cards due before the end of their deck's study day. Counting every
 * due review (for `engram due`) is skipped when the caller does not show counts.
 */
function gatherToday(col: Collection, deckName: string | undefined, withCounts: boolean) {
  const time = now();
  const deckIds = deckIdsFor(col, deckName);
  const wanted = new Set(deckIds);
  const reviews: Card[] = [];
  const news: Card[] = [];
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  let latestDayEnd = time;
  for (const deckId of deckIds) {
    const options = col.deckOptions(deckId);
    const dayEnd = nextDayStart(time, options.rolloverHour);
    latestDayEnd = Math.max(latestDayEnd, dayEnd);
    const limits = remainingLimits(col, deckId, time);
    reviews.push(...col.store.reviewDue(deckId, dayEnd, time, limits.reviews));
    // Siblings of one note item are shown one a day, so fetch extra new cards and keep the
    // first card of each item until the limit is reached.
    const deckNews = onePerItem(col.store.newCards(deckId, time, limits.news * 3 + 10)).slice(0, limits.news);
    news.push(...deckNews);
    if (withCounts) counts.review += Math.min(col.store.reviewDueCount(deckId, dayEnd, time), limits.reviews);
    counts.new += deckNews.length;
  }
  reviews.sort((a, b) => a.memory.due - b.memory.due || a.id - b.id);
  const learning = col.store
    .learningDue(latestDayEnd, time)
    .filter((c) => wanted.has(c.deckId) && c.memory.due < nextDayStart(time, col.deckOptions(c.deckId).rolloverHour));
  counts.learning = learning.length;
  return { time, deckIds, reviews, news, learning, counts };
}

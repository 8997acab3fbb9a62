/**
 * Today's cards: the queue `engram due` prints, the review session's starting queue, and the
 * per-deck counts, all under each deck's daily limits and its study day (rollover hour).
 */
import { dayStart, nextDayStart, now, siblingKeyOf, type Card } from '../core/index.js';
import type { CardKey } from '../store/index.js';
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

/**
 * Per deck (each deck's own cards, not its sub-decks'): totals from the counts the store keeps,
 * and what is due today exactly as `engram due` and the review count it, read from the
 * indexes no further than the daily limits reach (no deck's queue is built).
 */
export function deckSummaries(col: Collection): DeckSummary[] {
  col.store.keepCardCountsCurrent();
  const decks = col.store.listDecks();
  const today = countToday(col, decks.map((d) => d.id));
  const totals = new Map<number, Omit<DeckSummary, 'name' | 'dueToday'>>();
  const of = (deckId: number) => {
    let entry = totals.get(deckId);
    if (!entry) totals.set(deckId, (entry = { total: 0, new: 0, learning: 0, suspended: 0, quizCards: 0, suggestions: 0 }));
    return entry;
  };
  // The classes of the deckStats query: suggestions apart, rejected prose cards nowhere.
  for (const c of col.store.deckCardCounts()) {
    const entry = of(c.deckId);
    if (c.status === 'suggested') entry.suggestions += c.count;
    if (c.status !== 'accepted') continue;
    entry.total += c.count;
    if (c.paper) entry.quizCards += c.count;
    if (c.suspended) entry.suspended += c.count;
    else if (c.state === 'new') entry.new += c.count;
    else if (c.state === 'learning' || c.state === 'relearning') entry.learning += c.count;
  }
  return decks.map((deck) => {
    const counts = today.get(deck.id) ?? { new: 0, learning: 0, review: 0 };
    return { name: deck.name, ...of(deck.id), dueToday: counts.new + counts.learning + counts.review };
  });
}

/** Distinct cards answered since a study day's start, per deck and state before; read once per start. */
type AnsweredToday = (since: number) => Array<{ deckId: number; stateBefore: string; count: number }>;

function answeredTodayReader(col: Collection): AnsweredToday {
  const memo = new Map<number, Array<{ deckId: number; stateBefore: string; count: number }>>();
  return (since) => {
    let rows = memo.get(since);
    if (!rows) memo.set(since, (rows = col.store.answeredSince(since)));
    return rows;
  };
}

/**
 * The start and end of the study day containing `time`, per rollover hour, each computed once
 * (with 100 decks, working out local dates per deck was a tenth of the queue's time).
 */
interface StudyDays {
  start(rolloverHour: number): number;
  end(rolloverHour: number): number;
}

function studyDays(time: number): StudyDays {
  const perHour = (boundary: (time: number, rolloverHour: number) => number) => {
    const seen = new Map<number, number>();
    return (hour: number): number => {
      let t = seen.get(hour);
      if (t === undefined) seen.set(hour, (t = boundary(time, hour)));
      return t;
    };
  };
  return { start: perHour(dayStart), end: perHour(nextDayStart) };
}

/** New and review cards still allowed today in a deck, after what was answered today. */
export function remainingLimits(
  col: Collection, deckId: number, time: number, answered: AnsweredToday = answeredTodayReader(col), days: StudyDays = studyDays(time),
): { news: number; reviews: number } {
  const options = col.deckOptions(deckId);
  const since = days.start(options.rolloverHour);
  let newDone = 0;
  let reviewDone = 0;
  for (const row of answered(since)) {
    if (row.deckId !== deckId) continue;
    if (row.stateBefore === 'new') newDone += row.count;
    else if (row.stateBefore === 'review') reviewDone += row.count;
  }
  return {
    news: Math.max(0, options.newPerDay - newDone),
    reviews: Math.max(0, options.reviewsPerDay - reviewDone),
  };
}

/**
 * Today's counts per deck (its own cards) as gatherToday makes them, counted by SQLite from the
 * indexes (store deckTodayCounts): due reviews up to the limit, one per note item; new cards'
 * note items not taken by a review, up to the limit; learning cards' due times.
 */
export function countToday(col: Collection, deckIds: readonly number[]): Map<number, QueueCounts> {
  const out = new Map<number, QueueCounts>();
  const today = deckTodayCounts(col, deckIds);
  for (const [deckId, d] of today.decks) out.set(deckId, { new: d.news, learning: 0, review: d.reviews });
  for (const c of col.store.learningDueTimes(today.latestDayEnd, today.time)) {
    const counts = out.get(c.deckId);
    if (counts && c.due < today.days.end(col.deckOptions(c.deckId).rolloverHour)) counts.learning++;
  }
  return out;
}

/** Per deck: its counts for today under its limits (news capped), and the first review and new card. */
function deckTodayCounts(col: Collection, deckIds: readonly number[]) {
  const time = now();
  const answered = answeredTodayReader(col);
  const days = studyDays(time);
  const decks = new Map<number, { reviews: number; news: number; firstReview: { id: number; due: number } | null; firstNew: number | null }>();
  let latestDayEnd = time;
  for (const deckId of deckIds) {
    const dayEnd = days.end(col.deckOptions(deckId).rolloverHour);
    const limits = remainingLimits(col, deckId, time, answered, days);
    // Counted over every new card newOfTodayFetched could pick from; none when the limit is 0.
    const d = col.store.deckTodayCounts(deckId, dayEnd, time, limits.reviews, limits.news > 0 ? newCandidatesMost(limits.news) : 0);
    latestDayEnd = Math.max(latestDayEnd, dayEnd);
    decks.set(deckId, { reviews: d.reviews, news: Math.min(limits.news, d.newItems), firstReview: d.firstReview, firstNew: d.firstNew });
  }
  return { time, days, decks, latestDayEnd };
}

/**
 * What the review's first frame needs of today's queue, without the queue: the first card of
 * the main queue (sessionQueueKeys' first), the main queue's counts, and the learning cards
 * whole. The queue itself is read after the first frame.
 */
export function sessionStart(col: Collection, deckName?: string): {
  first: Pick<QueuedKey, 'id' | 'state'> | null; counts: { new: number; review: number }; learning: Card[]; learnAheadMs: number;
} {
  const deckIds = deckIdsFor(col, deckName);
  const today = deckTodayCounts(col, deckIds);
  const counts = { new: 0, review: 0 };
  let firstReview: { id: number; due: number } | null = null;
  let firstNew: number | null = null;
  for (const deckId of deckIds) {
    const d = today.decks.get(deckId)!;
    counts.review += d.reviews;
    counts.new += d.news;
    // interleave puts a review first whenever there is one: the earliest due (then lowest id) of
    // all decks'; with none, the first new card of the first deck that has one (no review excludes it).
    const r = d.reviews > 0 ? d.firstReview : null;
    if (r && (!firstReview || r.due < firstReview.due || (r.due === firstReview.due && r.id < firstReview.id))) firstReview = r;
    if (firstNew === null && d.news > 0) firstNew = d.firstNew;
  }
  const first = firstReview ? { id: firstReview.id, state: 'review' as const } : firstNew !== null ? { id: firstNew, state: 'new' as const } : null;
  return { first, counts, learning: learningOfToday(col, deckIds, today), learnAheadMs: learnAheadMsOf(col, deckIds) };
}

/** Learning cards of the decks due before the end of their deck's study day, whole, by due. */
function learningOfToday(col: Collection, deckIds: readonly number[], today: { time: number; latestDayEnd: number; days: StudyDays }): Card[] {
  const wanted = new Set(deckIds);
  return col.store
    .learningDue(today.latestDayEnd, today.time)
    .filter((c) => wanted.has(c.deckId) && c.memory.due < today.days.end(col.deckOptions(c.deckId).rolloverHour));
}

/**
 * One deck's share of today, read with the given fetchers (whole cards for the queue, note
 * keys for the counts, so both pick the same): due reviews up to the limit, one card per note
 * item (the count shown is the number kept), then new cards as newOfTodayFetched picks them.
 */
function deckToday<T extends Pick<Card, 'deckId' | 'itemKey'>>(
  col: Collection, deckId: number, time: number, answered: AnsweredToday, days: StudyDays,
  reviewsDue: (dayEnd: number, limit: number) => T[], newCards: (n: number) => T[],
): { dayEnd: number; reviews: T[]; news: T[] } {
  const dayEnd = days.end(col.deckOptions(deckId).rolloverHour);
  const limits = remainingLimits(col, deckId, time, answered, days);
  const reviews = onePerItem(reviewsDue(dayEnd, limits.reviews));
  // Siblings of one note item are shown one a day, so extra new cards are fetched and the first
  // card of each item not already shown as a review is kept until the limit is reached.
  const news = newOfTodayFetched(newCards, reviews, limits.news);
  return { dayEnd, reviews, news };
}

/**
 * Today's new cards of a deck: one per note item, none of an item already due as a review
 * (the session would show only one of them), up to the limit.
 */
function newOfToday<T extends Pick<Card, 'deckId' | 'itemKey'>>(candidates: T[], reviews: ReadonlyArray<Pick<Card, 'deckId' | 'itemKey'>>, limit: number): T[] {
  const taken = new Set(reviews.map((c) => siblingKeyOf(c.itemKey)));
  return onePerItem(candidates.filter((c) => !taken.has(siblingKeyOf(c.itemKey)))).slice(0, limit);
}

/** The most new cards newOfTodayFetched reads for a limit: enough for the limit's items when siblings are dropped. */
function newCandidatesMost(limit: number): number {
  return limit * 3 + 10;
}

/**
 * newOfToday over the deck's first `limit * 3 + 10` new cards, fetched in two steps: the first
 * `limit` and half as many again (at most 10 more) are enough unless siblings were dropped, and
 * the first `limit` picked from a shorter prefix are the same cards (a deck at its limit reads
 * a third of the rows; a deck with 4 new cards left today reads 6, not 14).
 */
function newOfTodayFetched<T extends Pick<Card, 'deckId' | 'itemKey'>>(
  fetch: (n: number) => T[], reviews: ReadonlyArray<Pick<Card, 'deckId' | 'itemKey'>>, limit: number,
): T[] {
  const most = newCandidatesMost(limit);
  const first = Math.min(most, limit + Math.min(10, Math.ceil(limit / 2)));
  const candidates = fetch(first);
  const picked = newOfToday(candidates, reviews, limit);
  if (picked.length >= limit || candidates.length < first || first === most) return picked;
  return newOfToday(fetch(most), reviews, limit);
}

function deckIdsFor(col: Collection, deckName: string | undefined): number[] {
  return col.deckScope(deckName).map((d) => d.id);
}

/** Today's queue in the order the review session shows it, and the counts to display. */
export function todaysQueue(col: Collection, deckName?: string): { cards: Card[]; counts: QueueCounts } {
  const today = gatherToday(col, deckName);
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
  const today = gatherToday(col, deckName);
  const main = onePerItem(interleave(today.reviews, today.news));
  return { main, learning: today.learning, learnAheadMs: learnAheadMsOf(col, today.deckIds) };
}

/** The session's learn-ahead window: the widest of its decks'. */
function learnAheadMsOf(col: Collection, deckIds: readonly number[]): number {
  return Math.max(0, ...deckIds.map((id) => col.deckOptions(id).learnAheadMinutes)) * 60_000;
}

/** A card of the session's main queue by its key (the store's): enough to order and count it, loaded whole when needed. */
export type QueuedKey = CardKey;

/**
 * sessionQueue's cards by their keys (id, deck, note item, due, state), in the same order, read
 * without loading the cards: at a million cards in 100 decks at their limits that is thousands
 * of whole cards the review's first frame does not need. Learning cards come whole (few).
 */
export function sessionQueueKeys(col: Collection, deckName?: string): { main: QueuedKey[]; learning: Card[]; learnAheadMs: number } {
  const today = gatherTodayWith<QueuedKey>(col, deckName, (k) => k.due,
    (deckId, end, time, limit) => col.store.reviewDueKeys(deckId, end, time, limit),
    (deckId, time, n) => col.store.newCardKeys(deckId, time, n));
  // No onePerItem over the whole queue, unlike sessionQueue: a sibling key includes its deck,
  // and each deck's reviews and new cards are already one per item between them (deckToday),
  // so it would drop nothing; it cost as much as interleaving at a million cards (tested equal).
  const main = interleave(today.reviews, today.news);
  return { main, learning: today.learning, learnAheadMs: learnAheadMsOf(col, today.deckIds) };
}

/** What gatherToday needs of a card to pick and order it. */
type Pickable = Pick<Card, 'id' | 'deckId' | 'itemKey'>;

/**
 * Today's cards per the daily limits, of a deck and its sub-decks (each under its own
 * limits): reviews due (oldest first), new cards (one per note item), and learning cards due
 * before the end of their deck's study day.
 */
function gatherToday(col: Collection, deckName: string | undefined) {
  return gatherTodayWith<Card>(col, deckName, (c) => c.memory.due,
    (deckId, end, time, limit) => col.store.reviewDue(deckId, end, time, limit),
    (deckId, time, n) => col.store.newCards(deckId, time, n));
}

/** gatherToday with the reviews and new cards read by the given fetchers (whole cards, or their keys only). */
function gatherTodayWith<T extends Pickable>(
  col: Collection, deckName: string | undefined, dueOf: (card: T) => number,
  reviewsDue: (deckId: number, dayEnd: number, time: number, limit: number) => T[], newCards: (deckId: number, time: number, n: number) => T[],
) {
  const time = now();
  const deckIds = deckIdsFor(col, deckName);
  const answered = answeredTodayReader(col);
  const days = studyDays(time);
  const reviews: T[] = [];
  const news: T[] = [];
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  let latestDayEnd = time;
  for (const deckId of deckIds) {
    const { dayEnd, reviews: deckReviews, news: deckNews } = deckToday(
      col, deckId, time, answered, days,
      (end, limit) => reviewsDue(deckId, end, time, limit),
      (n) => newCards(deckId, time, n),
    );
    latestDayEnd = Math.max(latestDayEnd, dayEnd);
    reviews.push(...deckReviews);
    news.push(...deckNews);
    counts.review += deckReviews.length;
    counts.new += deckNews.length;
  }
  reviews.sort((a, b) => dueOf(a) - dueOf(b) || a.id - b.id);
  const learning = learningOfToday(col, deckIds, { time, latestDayEnd, days });
  counts.learning = learning.length;
  return { time, deckIds, reviews, news, learning, counts };
}

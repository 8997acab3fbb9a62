/**
 * Engram's use-cases. The CLI and the TUI talk to a Collection; it is where the notes
 * parser, the scheduler and the store meet. Every write that belongs together is one
 * transaction.
 */
import {
  DAY, EngramError, GRADES, UsageError, dayStart, decodeUndoSnapshot, encodeUndoSnapshot, nextDayStart, now, parseOptionValue,
  readDeckOptions, sanitizeText, type UndoSnapshot, type Card, type DeckOptions, type Grade, type Memory, type Review,
} from '../core/index.js';
import { answerMemory, elapsedDaysAt, newMemory, previewAnswers, formatInterval, type SchedulerOptions } from '../scheduler/index.js';
import { Store, type DeckStats, type StoredExample, type StoredPaper } from '../store/index.js';
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

export interface AnswerResult {
  card: Card;
  memory: Memory;
  intervalDays: number;
  leech: boolean;
  reviewId: number;
  /** Siblings buried by this answer. */
  buriedIds: number[];
}

export interface IntervalPreview {
  grade: Grade;
  due: number;
  label: string;
}

export function schedulerOptions(options: DeckOptions): SchedulerOptions {
  return {
    desiredRetention: options.desiredRetention,
    maximumInterval: options.maximumInterval,
    learningSteps: options.learningSteps,
    relearningSteps: options.relearningSteps,
    fuzz: options.fuzz,
    weights: options.weights,
  };
}

export class Collection {
  readonly store: Store;
  private readonly optionsCache = new Map<number, DeckOptions>();

  constructor(store: Store) {
    this.store = store;
  }

  static open(dbPath: string): Collection {
    return new Collection(Store.open(dbPath));
  }

  close(): void {
    this.store.close();
  }

  // decks and options

  deckOptions(deckId: number): DeckOptions {
    let options = this.optionsCache.get(deckId);
    if (!options) {
      const deck = this.store.getDeck(deckId);
      options = readDeckOptions(deck?.optionsJson ?? null);
      this.optionsCache.set(deckId, options);
    }
    return options;
  }

  requireDeck(name: string): { id: number; name: string } {
    const deck = this.store.getDeckByName(name) ?? this.deckShownAs(name);
    if (!deck) {
      const known = this.store.listDecks().map((d) => d.name);
      throw new EngramError(`no deck named '${name}'${known.length ? ` (decks: ${known.join(', ')})` : ''}`);
    }
    return deck;
  }

  /**
   * A deck whose name holds control characters (from an Anki package or a backup) is shown with
   * them stripped; the name as shown chooses it, when no other deck is shown the same way.
   */
  private deckShownAs(name: string): { id: number; name: string } | null {
    const shown = sanitizeText(name).trim();
    const matches = this.store.listDecks().filter((d) => sanitizeText(d.name).trim() === shown);
    if (matches.length > 1) throw new EngramError(`'${name}' names ${matches.length} decks once control characters are removed; rename one`);
    return matches[0] ?? null;
  }

  /** The deck's id, creating the deck if it does not exist. Call inside a transaction. */
  ensureDeck(name: string): number {
    const clean = name.trim();
    if (!clean) throw new UsageError('deck name must not be empty');
    return this.store.getDeckByName(clean)?.id ?? this.store.insertDeck(clean, now());
  }

  getOptions(deckName: string | undefined): { deck: string; options: DeckOptions }[] {
    const decks = deckName ? [this.requireDeck(deckName)] : this.store.listDecks();
    return decks.map((d) => ({ deck: d.name, options: this.deckOptions(d.id) }));
  }

  setOption(deckName: string | undefined, key: string, value: string): { deck: string; key: string; value: unknown }[] {
    const parsed = parseOptionValue(key, value);
    const decks = deckName ? [this.requireDeck(deckName)] : this.store.listDecks();
    if (decks.length === 0) throw new EngramError('no decks yet: import notes or add a card first');
    return this.store.transaction(() =>
      decks.map((deck) => {
        const stored = JSON.parse(this.store.getDeck(deck.id)?.optionsJson ?? '{}') as Record<string, unknown>;
        stored[parsed.key] = parsed.value;
        this.store.setDeckOptions(deck.id, JSON.stringify(stored));
        this.optionsCache.delete(deck.id);
        return { deck: deck.name, key: parsed.key, value: parsed.value };
      }),
    );
  }

  /** Per deck: totals, and what is due today exactly as `engram due` and the review count it. */
  decks(): DeckSummary[] {
    return this.store.deckStats().map((stats: DeckStats) => {
      const today = this.gatherToday(stats.name, true).counts;
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

  // queue

  /** New and review cards still allowed today in a deck, after what was answered today. */
  remainingLimits(deckId: number, time: number): { news: number; reviews: number } {
    const options = this.deckOptions(deckId);
    const since = dayStart(time, options.rolloverHour);
    let newDone = 0;
    let reviewDone = 0;
    for (const row of this.store.answeredSince(since)) {
      if (row.deckId !== deckId) continue;
      if (row.stateBefore === 'new') newDone += row.count;
      else if (row.stateBefore === 'review') reviewDone += row.count;
    }
    return {
      news: Math.max(0, options.newPerDay - newDone),
      reviews: Math.max(0, options.reviewsPerDay - reviewDone),
    };
  }

  private deckIdsFor(deckName: string | undefined): number[] {
    return deckName ? [this.requireDeck(deckName).id] : this.store.listDecks().map((d) => d.id);
  }

  /** Today's queue in the order the review session shows it, and the counts to display. */
  queue(deckName?: string): { cards: Card[]; counts: QueueCounts } {
    const today = this.gatherToday(deckName, true);
    const cards = buildQueue({
      now: today.time,
      learning: today.learning,
      reviews: today.reviews,
      news: today.news,
      learnAheadMs: (card) => this.deckOptions(card.deckId).learnAheadMinutes * 60_000,
    });
    return { cards, counts: today.counts };
  }

  /**
   * The review session's starting queue: reviews and new cards mixed (within today's limits),
   * and every learning card due before the end of the study day, which the session brings
   * back when due.
   */
  sessionQueue(deckName?: string): { main: Card[]; learning: Card[]; learnAheadMs: number } {
    const today = this.gatherToday(deckName, false);
    const main = onePerItem(interleave(today.reviews, today.news));
    const learnAhead = Math.max(0, ...today.deckIds.map((id) => this.deckOptions(id).learnAheadMinutes));
    return { main, learning: today.learning, learnAheadMs: learnAhead * 60_000 };
  }

  /**
   * Today's cards per the daily limits: reviews due (oldest first), new cards (one per note
   * item), and learning cards due before the end of their deck's study day. Counting every
   * due review (for `engram due`) is skipped when the caller does not show counts.
   */
  private gatherToday(deckName: string | undefined, withCounts: boolean) {
    const time = now();
    const deckIds = this.deckIdsFor(deckName);
    const wanted = new Set(deckIds);
    const reviews: Card[] = [];
    const news: Card[] = [];
    const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
    let latestDayEnd = time;
    for (const deckId of deckIds) {
      const options = this.deckOptions(deckId);
      const dayEnd = nextDayStart(time, options.rolloverHour);
      latestDayEnd = Math.max(latestDayEnd, dayEnd);
      const limits = this.remainingLimits(deckId, time);
      reviews.push(...this.store.reviewDue(deckId, dayEnd, time, limits.reviews));
      // Siblings of one note item are shown one a day, so fetch extra new cards and keep the
      // first card of each item until the limit is reached.
      const deckNews = onePerItem(this.store.newCards(deckId, time, limits.news * 3 + 10)).slice(0, limits.news);
      news.push(...deckNews);
      if (withCounts) counts.review += Math.min(this.store.reviewDueCount(deckId, dayEnd, time), limits.reviews);
      counts.new += deckNews.length;
    }
    reviews.sort((a, b) => a.memory.due - b.memory.due || a.id - b.id);
    const learning = this.store
      .learningDue(latestDayEnd, time)
      .filter((c) => wanted.has(c.deckId) && c.memory.due < nextDayStart(time, this.deckOptions(c.deckId).rolloverHour));
    counts.learning = learning.length;
    return { time, deckIds, reviews, news, learning, counts };
  }

  /** Suggestions (prose cards not yet accepted) waiting for `engram triage`, of one deck or all. */
  suggestionCount(deckName?: string): number {
    return this.store.suggestionCount(deckName ? this.requireDeck(deckName).id : undefined);
  }

  /** When the next card becomes due after now (for "nothing due" and end screens). */
  nextDueTime(): number | null {
    return this.store.nextDue(now());
  }

  // answering

  getCard(id: number): Card {
    const card = this.store.getCard(id);
    if (!card) throw new EngramError(`no card with id ${id}`);
    return card;
  }

  previewIntervals(card: Card): IntervalPreview[] {
    const time = now();
    const preview = previewAnswers(card.memory, time, schedulerOptions(this.deckOptions(card.deckId)));
    return GRADES.map((grade) => ({ grade, due: preview[grade].due, label: formatInterval(preview[grade].due - time) }));
  }

  answer(cardId: number, grade: Grade, durationMs: number | null = null): AnswerResult {
    return this.store.transaction(() => {
      const card = this.getCard(cardId);
      if (card.retired) throw new EngramError(`card ${cardId} is retired (its text is gone from the notes)`);
      const options = this.deckOptions(card.deckId);
      const time = now();
      const memory = answerMemory(card.memory, grade, time, schedulerOptions(options));
      let suspended = card.suspended;
      let tags = card.tags;
      const leech = memory.lapses > card.memory.lapses && isLeech(memory.lapses, options.leechThreshold);
      if (leech) {
        if (!tags.includes('leech')) tags = [...tags, 'leech'];
        if (options.leechAction === 'suspend') suspended = true;
      }
      const siblings = options.burySiblings ? this.store.siblingsToBury(card, nextDayStart(time, options.rolloverHour)) : [];
      const buryUntil = nextDayStart(time, options.rolloverHour);
      for (const sibling of siblings) this.store.setBuriedUntil(sibling.id, buryUntil, time);
      this.store.updateCardSchedule(card.id, {
        memory, suspended, tags, buriedUntil: card.buriedUntil, seenFront: card.front, seenBack: card.back,
      }, time);
      const snapshot: UndoSnapshot = {
        memory: card.memory, suspended: card.suspended, tags: card.tags, buriedUntil: card.buriedUntil,
        seenFront: card.seenFront, seenBack: card.seenBack, siblings,
      };
      const reviewId = this.store.insertReview({
        cardId: card.id,
        grade,
        reviewedAt: time,
        elapsedDays: elapsedDaysAt(card.memory, time),
        durationMs,
        stateBefore: card.memory.state,
        stateAfter: memory.state,
        before: encodeUndoSnapshot(snapshot),
      });
      return {
        card: this.getCard(card.id), memory, intervalDays: (memory.due - time) / DAY, leech, reviewId,
        buriedIds: siblings.map((s) => s.id),
      };
    });
  }

  /**
   * Undoes the most recent answer: the card gets back its state, the siblings it buried are
   * unburied, and the log row is removed. `expectedReviewId` guards against undoing an answer
   * given elsewhere (another process) since.
   */
  undo(expectedReviewId?: number): { card: Card; review: Review } {
    return this.store.transaction(() => {
      const last = this.store.lastReview();
      if (!last) throw new EngramError('nothing to undo');
      if (expectedReviewId !== undefined && last.id !== expectedReviewId) {
        throw new EngramError('the last answer was given elsewhere since; not undoing it');
      }
      const snapshot = decodeUndoSnapshot(last.before);
      const time = now();
      const { siblings, ...restored } = snapshot;
      this.store.updateCardSchedule(last.cardId, restored, time);
      for (const sibling of siblings) this.store.setBuriedUntil(sibling.id, sibling.buriedUntil, time);
      this.store.deleteReview(last.id);
      return { card: this.getCard(last.cardId), review: last };
    });
  }

  suspend(cardId: number, suspended: boolean): Card {
    return this.store.transaction(() => {
      this.getCard(cardId);
      this.store.setSuspended(cardId, suspended, now());
      return this.getCard(cardId);
    });
  }

  bury(cardId: number): Card {
    return this.store.transaction(() => {
      const card = this.getCard(cardId);
      const time = now();
      this.store.setBuriedUntil(cardId, nextDayStart(time, this.deckOptions(card.deckId).rolloverHour), time);
      return this.getCard(cardId);
    });
  }

  addCard(deckName: string, front: string, back: string): Card {
    if (!front.trim()) throw new UsageError('--front must not be empty');
    if (!back.trim()) throw new UsageError('--back must not be empty');
    return this.store.transaction(() => {
      const deckId = this.ensureDeck(deckName);
      const time = now();
      const id = this.store.insertCard({
        deckId, noteId: null, kind: 'manual', front: front.trim(), back: back.trim(), source: null, breadcrumb: [],
        itemKey: `manual:${time}:${front.trim()}`, tags: [], memory: newMemory(time), createdAt: time,
      });
      return this.getCard(id);
    });
  }

  cards(filter: { deck?: string; search?: string }): Card[] {
    const deckId = filter.deck ? this.requireDeck(filter.deck).id : undefined;
    return this.store.findCards({ ...(deckId !== undefined ? { deckId } : {}), ...(filter.search ? { search: filter.search } : {}) });
  }

  reviewsOf(cardId: number): Review[] {
    return this.store.reviewsOfCard(cardId);
  }

  exampleOf(cardId: number): StoredExample | null {
    return this.store.getExample(cardId);
  }

  papers(): StoredPaper[] {
    return this.store.listPapers();
  }
}

/** Anki's rule: a leech at the threshold, then again every half threshold. */
function isLeech(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false;
  const every = Math.max(1, Math.floor(threshold / 2));
  return (lapses - threshold) % every === 0;
}

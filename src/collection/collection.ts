/**
 * Engram's use-cases. The CLI and the TUI talk to a Collection; it is where the notes
 * parser, the scheduler and the store meet. Every write that belongs together is one
 * transaction. The class is the one door: each job lives in its own module (deck options,
 * today's queue, answering) and the methods here hand over to it.
 */
import { EngramError, UsageError, now, type Card, type DeckOptions, type Grade, type Review } from '../core/index.js';
import { newMemory } from '../scheduler/index.js';
import { Store, type StoredExample, type StoredPaper } from '../store/index.js';
import { answerCard, buryCard, previewIntervals, suspendCard, undoLastAnswer, type AnswerResult, type IntervalPreview } from './answer.js';
import { DeckOptionsCache, ensureDeck, requireDeck, setOption } from './deck-options.js';
import { rebuildDeckAfterOption } from './sync-apply.js';
import { autoSyncOn, syncFolder, syncStatus, type SyncOptions, type SyncReport, type SyncStatus } from './sync.js';
import { deckSummaries, remainingLimits, sessionQueue, todaysQueue, type DeckSummary, type QueueCounts } from './today.js';

export { schedulerOptions } from './deck-options.js';
export type { AnswerResult, IntervalPreview } from './answer.js';
export type { DeckSummary, QueueCounts } from './today.js';
export type { SyncOptions, SyncReport, SyncStatus } from './sync.js';

export class Collection {
  readonly store: Store;
  private readonly options: DeckOptionsCache;

  constructor(store: Store) {
    this.store = store;
    this.options = new DeckOptionsCache(store);
  }

  static open(dbPath: string): Collection {
    return new Collection(Store.open(dbPath));
  }

  close(): void {
    this.store.close();
  }

  // decks and options (deck-options.ts)

  deckOptions(deckId: number): DeckOptions {
    return this.options.of(deckId);
  }

  requireDeck(name: string): { id: number; name: string } {
    return requireDeck(this.store, name);
  }

  /** The deck's id, creating the deck if it does not exist. Call inside a transaction. */
  ensureDeck(name: string): number {
    return ensureDeck(this.store, name);
  }

  getOptions(deckName: string | undefined): { deck: string; options: DeckOptions }[] {
    const decks = deckName ? [this.requireDeck(deckName)] : this.store.listDecks();
    return decks.map((d) => ({ deck: d.name, options: this.deckOptions(d.id) }));
  }

  /** Sets an option (one deck or all); `record: false` for one applied from another device's events. */
  setOption(deckName: string | undefined, key: string, value: string, options: { record?: boolean } = {}): { deck: string; key: string; value: unknown }[] {
    return this.store.transaction(() => {
      const set = setOption(this.store, this.options, deckName, key, value, options);
      const time = now();
      for (const s of set) rebuildDeckAfterOption(this, s.deck, s.key, time);
      return set;
    });
  }

  // today's queue (today.ts)

  /** Per deck: totals, and what is due today exactly as `engram due` and the review count it. */
  decks(): DeckSummary[] {
    return deckSummaries(this);
  }

  /** New and review cards still allowed today in a deck, after what was answered today. */
  remainingLimits(deckId: number, time: number): { news: number; reviews: number } {
    return remainingLimits(this, deckId, time);
  }

  /** Today's queue in the order the review session shows it, and the counts to display. */
  queue(deckName?: string): { cards: Card[]; counts: QueueCounts } {
    return todaysQueue(this, deckName);
  }

  /** The review session's starting queue (see today.ts). */
  sessionQueue(deckName?: string): { main: Card[]; learning: Card[]; learnAheadMs: number } {
    return sessionQueue(this, deckName);
  }

  /** Suggestions (prose cards not yet accepted) waiting for `engram triage`, of one deck or all. */
  suggestionCount(deckName?: string): number {
    return this.store.suggestionCount(deckName ? this.requireDeck(deckName).id : undefined);
  }

  /** When the next card becomes due after now (for "nothing due" and end screens). */
  nextDueTime(): number | null {
    return this.store.nextDue(now());
  }

  // answering (answer.ts)

  getCard(id: number): Card {
    const card = this.store.getCard(id);
    if (!card) throw new EngramError(`no card with id ${id}`);
    return card;
  }

  previewIntervals(card: Card): IntervalPreview[] {
    return previewIntervals(this, card);
  }

  answer(cardId: number, grade: Grade, durationMs: number | null = null): AnswerResult {
    return answerCard(this, cardId, grade, durationMs);
  }

  /** Undoes the most recent answer; `expectedReviewId` guards against undoing one given elsewhere since. */
  undo(expectedReviewId?: number): { card: Card; review: Review } {
    return undoLastAnswer(this, expectedReviewId);
  }

  suspend(cardId: number, suspended: boolean): Card {
    return suspendCard(this, cardId, suspended);
  }

  bury(cardId: number): Card {
    return buryCard(this, cardId);
  }

  // cards and papers

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

  // sync through a shared folder (sync.ts)

  /** Writes this device's new events to the folder and applies the other devices' (one transaction). */
  sync(options: SyncOptions = {}): SyncReport {
    const report = syncFolder(this, options);
    // Options applied from other devices: drop the cached ones.
    this.options.clear();
    return report;
  }

  syncStatus(): SyncStatus {
    return syncStatus(this);
  }

  /** Whether the review syncs at its start and end (`engram sync --auto-sync true`). */
  autoSync(): boolean {
    return autoSyncOn(this);
  }
}

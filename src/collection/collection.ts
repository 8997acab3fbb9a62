/**
 * Engram's use-cases. The CLI and the TUI talk to a Collection; it is where the notes
 * parser, the scheduler and the store meet. Every write that belongs together is one
 * transaction. The class is the one door: each job lives in its own module (deck options,
 * today's queue, answering) and the methods here hand over to it.
 */
import { EngramError, UsageError, now, type Card, type DeckOptionKey, type DeckOptions, type Grade, type QueryNode, type Review } from '../core/index.js';
import { compareTyped, type TypeInOptions, type TypeInResult } from '../quiz/index.js';
import { newMemory } from '../scheduler/index.js';
import { Store, type StoredDeck, type StoredExample, type StoredPaper } from '../store/index.js';
import { answerCard, previewIntervals, type AnswerResult, type IntervalPreview } from './answer.js';
import {
  buryCards, flagCards, forgetCards, rescheduleCards, suspendCards, tagCards, undoLastAction, type ActionResult, type UndoResult,
} from './card-actions.js';
import { DeckOptionsCache, decksInScope, ensureDeck, requireDeck, setOption, type OptionSource } from './deck-options.js';
import { deckTree, type DeckNode } from './deck-tree.js';
import { customQueue, previewAnswer, undoPreviewAnswer, type CustomStudy } from './custom-study.js';
import { countCards, findCards, parseOrThrow, type FindOptions } from './search.js';
import { rebuildDeckAfterOption } from './sync-apply.js';
import { autoSyncOn, syncFolder, syncStatus, type SyncOptions, type SyncReport, type SyncStatus } from './sync.js';
import { deckSummaries, remainingLimits, sessionQueue, sessionQueueKeys, sessionStart, todaysQueue, type DeckSummary, type QueuedKey, type QueueCounts } from './today.js';

export { schedulerOptions, type OptionSource } from './deck-options.js';
export { flattenTree, type DeckNode } from './deck-tree.js';
export type { AnswerResult, IntervalPreview } from './answer.js';
export type { ActionResult, UndoResult } from './card-actions.js';
export type { TypeInResult, TypeInWord } from '../quiz/index.js';
export type { DeckSummary, QueuedKey, QueueCounts } from './today.js';
export type { FindOptions } from './search.js';
export { parseOrThrow as parseQueryOrThrow } from './search.js';
export type { CustomStudy } from './custom-study.js';
export { SEARCH_ORDERS, type SearchOrder } from '../store/index.js';
export type { SyncOptions, SyncReport, SyncStatus } from './sync.js';

/** What `engram cards` filters by: a deck (exactly), a word or phrase, a query. */
export interface CardFilter {
  deck?: string;
  search?: string;
  query?: string;
}

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

  /**
   * The decks a `--deck NAME` takes everywhere: NAME and its sub-decks (`ml` → `ml`, `ml::fusion`,
   * `ml::align`); every deck without a name. Throws a one-line error for an unknown name.
   */
  deckScope(name?: string): StoredDeck[] {
    return name === undefined ? this.store.listDecks() : decksInScope(this.store, name);
  }

  /** The name a `--deck NAME` is shown as (NAME as stored, or as typed for a parent that exists only through its sub-decks). */
  deckScopeName(name: string): string {
    return (this.store.getDeckByName(name) ?? null)?.name ?? name.trim();
  }

  /** The deck's id, creating the deck if it does not exist. Call inside a transaction. */
  ensureDeck(name: string): number {
    const known = this.store.getDeckByName(name.trim());
    if (known) return known.id;
    const id = ensureDeck(this.store, name);
    this.options.forget();
    return id;
  }

  /** Each deck's effective options and, per option, where its value comes from (the deck, a parent, the default). */
  getOptions(deckName: string | undefined): { deck: string; options: DeckOptions; sources: Record<DeckOptionKey, OptionSource> }[] {
    const decks = deckName ? [this.requireDeck(deckName)] : this.store.listDecks();
    return decks.map((d) => ({ deck: d.name, options: this.deckOptions(d.id), sources: this.options.sources(d.id) }));
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

  /** The decks as a tree (`a::b` under `a`), each node's counts rolled up over its sub-decks. */
  deckTree(summaries: readonly DeckSummary[] = this.decks()): DeckNode[] {
    return deckTree(summaries);
  }

  /** New and review cards still allowed today in a deck, after what was answered today. */
  remainingLimits(deckId: number, time: number): { news: number; reviews: number } {
    return remainingLimits(this, deckId, time);
  }

  /** Today's queue in the order the review session shows it, and the counts to display. */
  queue(deckName?: string, query?: string): { cards: Card[]; counts: QueueCounts } {
    const tree = query !== undefined ? parseOrThrow(query) : undefined;
    const today = todaysQueue(this, deckName);
    if (!tree) return today;
    // The query narrows today's queue (its order and limits stay): one query over its card ids.
    const selected = new Set(findCards(this, tree, { ids: today.cards.map((c) => c.id) }).cards.map((c) => c.id));
    const cards = today.cards.filter((c) => selected.has(c.id));
    const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
    for (const card of cards) {
      if (card.memory.state === 'new') counts.new++;
      else if (card.memory.state === 'review') counts.review++;
      else counts.learning++;
    }
    return { cards, counts };
  }

  /** The review session's starting queue (see today.ts). */
  sessionQueue(deckName?: string): { main: Card[]; learning: Card[]; learnAheadMs: number } {
    return sessionQueue(this, deckName);
  }

  /** sessionQueue's main queue by the cards' keys, in the same order (load them with cardsByIds). */
  sessionQueueKeys(deckName?: string): { main: QueuedKey[]; learning: Card[]; learnAheadMs: number } {
    return sessionQueueKeys(this, deckName);
  }

  /** The review's first frame without the queue: its first card, its counts, the learning cards (see today.ts). */
  sessionStart(deckName?: string): ReturnType<typeof sessionStart> {
    return sessionStart(this, deckName);
  }

  /** Whole cards by id, in the order given (an id with no card is left out). */
  cardsByIds(ids: readonly number[]): Card[] {
    return this.store.cardsByIds(ids);
  }

  /** Custom study: the cards a query selects that the review can show, earliest due first, up to the limit. */
  customQueue(study: CustomStudy): { cards: Card[]; learnAheadMs: number } {
    return customQueue(this, study);
  }

  /** A preview (cram) answer: logged apart, no schedule changes. */
  previewAnswer(cardId: number, grade: Grade, durationMs: number | null = null): { reviewId: number; card: Card } {
    return previewAnswer(this, cardId, grade, durationMs);
  }

  undoPreviewAnswer(reviewId: number, cardId: number): Card {
    return undoPreviewAnswer(this, reviewId, cardId);
  }

  /** Suggestions (prose cards not yet accepted) waiting for `engram triage`, of one deck or all. */
  suggestionCount(deckName?: string): number {
    return this.store.suggestionCount(deckName ? this.deckScope(deckName).map((d) => d.id) : undefined);
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

  // card actions and undo (card-actions.ts): each one journal entry

  /**
   * Undoes the newest action of any kind (answer, suspend, bury, flag, forget, tag, reschedule).
   * `expected` guards against undoing one taken elsewhere since (by action id, or an answer's review id).
   */
  undo(expected?: { actionId?: number; reviewId?: number }): UndoResult {
    return undoLastAction(this, expected);
  }

  /**
   * The file an editor may open for a card: its source file, only when that is the very note the
   * card was imported from (registered in the collection), so a stored path can never point an
   * editor at some other file. Null when the card has no such note.
   */
  editableSourceOf(cardId: number): { file: string; line: number } | null {
    const card = this.getCard(cardId);
    if (!card.source || card.noteId === null) return null;
    const note = this.store.getNoteByPath(card.source.file);
    return note && note.id === card.noteId ? { file: note.path, line: card.source.line } : null;
  }

  suspend(cardId: number, suspended: boolean): Card {
    return suspendCards(this, [cardId], suspended).cards[0]!;
  }

  bury(cardId: number): Card {
    return buryCards(this, [cardId]).cards[0]!;
  }

  suspendCards(ids: readonly number[], suspended: boolean): ActionResult {
    return suspendCards(this, ids, suspended);
  }

  buryCards(ids: readonly number[]): ActionResult {
    return buryCards(this, ids);
  }

  /** 0 clears the flag; 1–4 red, orange, green, blue. */
  flag(ids: readonly number[], flag: number): ActionResult {
    return flagCards(this, ids, flag);
  }

  /** Back to new (Anki's "Reset"); the review log is kept. */
  forget(ids: readonly number[]): ActionResult {
    return forgetCards(this, ids);
  }

  /** Adds and removes tags by hand; a re-import of the note keeps these edits. */
  tag(ids: readonly number[], add: readonly string[], remove: readonly string[]): ActionResult {
    return tagCards(this, ids, add, remove);
  }

  /** Due `days` study days from now (Anki's "Set due date"); the card stays in (or goes to) review. */
  reschedule(ids: readonly number[], days: number): ActionResult {
    return rescheduleCards(this, ids, days);
  }

  /** A typed answer compared word by word with the card's answer (Anki's type-in), with a suggested grade. */
  checkTyped(cardId: number, typed: string, durationMs: number | null = null, options: TypeInOptions = {}): TypeInResult {
    return compareTyped(typed, this.getCard(cardId).back, options, durationMs);
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

  /**
   * `engram cards`: the cards of a deck and its sub-decks, with a word or phrase (`search`,
   * the same as a quoted phrase in a query) and selected by a query, as `findCards`.
   */
  cards(filter: CardFilter = {}): Card[] {
    return this.cardsPage(filter).cards;
  }

  /** `cards` with paging: the page asked for, and how many cards the filter selects in all. */
  cardsPage(filter: CardFilter & FindOptions = {}): { cards: Card[]; total: number } {
    const parts: QueryNode[] = [];
    if (filter.query !== undefined) parts.push(parseOrThrow(filter.query));
    if (filter.search) parts.push({ type: 'text', column: 1, field: 'any', text: filter.search });
    const tree: QueryNode = parts.length === 0 ? { type: 'all', column: 1 } : parts.length === 1 ? parts[0]! : { type: 'and', column: 1, children: parts };
    // A deck and its sub-decks (deck trees).
    const deckIds = filter.deck ? this.deckScope(filter.deck).map((d) => d.id) : undefined;
    const { deck: _deck, search: _search, query: _query, ...paging } = filter;
    return findCards(this, tree, { ...paging, ...(deckIds !== undefined ? { deckIds } : {}) });
  }

  // the search language (search.ts)

  /**
   * The cards a query in the search language selects (README: Searching), in `order`
   * (default: id), paged by limit/offset; `total` counts them all. A query that cannot be read
   * throws BadQueryError (a UsageError) naming the column.
   */
  findCards(query: string, opts: FindOptions = {}): { cards: Card[]; total: number } {
    return findCards(this, query, opts);
  }

  /** How many cards a query selects. */
  countCards(query: string): number {
    return countCards(this, query);
  }

  reviewsOf(cardId: number): Review[] {
    return this.store.reviewsOfCard(cardId);
  }

  /** When the card was reset to new (`engram forget`), oldest first; undone resets are not listed. */
  resetsOf(cardId: number): number[] {
    return this.store.actionsOfCardSince('forget', cardId, 0).map((a) => a.at);
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

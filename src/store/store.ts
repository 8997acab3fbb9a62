/**
 * The one door to Engram's database. All SQL lives in src/store, as named prepared statements:
 * each table's statements and queries in src/store/tables/, this class the facade that callers
 * use (verb-first, table-scoped methods) plus the connection's transactions and backup.
 * Synchronous (better-sqlite3). Statements are prepared on first use so opening the store for
 * one command costs only the statements that command runs.
 */
import type { ActionChange, Card, CardBefore, CardSchedule, CardStatus, DeckOptions, Grade, JournalEntry, Memory, QueryNode, Review, TagEdits } from '../core/index.js';
import { BUSY_TIMEOUT_MS, openDatabase, type Db } from './open-store.js';
import { countCards, searchCards, type SearchClock, type SearchScope } from './search.js';
import { PreparedStatements } from './statements.js';
import * as actions from './tables/actions.js';
import * as aggregates from './tables/aggregates.js';
import * as cards from './tables/cards.js';
import * as decks from './tables/decks.js';
import * as examples from './tables/examples.js';
import * as notes from './tables/notes.js';
import * as papers from './tables/papers.js';
import * as previews from './tables/previews.js';
import * as queue from './tables/queue.js';
import * as reviews from './tables/reviews.js';
import type { CardContent, NewCard } from './tables/cards.js';
import type { DeckStats, StoredDeck } from './tables/decks.js';
import type { StoredExample } from './tables/examples.js';
import type { CitedPaper, DeclaredPaper, StoredPaper } from './tables/papers.js';
import type { NewReview } from './tables/reviews.js';
import type { KnownNote, NoteStat } from './tables/notes.js';
import type { CardKey, DeckTodayCounts } from './tables/queue.js';
import type { PreviewReview } from './tables/previews.js';

export type { CardContent, CardScheduleUpdate, NewCard } from './tables/cards.js';
export type { DeckStats, StoredDeck } from './tables/decks.js';
export type { CardClassCount, QuarterAggregate } from './tables/aggregates.js';
export { ALL_DECKS, CALIBRATION_PARTS, QUARTER_MS, calibrationPart } from './tables/aggregates.js';
export type { StoredExample } from './tables/examples.js';
export type { CitedPaper, DeclaredPaper, StoredPaper } from './tables/papers.js';
export type { NewReview } from './tables/reviews.js';
export type { KnownNote, NoteStat } from './tables/notes.js';
export type { PreviewReview } from './tables/previews.js';
export type { CardKey, DeckTodayCounts } from './tables/queue.js';
export { SEARCH_ORDERS, type SearchClock, type SearchOrder, type SearchScope } from './search.js';

const SQL = {
  ...decks.DECKS_SQL, ...cards.CARDS_SQL, ...queue.QUEUE_SQL, ...reviews.REVIEWS_SQL,
  ...notes.NOTES_SQL, ...papers.PAPERS_SQL, ...examples.EXAMPLES_SQL, ...previews.PREVIEWS_SQL, ...actions.ACTIONS_SQL,
  ...aggregates.AGGREGATES_SQL,
};

/** Cards past the kept counts' mark that a read folds in first (fewer are counted from the table, about 1 µs each). */
const CARD_COUNTS_TAIL = 2_000;

/** How long a long writer pauses between its transactions: several of a waiting writer's 1 ms tries. */
const WRITER_YIELD_MS = 5;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export class Store {
  readonly db: Db;
  readonly path: string;
  readonly backupPath: string | null;
  /** The database file cannot be written (read-only file, folder or mount): reads work, writes fail with SQLITE_READONLY. */
  readonly readOnly: boolean;
  private readonly statements: PreparedStatements<keyof typeof SQL>;

  private constructor(db: Db, path: string, backupPath: string | null, readOnly: boolean) {
    this.db = db;
    this.path = path;
    this.backupPath = backupPath;
    this.readOnly = readOnly;
    this.statements = new PreparedStatements(db, SQL);
  }

  static open(path: string): Store {
    const { db, backupPath, readOnly } = openDatabase(path);
    return new Store(db, path, backupPath, readOnly);
  }

  close(): void {
    this.db.close();
  }

  /**
   * A consistent copy of the live database in `destination` through SQLite's online backup API.
   * It copies `pagesPerStep` pages at a time, letting other connections write in between (SQLite
   * restarts the copy when they do, so the result is always one moment).
   */
  async backupTo(destination: string, options: { pagesPerStep?: number; onStep?: (remainingPages: number) => void } = {}): Promise<void> {
    const pages = options.pagesPerStep ?? 256;
    await this.db.backup(destination, {
      progress: ({ remainingPages }) => {
        options.onStep?.(remainingPages);
        return pages;
      },
    });
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction: it takes the write lock first, so a concurrent
   * writer waits instead of failing mid-way. Inside another transaction it is a savepoint: `fn`
   * is undone alone when it throws. The lock is asked for every millisecond (SQLite's own busy
   * handler backs off to 100 ms between tries, and would miss the short gaps a long import
   * leaves between its transactions), for at most the busy timeout.
   */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn)();
    this.beginImmediate();
    try {
      const result = fn();
      if (typeof (result as { then?: unknown } | null)?.then === 'function') throw new TypeError('a transaction function cannot return a promise');
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * A pause between two transactions of a long writer (an import), long enough for a writer
   * waiting in another process (an answer) to take the lock in between.
   */
  yieldToWriters(): void {
    sleepSync(WRITER_YIELD_MS);
  }

  private beginImmediate(): void {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    this.db.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
          return;
        } catch (error) {
          if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw error;
          sleepSync(1);
        }
      }
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  /**
   * Runs `fn` with SQLite's temporary files in memory: a bulk write that opens a savepoint per
   * file inside each transaction (an import) writes every page it changes to a statement journal,
   * a temporary file by default, which cost an import of 50,000 cards about half as much again
   * as its inserts. The default comes back after (a big query's sort then spills to disk again).
   */
  withTemporaryFilesInMemory<T>(fn: () => T): T {
    // SQLite refuses the change inside a transaction that has used temporary storage: then as is.
    if (this.db.inTransaction) return fn();
    this.db.pragma('temp_store = MEMORY');
    try {
      return fn();
    } finally {
      this.db.pragma('temp_store = DEFAULT');
    }
  }

  /** Runs `fn` in one read transaction: every query in it sees the same moment, even while another process writes (WAL). */
  readTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  // decks (tables/decks.ts)

  getDeckByName(name: string): StoredDeck | null {
    return decks.getDeckByName(this.statements, name);
  }

  getDeck(id: number): StoredDeck | null {
    return decks.getDeck(this.statements, id);
  }

  listDecks(): StoredDeck[] {
    return decks.listDecks(this.statements);
  }

  insertDeck(name: string, createdAt: number): number {
    return decks.insertDeck(this.statements, name, createdAt);
  }

  setDeckOptions(id: number, options: Partial<DeckOptions>): void {
    decks.setDeckOptions(this.statements, id, options);
  }

  deckStats(): DeckStats[] {
    return decks.deckStats(this.statements);
  }

  // counts kept by triggers (tables/aggregates.ts)

  /**
   * Live cards per deck and class (state, suspended, status, paper), with stability and
   * difficulty sums, from the kept counts; a class may come as two entries (sum them).
   */
  deckCardCounts(): aggregates.CardClassCount[] {
    return aggregates.deckCardCounts(this.statements);
  }

  /** deckCardCounts from every card instead of the kept counts: the simple computation. */
  deckCardCountsScanned(): aggregates.CardClassCount[] {
    return aggregates.deckCardCountsScanned(this.statements);
  }

  /**
   * Before reading deckCardCounts outside a transaction: folds a long tail of cards inserted
   * since the last fold (raw inserts, single inserts) into the kept counts, so later reads skip
   * it. Best effort: a read-only or busy database is read with its tail.
   */
  keepCardCountsCurrent(): void {
    if (this.readOnly || this.db.inTransaction || aggregates.cardCountsTail(this.statements) <= CARD_COUNTS_TAIL) return;
    try {
      this.transaction(() => aggregates.foldCardCounts(this.statements));
    } catch {
      // counted from the tail this time
    }
  }

  buriedCounts(now: number): Array<{ deckId: number; state: string; count: number }> {
    return aggregates.buriedCounts(this.statements, now);
  }

  reviewQuarters(bounds: ReadonlyArray<readonly [number, number]>, deckId: number): aggregates.QuarterAggregate[] {
    return aggregates.reviewQuarters(this.statements, bounds, deckId);
  }

  /** Every cached calibration part, by deck and part (see calibrationPart). */
  cachedCalibrations(): Map<number, Map<number, { key: string; sums: string }>> {
    return aggregates.cachedCalibrations(this.statements);
  }

  cacheCalibration(deckId: number, part: number, key: string, sums: string): void {
    aggregates.cacheCalibration(this.statements, deckId, part, key, sums);
  }

  // cards (tables/cards.ts)

  getCard(id: number): Card | null {
    return cards.getCard(this.statements, id);
  }

  insertCard(card: NewCard): number {
    return cards.insertCard(this.statements, card);
  }

  updateCardContent(id: number, content: CardContent, modifiedAt: number): void {
    cards.updateCardContent(this.statements, id, content, modifiedAt);
  }

  updateCardSchedule(id: number, update: CardSchedule, modifiedAt: number): void {
    cards.updateCardSchedule(this.statements, id, update, modifiedAt);
  }

  setFlag(id: number, flag: number, modifiedAt: number): void {
    cards.setFlag(this.statements, id, flag, modifiedAt);
  }

  setSuspended(id: number, suspended: boolean, modifiedAt: number): void {
    cards.setSuspended(this.statements, id, suspended, modifiedAt);
  }

  /** Adds a card inserted outside insertCard (a restore, an Anki import) to the search index. */
  indexInsertedCard(id: number): void {
    cards.indexInsertedCard(this.statements, id);
  }

  /**
   * A bulk write (an import batch, a restore) in one transaction, its new cards indexed for
   * search and folded into the kept card counts at its end.
   */
  transactionWithSearchIndexDeferred<T>(write: () => T): T {
    return this.transaction(() => {
      const result = cards.withSearchIndexDeferred(this.statements, write);
      aggregates.foldCardCounts(this.statements);
      return result;
    });
  }

  setBuriedUntil(id: number, until: number, modifiedAt: number): void {
    cards.setBuriedUntil(this.statements, id, until, modifiedAt);
  }

  /** The card's tags and the user's own tag edits that produced them. */
  setTags(id: number, tags: string[], edits: TagEdits, modifiedAt: number): void {
    cards.setTags(this.statements, id, tags, edits, modifiedAt);
  }

  /** Writes only the FSRS memory (forget, reschedule, and their undo). */
  setCardMemory(id: number, memory: Memory, modifiedAt: number): void {
    cards.setCardMemory(this.statements, id, memory, modifiedAt);
  }

  // the action journal (tables/actions.ts)

  insertAction(at: number, change: ActionChange, before: CardBefore[]): number {
    return actions.insertAction(this.statements, at, change, before);
  }

  /** The newest action not yet undone: what undo takes back. */
  lastOpenAction(): JournalEntry | null {
    return actions.lastOpenAction(this.statements);
  }

  markActionUndone(id: number, at: number): void {
    actions.markActionUndone(this.statements, id, at);
  }

  /** Standing actions of one kind on one card since a time. */
  actionsOfCardSince(kind: ActionChange['kind'], cardId: number, since: number): JournalEntry[] {
    return actions.actionsOfCardSince(this.statements, kind, cardId, since);
  }

  retireCard(id: number, modifiedAt: number): void {
    cards.retireCard(this.statements, id, modifiedAt);
  }

  setCardStatus(id: number, status: CardStatus, modifiedAt: number): void {
    cards.setCardStatus(this.statements, id, status, modifiedAt);
  }

  /** Live suggestions in note order (file, line), optionally of one deck or one note. */
  suggestions(filter: { deckIds?: readonly number[]; noteId?: number } = {}): Card[] {
    return cards.suggestions(this.statements, filter);
  }

  suggestionCount(deckIds?: readonly number[]): number {
    return cards.suggestionCount(this.statements, deckIds);
  }

  cardsOfNote(noteId: number): Card[] {
    return cards.cardsOfNote(this.statements, noteId);
  }

  liveCardCountOfNote(noteId: number): number {
    return cards.liveCardCountOfNote(this.statements, noteId);
  }

  /** Unburied new/review siblings of a card (same deck and note item). */
  siblingsToBury(card: Card, until: number): Array<{ id: number; buriedUntil: number }> {
    return cards.siblingsToBury(this.statements, card, until);
  }

  /** Cards matching a filter, for `engram cards`. Built here so the SQL stays in the store. */
  findCards(filter: { deckId?: number; search?: string; includeRetired?: boolean; limit?: number }): Card[] {
    return cards.findCards(this.statements, filter);
  }

  // the search language (search.ts)

  /** The cards a parsed query selects (one parameterised query), in the order asked, paged. */
  searchCards(tree: QueryNode, clock: SearchClock, scope: SearchScope = {}): Card[] {
    return searchCards(this.db, tree, clock, scope);
  }

  /** How many cards a parsed query selects (paging aside). */
  countCards(tree: QueryNode, clock: SearchClock, scope: SearchScope = {}): number {
    return countCards(this.db, tree, clock, scope);
  }

  // preview answers of custom study (tables/previews.ts)

  insertPreviewReview(cardId: number, grade: Grade, reviewedAt: number, durationMs: number | null): number {
    return previews.insertPreviewReview(this.statements, cardId, grade, reviewedAt, durationMs);
  }

  deletePreviewReview(id: number): boolean {
    return previews.deletePreviewReview(this.statements, id);
  }

  previewReviewsOfCard(cardId: number): PreviewReview[] {
    return previews.previewReviewsOfCard(this.statements, cardId);
  }

  // queue (tables/queue.ts)

  learningDue(before: number, now: number): Card[] {
    return queue.learningDue(this.statements, before, now);
  }

  reviewDue(deckId: number, before: number, now: number, limit: number): Card[] {
    return queue.reviewDue(this.statements, deckId, before, now, limit);
  }

  newCards(deckId: number, now: number, limit: number): Card[] {
    return queue.newCards(this.statements, deckId, now, limit);
  }

  reviewDueKeys(deckId: number, before: number, now: number, limit: number): CardKey[] {
    return queue.reviewDueKeys(this.statements, deckId, before, now, limit);
  }

  newCardKeys(deckId: number, now: number, limit: number): CardKey[] {
    return queue.newCardKeys(this.statements, deckId, now, limit);
  }

  /** One deck's counts for today, as reviewDueKeys and newCardKeys would give them, counted by SQLite. */
  deckTodayCounts(deckId: number, dayEnd: number, now: number, reviews: number, newFetch: number): DeckTodayCounts {
    return queue.deckToday(this.statements, deckId, dayEnd, now, reviews, newFetch);
  }

  /** Whole cards by id, in the order given. */
  cardsByIds(ids: readonly number[]): Card[] {
    return queue.cardsByIds(this.statements, ids);
  }

  learningDueTimes(before: number, now: number): Array<{ deckId: number; due: number }> {
    return queue.learningDueTimes(this.statements, before, now);
  }

  reviewDueCount(deckId: number, before: number, now: number): number {
    return queue.reviewDueCount(this.statements, deckId, before, now);
  }

  /** Earliest due time at or after `after` of a studied, active card. */
  nextDue(after: number): number | null {
    return queue.nextDue(this.statements, after);
  }

  /** Distinct cards answered since `since`, per deck, split by their state before the answer. */
  /** Distinct cards answered since a time per deck and state before; `joined`: through the cards' decks (the simple computation, for tests). */
  answeredSince(since: number, joined = false): Array<{ deckId: number; stateBefore: string; count: number }> {
    return queue.answeredSince(this.statements, since, joined);
  }

  // reviews (tables/reviews.ts)

  insertReview(review: NewReview): number {
    return reviews.insertReview(this.statements, review);
  }

  lastReview(): (Review & { before: string }) | null {
    return reviews.lastReview(this.statements);
  }

  reviewById(id: number): (Review & { before: string }) | null {
    return reviews.reviewById(this.statements, id);
  }

  deleteReview(id: number): void {
    reviews.deleteReview(this.statements, id);
  }

  reviewsOfCard(cardId: number): Review[] {
    return reviews.reviewsOfCard(this.statements, cardId);
  }

  // notes (tables/notes.ts)

  getNoteByPath(path: string): { id: number; path: string; contentHash: string } | null {
    return notes.getNoteByPath(this.statements, path);
  }

  insertNote(path: string, contentHash: string, importedAt: number, stat: NoteStat | null = null): number {
    return notes.insertNote(this.statements, path, contentHash, importedAt, stat);
  }

  updateNote(id: number, contentHash: string, importedAt: number, stat: NoteStat | null = null): void {
    notes.updateNote(this.statements, id, contentHash, importedAt, stat);
  }

  setNoteStat(id: number, contentHash: string, stat: NoteStat | null): void {
    notes.setNoteStat(this.statements, id, contentHash, stat);
  }

  knownNote(path: string): KnownNote | null {
    return notes.knownNote(this.statements, path);
  }

  knownNotes(): Map<string, KnownNote> {
    return notes.knownNotes(this.statements);
  }

  /** Every stored note by path without its live card count (liveCards is -1). */
  storedNotes(): Map<string, KnownNote> {
    return notes.storedNotes(this.statements);
  }

  /** The live cards of all notes together. */
  liveNoteCards(): number {
    return notes.liveNoteCards(this.statements);
  }

  /** Notes whose path starts with `dir` (a folder path ending in a separator). */
  notesUnder(dir: string): Array<{ id: number; path: string }> {
    return notes.notesUnder(this.statements, dir);
  }

  /** A note file was moved or renamed: its cards keep their history under the new path. */
  moveNote(id: number, path: string): void {
    notes.moveNote(this.statements, id, path);
  }

  // papers (tables/papers.ts)

  upsertPaper(paper: CitedPaper, merge: (stored: CitedPaper, cited: CitedPaper) => CitedPaper): number {
    return papers.upsertPaper(this.statements, paper, merge);
  }

  replaceCitationsOfNote(noteId: number, citations: Array<{ paperId: number; line: number; raw: string }>, fresh = false): void {
    papers.replaceCitationsOfNote(this.statements, noteId, citations, fresh);
  }

  replacePapersOfCard(cardId: number, paperIds: number[], fresh = false): void {
    papers.replacePapersOfCard(this.statements, cardId, paperIds, fresh);
  }

  /** Inserts or overwrites a paper declared in a papers note (the note is the authority on its facts). */
  declarePaper(paper: DeclaredPaper): number {
    return papers.declarePaper(this.statements, paper);
  }

  /** The papers a papers note declares, with what resolves citations to them (no counts: this runs on every import). */
  declaredPapers(): Array<{ id: number; key: string; title: string; slugs: string[]; aliases: string[]; declaredIn: string }> {
    return papers.declaredPapers(this.statements);
  }

  /** Forgets which papers a papers note declared, before it is read again (a paper removed from it is then no longer declared). */
  undeclarePapersOf(file: string): void {
    papers.undeclarePapersOf(this.statements, file);
  }

  /** Removes papers nothing cites, links or declares any more. */
  pruneUnusedPapers(): number {
    return papers.pruneUnusedPapers(this.statements);
  }

  listPapers(): StoredPaper[] {
    return papers.listPapers(this.statements);
  }

  // examples (tables/examples.ts)

  setExample(cardId: number, example: StoredExample | null): void {
    examples.setExample(this.statements, cardId, example);
  }

  /** The examples of a note's cards, by card id: an import compares them instead of rewriting every card. */
  examplesOfNote(noteId: number): Map<number, StoredExample> {
    return examples.examplesOfNote(this.statements, noteId);
  }

  // papers (tables/papers.ts)

  /** The papers linked to each of a note's cards (ids ascending), by card id. */
  paperIdsOfNote(noteId: number): Map<number, number[]> {
    return papers.paperIdsOfNote(this.statements, noteId);
  }

  // examples (tables/examples.ts)

  getExample(cardId: number): StoredExample | null {
    return examples.getExample(this.statements, cardId);
  }
}

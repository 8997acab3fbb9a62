/**
 * All SQL of Engram, as named prepared statements behind verb-first, table-scoped methods.
 * Synchronous (better-sqlite3). Statements are prepared on first use so opening the store
 * for one command costs only the statements that command runs.
 */
import type { Statement } from 'better-sqlite3';
import { siblingKeyOf, type Card, type CardSchedule, type CardStatus, type Deck, type Memory, type Review } from '../core/index.js';
import { BUSY_TIMEOUT_MS, openDatabase, type Db } from './open-store.js';
import { memoryToParams, rowToCard, rowToDeck, rowToReview, type CardRow, type DeckRow, type ReviewRow } from './rows.js';

const CARD_SELECT = `SELECT c.*, d.name AS deck_name, EXISTS (SELECT 1 FROM examples e WHERE e.card_id = c.id) AS has_example
  FROM cards c JOIN decks d ON d.id = c.deck_id`;

const SQL = {
  deckByName: `SELECT * FROM decks WHERE name = ?`,
  deckById: `SELECT * FROM decks WHERE id = ?`,
  allDecks: `SELECT * FROM decks ORDER BY name`,
  insertDeck: `INSERT INTO decks (name, options, created_at) VALUES (?, '{}', ?)`,
  setDeckOptions: `UPDATE decks SET options = ? WHERE id = ?`,
  // Suggestions (prose cards not yet accepted) are counted apart; rejected ones not at all.
  deckStats: `
    SELECT d.id, d.name,
      COALESCE(SUM(c.status = 'accepted'), 0) AS total,
      COALESCE(SUM(c.status = 'accepted' AND c.state = 'new' AND c.suspended = 0), 0) AS new,
      COALESCE(SUM(c.status = 'accepted' AND c.state IN ('learning','relearning') AND c.suspended = 0), 0) AS learning,
      COALESCE(SUM(c.status = 'accepted' AND c.suspended = 1), 0) AS suspended,
      COALESCE(SUM(c.status = 'accepted' AND c.kind = 'paper'), 0) AS quiz,
      COALESCE(SUM(c.status = 'suggested'), 0) AS suggestions
    FROM decks d LEFT JOIN cards c ON c.deck_id = d.id AND c.retired = 0
    GROUP BY d.id ORDER BY d.name`,

  cardById: `${CARD_SELECT} WHERE c.id = ?`,
  insertCard: `
    INSERT INTO cards (deck_id, note_id, kind, front, back, source_file, source_line, breadcrumb, item_key, tags,
      state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review,
      new_position, created_at, modified_at, status)
    VALUES (@deck_id, @note_id, @kind, @front, @back, @source_file, @source_line, @breadcrumb, @item_key, @tags,
      @state, @due, @stability, @difficulty, @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @last_review,
      (SELECT COALESCE(MAX(new_position), 0) + 1 FROM cards), @created_at, @created_at, @status)`,
  updateCardContent: `
    UPDATE cards SET deck_id = @deck_id, note_id = @note_id, kind = @kind, front = @front, back = @back,
      source_file = @source_file, source_line = @source_line, breadcrumb = @breadcrumb, item_key = @item_key,
      tags = @tags, retired = 0, modified_at = @modified_at
    WHERE id = @id`,
  updateCardMemory: `
    UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
      elapsed_days = @elapsed_days, scheduled_days = @scheduled_days, learning_steps = @learning_steps,
      reps = @reps, lapses = @lapses, last_review = @last_review, suspended = @suspended, tags = @tags,
      buried_until = @buried_until, seen_front = @seen_front, seen_back = @seen_back, modified_at = @modified_at
    WHERE id = @id`,
  setSuspended: `UPDATE cards SET suspended = ?, modified_at = ? WHERE id = ?`,
  setBuriedUntil: `UPDATE cards SET buried_until = ?, modified_at = ? WHERE id = ?`,
  retireCard: `UPDATE cards SET retired = 1, modified_at = ? WHERE id = ?`,
  setCardStatus: `UPDATE cards SET status = ?, modified_at = ? WHERE id = ?`,
  suggestions: `
    ${CARD_SELECT} WHERE c.status = 'suggested' AND c.retired = 0 AND (@deck IS NULL OR c.deck_id = @deck)
      AND (@note IS NULL OR c.note_id = @note)
    ORDER BY c.source_file, c.source_line, c.id`,
  suggestionCount: `SELECT COUNT(*) AS n FROM cards WHERE status = 'suggested' AND retired = 0 AND (@deck IS NULL OR deck_id = @deck)`,
  cardsOfNote: `${CARD_SELECT} WHERE c.note_id = ? ORDER BY c.id`,
  liveCardCountOfNote: `SELECT COUNT(*) AS n FROM cards WHERE note_id = ? AND retired = 0`,
  siblingIds: `
    SELECT id, buried_until FROM cards
    WHERE deck_id = ? AND (item_key = ? OR item_key GLOB ?) AND id != ? AND retired = 0 AND suspended = 0
      AND state IN ('new', 'review') AND buried_until < ? AND status = 'accepted'`,

  // Paper quiz cards (kind 'paper') are asked only by `engram quiz papers`: the review queue skips them.
  // Suggestions and rejected prose cards (status other than 'accepted') are never in the queue.
  learningDue: `
    ${CARD_SELECT} WHERE c.state IN ('learning','relearning') AND c.retired = 0 AND c.suspended = 0
      AND c.due < ? AND c.buried_until <= ? AND c.kind != 'paper' AND c.status = 'accepted' ORDER BY c.due, c.id`,
  reviewDue: `
    ${CARD_SELECT} WHERE c.deck_id = ? AND c.state = 'review' AND c.retired = 0 AND c.suspended = 0
      AND c.due < ? AND c.buried_until <= ? AND c.kind != 'paper' AND c.status = 'accepted' ORDER BY c.due, c.id LIMIT ?`,
  newCards: `
    ${CARD_SELECT} WHERE c.deck_id = ? AND c.state = 'new' AND c.retired = 0 AND c.suspended = 0
      AND c.buried_until <= ? AND c.kind != 'paper' AND c.status = 'accepted' ORDER BY c.new_position LIMIT ?`,
  reviewDueCount: `
    SELECT COUNT(*) AS n FROM cards WHERE deck_id = ? AND state = 'review' AND retired = 0 AND suspended = 0
      AND due < ? AND buried_until <= ? AND kind != 'paper' AND status = 'accepted'`,
  nextDue: `
    SELECT MIN(due) AS due FROM cards WHERE state != 'new' AND retired = 0 AND suspended = 0 AND due >= ? AND kind != 'paper' AND status = 'accepted'`,
  answeredToday: `
    SELECT c.deck_id, r.state_before, COUNT(DISTINCT r.card_id) AS n FROM reviews r JOIN cards c ON c.id = r.card_id
    WHERE r.reviewed_at >= ? GROUP BY c.deck_id, r.state_before`,

  insertReview: `
    INSERT INTO reviews (card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, state_after, before)
    VALUES (@card_id, @grade, @reviewed_at, @elapsed_days, @duration_ms, @state_before, @state_after, @before)`,
  lastReview: `SELECT * FROM reviews ORDER BY id DESC LIMIT 1`,
  deleteReview: `DELETE FROM reviews WHERE id = ?`,
  reviewsOfCard: `SELECT * FROM reviews WHERE card_id = ? ORDER BY reviewed_at, id`,

  noteByPath: `SELECT * FROM notes WHERE path = ?`,
  insertNote: `INSERT INTO notes (path, content_hash, imported_at) VALUES (?, ?, ?)`,
  updateNote: `UPDATE notes SET content_hash = ?, imported_at = ? WHERE id = ?`,
  notesUnder: `SELECT id, path FROM notes WHERE path LIKE ? ESCAPE '\\' ORDER BY path`,
  moveNote: `UPDATE notes SET path = ? WHERE id = ?`,

  paperByKey: `SELECT * FROM papers WHERE key = ?`,
  insertPaper: `INSERT INTO papers (key, title, authors, venue, year, slugs) VALUES (@key, @title, @authors, @venue, @year, @slugs)`,
  updatePaper: `UPDATE papers SET title = @title, authors = @authors, venue = @venue, year = @year, slugs = @slugs WHERE id = @id`,
  declarePaper: `
    INSERT INTO papers (key, title, authors, venue, year, slugs, first_author, idea, topic, aliases, declared_in)
    VALUES (@key, @title, @authors, @venue, @year, @slugs, @first_author, @idea, @topic, @aliases, @declared_in)
    ON CONFLICT (key) DO UPDATE SET title = excluded.title, authors = excluded.authors, venue = excluded.venue,
      year = excluded.year, slugs = excluded.slugs, first_author = excluded.first_author, idea = excluded.idea,
      topic = excluded.topic, aliases = excluded.aliases, declared_in = excluded.declared_in
    RETURNING id`,
  declaredPapers: `SELECT id, key, title, slugs, aliases, declared_in FROM papers WHERE declared_in IS NOT NULL`,
  undeclarePapersOf: `UPDATE papers SET declared_in = NULL WHERE declared_in LIKE ? ESCAPE '\\'`,
  pruneUnusedPapers: `
    DELETE FROM papers WHERE declared_in IS NULL
      AND NOT EXISTS (SELECT 1 FROM paper_citations pc WHERE pc.paper_id = papers.id)
      AND NOT EXISTS (SELECT 1 FROM card_papers cp JOIN cards c ON c.id = cp.card_id WHERE cp.paper_id = papers.id AND c.retired = 0)`,
  deleteCitationsOfNote: `DELETE FROM paper_citations WHERE note_id = ?`,
  insertCitation: `INSERT OR IGNORE INTO paper_citations (paper_id, note_id, line, raw) VALUES (?, ?, ?, ?)`,
  deleteCardPapers: `DELETE FROM card_papers WHERE card_id = ?`,
  insertCardPaper: `INSERT OR IGNORE INTO card_papers (card_id, paper_id) VALUES (?, ?)`,
  allPapers: `
    SELECT p.*, (SELECT COUNT(*) FROM paper_citations pc WHERE pc.paper_id = p.id) AS citations,
      (SELECT COUNT(*) FROM card_papers cp JOIN cards c ON c.id = cp.card_id WHERE cp.paper_id = p.id AND c.retired = 0) AS cards
    FROM papers p ORDER BY p.title`,

  setExample: `INSERT OR REPLACE INTO examples (card_id, lang, code, line, path) VALUES (?, ?, ?, ?, ?)`,
  deleteExample: `DELETE FROM examples WHERE card_id = ?`,
  exampleOfCard: `SELECT * FROM examples WHERE card_id = ?`,
  examplesOfNote: `SELECT e.* FROM examples e JOIN cards c ON c.id = e.card_id WHERE c.note_id = ?`,
  paperLinksOfNote: `SELECT cp.card_id, cp.paper_id FROM card_papers cp JOIN cards c ON c.id = cp.card_id WHERE c.note_id = ? ORDER BY cp.card_id, cp.paper_id`,
} as const;

type StatementName = keyof typeof SQL;

/** How long a long writer pauses between its transactions: several of a waiting writer's 1 ms tries. */
const WRITER_YIELD_MS = 5;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** What import and `add` write about a card's content: the Card fields that come from the note. */
export type CardContent = Pick<Card, 'deckId' | 'noteId' | 'kind' | 'front' | 'back' | 'source' | 'breadcrumb' | 'itemKey' | 'tags'>;

export interface NewCard extends CardContent {
  memory: Memory;
  createdAt: number;
  /** Default 'accepted': only prose cards start as suggestions. */
  status?: CardStatus;
}

/** The name the store's callers knew before the schedule became core's type. */
export type CardScheduleUpdate = CardSchedule;

export interface DeckStats {
  id: number;
  name: string;
  total: number;
  new: number;
  learning: number;
  suspended: number;
  /** Paper quiz cards: asked by `engram quiz papers`, never by the review. */
  quiz: number;
  /** Prose cards waiting for the user's decision (not in total or any other count). */
  suggestions: number;
}

export interface NewReview {
  cardId: number;
  grade: string;
  reviewedAt: number;
  elapsedDays: number;
  durationMs: number | null;
  stateBefore: string;
  stateAfter: string;
  /** JSON snapshot that undo restores. */
  before: string;
}

export interface StoredPaper {
  id: number;
  key: string;
  title: string;
  authors: string[];
  venue: string | null;
  year: number | null;
  slugs: string[];
  /** From a papers note: the first author, the one idea the paper contributes, its topic (e.g. the challenge). */
  firstAuthor: string | null;
  idea: string | null;
  topic: string | null;
  aliases: string[];
  /** `file:line` of the papers-note entry that declared it; null when only cited in prose. */
  declaredIn: string | null;
  citations: number;
  cards: number;
}

/** What a papers note says about one paper; it overrides what prose citations guessed. */
export interface DeclaredPaper {
  key: string;
  title: string;
  authors: string[];
  firstAuthor: string | null;
  venue: string | null;
  year: number | null;
  slugs: string[];
  aliases: string[];
  idea: string | null;
  topic: string | null;
  declaredIn: string;
}

export interface StoredExample {
  lang: 'ts' | 'js';
  code: string;
  line: number;
  /** Deck-relative path of the example file, when the card points to one (null for an inline fence). */
  path?: string | null;
}

export class Store {
  readonly db: Db;
  readonly path: string;
  readonly backupPath: string | null;
  /** The database file cannot be written (read-only file, folder or mount): reads work, writes fail with SQLITE_READONLY. */
  readonly readOnly: boolean;
  private readonly statements = new Map<StatementName, Statement>();

  private constructor(db: Db, path: string, backupPath: string | null, readOnly: boolean) {
    this.db = db;
    this.path = path;
    this.backupPath = backupPath;
    this.readOnly = readOnly;
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

  /** Runs `fn` in one read transaction: every query in it sees the same moment, even while another process writes (WAL). */
  readTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  private stmt(name: StatementName): Statement {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.db.prepare(SQL[name]);
      this.statements.set(name, statement);
    }
    return statement;
  }

  // decks

  getDeckByName(name: string): (Deck & { optionsJson: string }) | null {
    const row = this.stmt('deckByName').get(name) as DeckRow | undefined;
    return row ? { ...rowToDeck(row), optionsJson: row.options } : null;
  }

  getDeck(id: number): (Deck & { optionsJson: string }) | null {
    const row = this.stmt('deckById').get(id) as DeckRow | undefined;
    return row ? { ...rowToDeck(row), optionsJson: row.options } : null;
  }

  listDecks(): Array<Deck & { optionsJson: string }> {
    return (this.stmt('allDecks').all() as DeckRow[]).map((row) => ({ ...rowToDeck(row), optionsJson: row.options }));
  }

  insertDeck(name: string, createdAt: number): number {
    return Number(this.stmt('insertDeck').run(name, createdAt).lastInsertRowid);
  }

  setDeckOptions(id: number, optionsJson: string): void {
    this.stmt('setDeckOptions').run(optionsJson, id);
  }

  deckStats(): DeckStats[] {
    return this.stmt('deckStats').all() as DeckStats[];
  }

  // cards

  getCard(id: number): Card | null {
    const row = this.stmt('cardById').get(id) as CardRow | undefined;
    return row ? rowToCard(row) : null;
  }

  insertCard(card: NewCard): number {
    const result = this.stmt('insertCard').run({
      ...contentParams(card),
      ...memoryToParams(card.memory),
      created_at: card.createdAt,
      status: card.status ?? 'accepted',
    });
    return Number(result.lastInsertRowid);
  }

  updateCardContent(id: number, content: CardContent, modifiedAt: number): void {
    this.stmt('updateCardContent').run({ ...contentParams(content), id, modified_at: modifiedAt });
  }

  updateCardSchedule(id: number, update: CardSchedule, modifiedAt: number): void {
    this.stmt('updateCardMemory').run({
      ...memoryToParams(update.memory),
      id,
      suspended: update.suspended ? 1 : 0,
      tags: JSON.stringify(update.tags),
      buried_until: update.buriedUntil,
      seen_front: update.seenFront,
      seen_back: update.seenBack,
      modified_at: modifiedAt,
    });
  }

  setSuspended(id: number, suspended: boolean, modifiedAt: number): void {
    this.stmt('setSuspended').run(suspended ? 1 : 0, modifiedAt, id);
  }

  setBuriedUntil(id: number, until: number, modifiedAt: number): void {
    this.stmt('setBuriedUntil').run(until, modifiedAt, id);
  }

  retireCard(id: number, modifiedAt: number): void {
    this.stmt('retireCard').run(modifiedAt, id);
  }

  setCardStatus(id: number, status: CardStatus, modifiedAt: number): void {
    this.stmt('setCardStatus').run(status, modifiedAt, id);
  }

  /** Live suggestions in note order (file, line), optionally of one deck or one note. */
  suggestions(filter: { deckId?: number; noteId?: number } = {}): Card[] {
    const rows = this.stmt('suggestions').all({ deck: filter.deckId ?? null, note: filter.noteId ?? null }) as CardRow[];
    return rows.map(rowToCard);
  }

  suggestionCount(deckId?: number): number {
    return (this.stmt('suggestionCount').get({ deck: deckId ?? null }) as { n: number }).n;
  }

  cardsOfNote(noteId: number): Card[] {
    return (this.stmt('cardsOfNote').all(noteId) as CardRow[]).map(rowToCard);
  }

  liveCardCountOfNote(noteId: number): number {
    return (this.stmt('liveCardCountOfNote').get(noteId) as { n: number }).n;
  }

  /** Unburied new/review siblings of a card (same deck and note item). */
  siblingsToBury(card: Card, until: number): Array<{ id: number; buriedUntil: number }> {
    const group = siblingKeyOf(card.itemKey);
    // An Anki card's siblings share its note id: `anki:<nid>:*`; other keys match exactly.
    const pattern = group === card.itemKey ? '' : `${group}:*`;
    const rows = this.stmt('siblingIds').all(card.deckId, card.itemKey, pattern, card.id, until) as Array<{ id: number; buried_until: number }>;
    return rows.map((r) => ({ id: r.id, buriedUntil: r.buried_until }));
  }

  /** Cards matching a filter, for `engram cards`. Built here so the SQL stays in the store. */
  findCards(filter: { deckId?: number; search?: string; includeRetired?: boolean; limit?: number }): Card[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!filter.includeRetired) where.push("c.retired = 0 AND c.status != 'rejected'");
    if (filter.deckId !== undefined) {
      where.push('c.deck_id = ?');
      params.push(filter.deckId);
    }
    if (filter.search) {
      where.push(`(c.front LIKE ? ESCAPE '\\' OR c.back LIKE ? ESCAPE '\\')`);
      const like = `%${filter.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      params.push(like, like);
    }
    const sql = `${CARD_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id${filter.limit ? ` LIMIT ${Math.floor(filter.limit)}` : ''}`;
    return (this.db.prepare(sql).all(...params) as CardRow[]).map(rowToCard);
  }

  // queue

  learningDue(before: number, now: number): Card[] {
    return (this.stmt('learningDue').all(before, now) as CardRow[]).map(rowToCard);
  }

  reviewDue(deckId: number, before: number, now: number, limit: number): Card[] {
    if (limit <= 0) return [];
    return (this.stmt('reviewDue').all(deckId, before, now, limit) as CardRow[]).map(rowToCard);
  }

  newCards(deckId: number, now: number, limit: number): Card[] {
    if (limit <= 0) return [];
    return (this.stmt('newCards').all(deckId, now, limit) as CardRow[]).map(rowToCard);
  }

  reviewDueCount(deckId: number, before: number, now: number): number {
    return (this.stmt('reviewDueCount').get(deckId, before, now) as { n: number }).n;
  }

  /** Earliest due time at or after `after` of a studied, active card. */
  nextDue(after: number): number | null {
    return (this.stmt('nextDue').get(after) as { due: number | null }).due;
  }

  /** Distinct cards answered since `since`, per deck, split by their state before the answer. */
  answeredSince(since: number): Array<{ deckId: number; stateBefore: string; count: number }> {
    const rows = this.stmt('answeredToday').all(since) as Array<{ deck_id: number; state_before: string; n: number }>;
    return rows.map((r) => ({ deckId: r.deck_id, stateBefore: r.state_before, count: r.n }));
  }

  // reviews

  insertReview(review: NewReview): number {
    const result = this.stmt('insertReview').run({
      card_id: review.cardId,
      grade: review.grade,
      reviewed_at: review.reviewedAt,
      elapsed_days: review.elapsedDays,
      duration_ms: review.durationMs,
      state_before: review.stateBefore,
      state_after: review.stateAfter,
      before: review.before,
    });
    return Number(result.lastInsertRowid);
  }

  lastReview(): (Review & { before: string }) | null {
    const row = this.stmt('lastReview').get() as ReviewRow | undefined;
    return row ? { ...rowToReview(row), before: row.before } : null;
  }

  deleteReview(id: number): void {
    this.stmt('deleteReview').run(id);
  }

  reviewsOfCard(cardId: number): Review[] {
    return (this.stmt('reviewsOfCard').all(cardId) as ReviewRow[]).map(rowToReview);
  }

  // notes

  getNoteByPath(path: string): { id: number; path: string; contentHash: string } | null {
    const row = this.stmt('noteByPath').get(path) as { id: number; path: string; content_hash: string } | undefined;
    return row ? { id: row.id, path: row.path, contentHash: row.content_hash } : null;
  }

  insertNote(path: string, contentHash: string, importedAt: number): number {
    return Number(this.stmt('insertNote').run(path, contentHash, importedAt).lastInsertRowid);
  }

  updateNote(id: number, contentHash: string, importedAt: number): void {
    this.stmt('updateNote').run(contentHash, importedAt, id);
  }

  /** Notes whose path starts with `dir` (a folder path ending in a separator). */
  notesUnder(dir: string): Array<{ id: number; path: string }> {
    return this.stmt('notesUnder').all(`${dir.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as Array<{ id: number; path: string }>;
  }

  /** A note file was moved or renamed: its cards keep their history under the new path. */
  moveNote(id: number, path: string): void {
    this.stmt('moveNote').run(path, id);
  }

  // papers

  upsertPaper(paper: { key: string; title: string; authors: string[]; venue: string | null; year: number | null; slugs: string[] }): number {
    const existing = this.stmt('paperByKey').get(paper.key) as { id: number; title: string; authors: string; venue: string | null; year: number | null; slugs: string } | undefined;
    if (!existing) {
      return Number(this.stmt('insertPaper').run({
        key: paper.key, title: paper.title, authors: JSON.stringify(paper.authors),
        venue: paper.venue, year: paper.year, slugs: JSON.stringify(paper.slugs),
      }).lastInsertRowid);
    }
    const authors = union(JSON.parse(existing.authors) as string[], paper.authors);
    const slugs = union(JSON.parse(existing.slugs) as string[], paper.slugs);
    this.stmt('updatePaper').run({
      id: existing.id,
      title: paper.title.length >= existing.title.length ? paper.title : existing.title,
      authors: JSON.stringify(authors),
      venue: existing.venue ?? paper.venue,
      year: existing.year ?? paper.year,
      slugs: JSON.stringify(slugs),
    });
    return existing.id;
  }

  replaceCitationsOfNote(noteId: number, citations: Array<{ paperId: number; line: number; raw: string }>): void {
    this.stmt('deleteCitationsOfNote').run(noteId);
    for (const c of citations) this.stmt('insertCitation').run(c.paperId, noteId, c.line, c.raw);
  }

  replacePapersOfCard(cardId: number, paperIds: number[]): void {
    this.stmt('deleteCardPapers').run(cardId);
    for (const id of paperIds) this.stmt('insertCardPaper').run(cardId, id);
  }

  /** Inserts or overwrites a paper declared in a papers note (the note is the authority on its facts). */
  declarePaper(paper: DeclaredPaper): number {
    const row = this.stmt('declarePaper').get({
      key: paper.key, title: paper.title, authors: JSON.stringify(paper.authors), venue: paper.venue, year: paper.year,
      slugs: JSON.stringify(paper.slugs), first_author: paper.firstAuthor, idea: paper.idea, topic: paper.topic,
      aliases: JSON.stringify(paper.aliases), declared_in: paper.declaredIn,
    }) as { id: number };
    return row.id;
  }

  /** The papers a papers note declares, with what resolves citations to them (no counts: this runs on every import). */
  declaredPapers(): Array<{ id: number; key: string; title: string; slugs: string[]; aliases: string[]; declaredIn: string }> {
    const rows = this.stmt('declaredPapers').all() as Array<{ id: number; key: string; title: string; slugs: string; aliases: string; declared_in: string }>;
    return rows.map((r) => ({
      id: r.id, key: r.key, title: r.title, slugs: JSON.parse(r.slugs) as string[], aliases: JSON.parse(r.aliases) as string[], declaredIn: r.declared_in,
    }));
  }

  /** Forgets which papers a papers note declared, before it is read again (a paper removed from it is then no longer declared). */
  undeclarePapersOf(file: string): void {
    this.stmt('undeclarePapersOf').run(`${file.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`);
  }

  /** Removes papers nothing cites, links or declares any more. */
  pruneUnusedPapers(): number {
    return this.stmt('pruneUnusedPapers').run().changes;
  }

  listPapers(): StoredPaper[] {
    const rows = this.stmt('allPapers').all() as Array<{
      id: number; key: string; title: string; authors: string; venue: string | null; year: number | null; slugs: string;
      first_author: string | null; idea: string | null; topic: string | null; aliases: string; declared_in: string | null;
      citations: number; cards: number;
    }>;
    return rows.map((r) => ({
      id: r.id, key: r.key, title: r.title, authors: JSON.parse(r.authors) as string[], venue: r.venue, year: r.year,
      slugs: JSON.parse(r.slugs) as string[], firstAuthor: r.first_author, idea: r.idea, topic: r.topic,
      aliases: JSON.parse(r.aliases) as string[], declaredIn: r.declared_in, citations: r.citations, cards: r.cards,
    }));
  }

  // examples

  setExample(cardId: number, example: StoredExample | null): void {
    if (example) this.stmt('setExample').run(cardId, example.lang, example.code, example.line, example.path ?? null);
    else this.stmt('deleteExample').run(cardId);
  }

  /** The examples of a note's cards, by card id: an import compares them instead of rewriting every card. */
  examplesOfNote(noteId: number): Map<number, StoredExample> {
    const rows = this.stmt('examplesOfNote').all(noteId) as Array<{ card_id: number; lang: 'ts' | 'js'; code: string; line: number; path: string | null }>;
    return new Map(rows.map((r) => [r.card_id, { lang: r.lang, code: r.code, line: r.line, path: r.path }]));
  }

  /** The papers linked to each of a note's cards (ids ascending), by card id. */
  paperIdsOfNote(noteId: number): Map<number, number[]> {
    const links = new Map<number, number[]>();
    for (const r of this.stmt('paperLinksOfNote').all(noteId) as Array<{ card_id: number; paper_id: number }>) {
      const ids = links.get(r.card_id);
      if (ids) ids.push(r.paper_id);
      else links.set(r.card_id, [r.paper_id]);
    }
    return links;
  }

  getExample(cardId: number): StoredExample | null {
    const row = this.stmt('exampleOfCard').get(cardId) as { lang: 'ts' | 'js'; code: string; line: number; path: string | null } | undefined;
    return row ? { lang: row.lang, code: row.code, line: row.line, path: row.path } : null;
  }
}

function contentParams(card: CardContent) {
  return {
    deck_id: card.deckId,
    note_id: card.noteId,
    kind: card.kind,
    front: card.front,
    back: card.back,
    source_file: card.source?.file ?? null,
    source_line: card.source?.line ?? null,
    breadcrumb: JSON.stringify(card.breadcrumb),
    item_key: card.itemKey,
    tags: JSON.stringify(card.tags),
  };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * SQL for export, restore and Anki import: whole-table reads with every column (the store's
 * usual statements leave out what the review screen does not need) and inserts that write a
 * card exactly as it was, schedule and flags included.
 */
import type { Statement } from 'better-sqlite3';
import type { Store } from './store.js';

const SQL = {
  decks: `SELECT id, name, options, created_at FROM decks ORDER BY name`,
  notes: `SELECT id, path, content_hash, imported_at FROM notes ORDER BY path`,
  cards: `SELECT c.*, d.name AS deck_name, n.path AS note_path FROM cards c JOIN decks d ON d.id = c.deck_id
    LEFT JOIN notes n ON n.id = c.note_id ORDER BY c.id`,
  reviews: `SELECT * FROM reviews ORDER BY reviewed_at, id`,
  papers: `SELECT * FROM papers ORDER BY key`,
  citations: `SELECT pc.paper_id, n.path AS note_path, pc.line, pc.raw FROM paper_citations pc
    JOIN notes n ON n.id = pc.note_id ORDER BY n.path, pc.line`,
  cardPapers: `SELECT cp.card_id, p.key FROM card_papers cp JOIN papers p ON p.id = cp.paper_id ORDER BY p.key`,
  examples: `SELECT card_id, lang, code, line, path FROM examples`,
  counts: `SELECT (SELECT COUNT(*) FROM cards) AS cards, (SELECT COUNT(*) FROM decks) AS decks`,
  cardIdsByItemKeyPrefix: `SELECT id, item_key FROM cards WHERE substr(item_key, 1, length(?)) = ? ORDER BY id DESC`,

  insertDeck: `INSERT INTO decks (name, options, created_at) VALUES (?, ?, ?)`,
  insertNote: `INSERT INTO notes (path, content_hash, imported_at) VALUES (?, ?, ?)`,
  insertCard: `
    INSERT INTO cards (deck_id, note_id, kind, front, back, source_file, source_line, breadcrumb, item_key, tags,
      state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review,
      suspended, buried_until, retired, new_position, created_at, modified_at, seen_front, seen_back, status, flag, tag_edits, type_in)
    VALUES (@deck_id, @note_id, @kind, @front, @back, @source_file, @source_line, @breadcrumb, @item_key, @tags,
      @state, @due, @stability, @difficulty, @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @last_review,
      @suspended, @buried_until, @retired, @new_position, @created_at, @modified_at, @seen_front, @seen_back, @status,
      @flag, @tag_edits, @type_in)`,
  nextNewPosition: `SELECT COALESCE(MAX(new_position), 0) + 1 AS n FROM cards`,
  insertPaper: `
    INSERT INTO papers (key, title, authors, venue, year, slugs, first_author, idea, topic, aliases, declared_in)
    VALUES (@key, @title, @authors, @venue, @year, @slugs, @first_author, @idea, @topic, @aliases, @declared_in)`,
  insertCitation: `INSERT OR IGNORE INTO paper_citations (paper_id, note_id, line, raw) VALUES (?, ?, ?, ?)`,
} as const;

export interface DeckRecordRow { id: number; name: string; options: string; created_at: number }
export interface NoteRecordRow { id: number; path: string; content_hash: string; imported_at: number }
export interface CardRecordRow {
  id: number; deck_id: number; deck_name: string; note_id: number | null; note_path: string | null; kind: string;
  front: string; back: string; source_file: string | null; source_line: number | null; breadcrumb: string;
  item_key: string; tags: string; state: string; due: number; stability: number; difficulty: number;
  elapsed_days: number; scheduled_days: number; learning_steps: number; reps: number; lapses: number;
  last_review: number | null; suspended: number; buried_until: number; retired: number; new_position: number;
  created_at: number; modified_at: number; seen_front: string | null; seen_back: string | null; status: string;
  flag: number; tag_edits: string; type_in: number;
}
export interface ReviewRecordRow {
  id: number; card_id: number; grade: string; reviewed_at: number; elapsed_days: number; duration_ms: number | null;
  state_before: string; state_after: string; before: string;
}
export interface PaperRecordRow {
  id: number; key: string; title: string; authors: string; venue: string | null; year: number | null; slugs: string;
  first_author: string | null; idea: string | null; topic: string | null; aliases: string; declared_in: string | null;
}
export type NewCardRecord = Omit<CardRecordRow, 'id' | 'deck_name' | 'note_path' | 'new_position' | 'flag' | 'tag_edits' | 'type_in'>
  & { new_position: number | null; flag?: number; tag_edits?: string; type_in?: number };
export type NewPaperRecord = Omit<PaperRecordRow, 'id'>;

type Name = keyof typeof SQL;

/** Table-wide reads and exact inserts over one open Store. */
export class InteropStore {
  private readonly statements = new Map<Name, Statement>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  private stmt(name: Name): Statement {
    let statement = this.statements.get(name);
    if (!statement) {
      statement = this.store.db.prepare(SQL[name]);
      this.statements.set(name, statement);
    }
    return statement;
  }

  decks(): DeckRecordRow[] { return this.stmt('decks').all() as DeckRecordRow[]; }
  notes(): NoteRecordRow[] { return this.stmt('notes').all() as NoteRecordRow[]; }
  cards(): CardRecordRow[] { return this.stmt('cards').all() as CardRecordRow[]; }
  reviews(): ReviewRecordRow[] { return this.stmt('reviews').all() as ReviewRecordRow[]; }
  papers(): PaperRecordRow[] { return this.stmt('papers').all() as PaperRecordRow[]; }
  citations(): Array<{ paper_id: number; note_path: string; line: number; raw: string }> {
    return this.stmt('citations').all() as Array<{ paper_id: number; note_path: string; line: number; raw: string }>;
  }
  cardPapers(): Array<{ card_id: number; key: string }> {
    return this.stmt('cardPapers').all() as Array<{ card_id: number; key: string }>;
  }
  examples(): Array<{ card_id: number; lang: string; code: string; line: number; path: string | null }> {
    return this.stmt('examples').all() as Array<{ card_id: number; lang: string; code: string; line: number; path: string | null }>;
  }
  counts(): { cards: number; decks: number } { return this.stmt('counts').get() as { cards: number; decks: number }; }

  /** Card ids by item key, for keys starting with `prefix` (one scan, not one per card); the oldest card wins. */
  cardIdsByItemKeyPrefix(prefix: string): Map<string, number> {
    const rows = this.stmt('cardIdsByItemKeyPrefix').all(prefix, prefix) as Array<{ id: number; item_key: string }>;
    return new Map(rows.map((r) => [r.item_key, r.id]));
  }

  insertDeck(name: string, optionsJson: string, createdAt: number): number {
    return Number(this.stmt('insertDeck').run(name, optionsJson, createdAt).lastInsertRowid);
  }

  insertNote(path: string, contentHash: string, importedAt: number): number {
    return Number(this.stmt('insertNote').run(path, contentHash, importedAt).lastInsertRowid);
  }

  /** Inserts a card with every column given; a null position takes the next free one. */
  insertCard(card: NewCardRecord): number {
    const position = card.new_position ?? (this.stmt('nextNewPosition').get() as { n: number }).n;
    const id = Number(this.stmt('insertCard').run({
      flag: 0, tag_edits: '{"add":[],"remove":[]}', type_in: 0, ...card, new_position: position,
    }).lastInsertRowid);
    this.store.indexInsertedCard(id);
    return id;
  }

  insertPaper(paper: NewPaperRecord): number {
    return Number(this.stmt('insertPaper').run(paper).lastInsertRowid);
  }

  insertCitation(paperId: number, noteId: number, line: number, raw: string): void {
    this.stmt('insertCitation').run(paperId, noteId, line, raw);
  }
}

/** Papers, their citations in notes and their links to cards. */
import type { PaperFacts } from '../../core/index.js';
import type { Prepared } from '../statements.js';

export interface StoredPaper extends PaperFacts {
  id: number;
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
export interface DeclaredPaper extends PaperFacts {
  firstAuthor: string | null;
  aliases: string[];
  idea: string | null;
  topic: string | null;
  declaredIn: string;
}

/** The table's named statements; the store prepares each on first use. */
export const PAPERS_SQL = {
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
  paperLinksOfNote: `SELECT cp.card_id, cp.paper_id FROM card_papers cp JOIN cards c ON c.id = cp.card_id WHERE c.note_id = ? ORDER BY cp.card_id, cp.paper_id`,
} as const;

type Statements = Prepared<keyof typeof PAPERS_SQL>;

/** A paper as prose citations describe it (no papers-note facts). */
export type CitedPaper = PaperFacts;

/**
 * Inserts a cited paper, or updates the one stored under its key with what `merge` keeps of
 * both: the policy is the caller's (src/papers), the store only reads and writes.
 */
export function upsertPaper(s: Statements, paper: CitedPaper, merge: (stored: CitedPaper, cited: CitedPaper) => CitedPaper): number {
  const existing = s.stmt('paperByKey').get(paper.key) as { id: number; title: string; authors: string; venue: string | null; year: number | null; slugs: string } | undefined;
  if (!existing) {
    return Number(s.stmt('insertPaper').run({
      key: paper.key, title: paper.title, authors: JSON.stringify(paper.authors),
      venue: paper.venue, year: paper.year, slugs: JSON.stringify(paper.slugs),
    }).lastInsertRowid);
  }
  const stored: CitedPaper = {
    key: paper.key, title: existing.title, authors: JSON.parse(existing.authors) as string[],
    venue: existing.venue, year: existing.year, slugs: JSON.parse(existing.slugs) as string[],
  };
  const merged = merge(stored, paper);
  s.stmt('updatePaper').run({
    id: existing.id,
    title: merged.title,
    authors: JSON.stringify(merged.authors),
    venue: merged.venue,
    year: merged.year,
    slugs: JSON.stringify(merged.slugs),
  });
  return existing.id;
}

/** `fresh`: the note was just inserted, so it has no citations to delete. */
export function replaceCitationsOfNote(s: Statements, noteId: number, citations: Array<{ paperId: number; line: number; raw: string }>, fresh = false): void {
  if (!fresh) s.stmt('deleteCitationsOfNote').run(noteId);
  if (citations.length === 0) return;
  const insert = s.stmt('insertCitation');
  for (const c of citations) insert.run(c.paperId, noteId, c.line, c.raw);
}

/** `fresh`: the card was just inserted, so it has no links to delete. */
export function replacePapersOfCard(s: Statements, cardId: number, paperIds: number[], fresh = false): void {
  if (!fresh) s.stmt('deleteCardPapers').run(cardId);
  if (paperIds.length === 0) return;
  const insert = s.stmt('insertCardPaper');
  for (const id of paperIds) insert.run(cardId, id);
}

/** Inserts or overwrites a paper declared in a papers note (the note is the authority on its facts). */
export function declarePaper(s: Statements, paper: DeclaredPaper): number {
  const row = s.stmt('declarePaper').get({
    key: paper.key, title: paper.title, authors: JSON.stringify(paper.authors), venue: paper.venue, year: paper.year,
    slugs: JSON.stringify(paper.slugs), first_author: paper.firstAuthor, idea: paper.idea, topic: paper.topic,
    aliases: JSON.stringify(paper.aliases), declared_in: paper.declaredIn,
  }) as { id: number };
  return row.id;
}

/** The papers a papers note declares, with what resolves citations to them (no counts: this runs on every import). */
export function declaredPapers(s: Statements): Array<{ id: number; key: string; title: string; slugs: string[]; aliases: string[]; declaredIn: string }> {
  const rows = s.stmt('declaredPapers').all() as Array<{ id: number; key: string; title: string; slugs: string; aliases: string; declared_in: string }>;
  return rows.map((r) => ({
    id: r.id, key: r.key, title: r.title, slugs: JSON.parse(r.slugs) as string[], aliases: JSON.parse(r.aliases) as string[], declaredIn: r.declared_in,
  }));
}

/** Forgets which papers a papers note declared, before it is read again (a paper removed from it is then no longer declared). */
export function undeclarePapersOf(s: Statements, file: string): void {
  s.stmt('undeclarePapersOf').run(`${file.replace(/[\\%_]/g, (c) => `\\${c}`)}:%`);
}

/** Removes papers nothing cites, links or declares any more. */
export function pruneUnusedPapers(s: Statements): number {
  return s.stmt('pruneUnusedPapers').run().changes;
}

export function listPapers(s: Statements): StoredPaper[] {
  const rows = s.stmt('allPapers').all() as Array<{
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

/** The papers linked to each of a note's cards (ids ascending), by card id. */
export function paperIdsOfNote(s: Statements, noteId: number): Map<number, number[]> {
  const links = new Map<number, number[]>();
  for (const r of s.stmt('paperLinksOfNote').all(noteId) as Array<{ card_id: number; paper_id: number }>) {
    const ids = links.get(r.card_id);
    if (ids) ids.push(r.paper_id);
    else links.set(r.card_id, [r.paper_id]);
  }
  return links;
}

/** The runnable example attached to a card. */
import type { Prepared } from '../statements.js';

export interface StoredExample {
  lang: 'ts' | 'js';
  code: string;
  line: number;
  /** Deck-relative path of the example file, when the card points to one (null for an inline fence). */
  path?: string | null;
}

/** The table's named statements; the store prepares each on first use. */
export const EXAMPLES_SQL = {
  setExample: `INSERT OR REPLACE INTO examples (card_id, lang, code, line, path) VALUES (?, ?, ?, ?, ?)`,
  deleteExample: `DELETE FROM examples WHERE card_id = ?`,
  exampleOfCard: `SELECT * FROM examples WHERE card_id = ?`,
  examplesOfNote: `SELECT e.* FROM examples e JOIN cards c ON c.id = e.card_id WHERE c.note_id = ?`,
} as const;

type Statements = Prepared<keyof typeof EXAMPLES_SQL>;

export function setExample(s: Statements, cardId: number, example: StoredExample | null): void {
  if (example) s.stmt('setExample').run(cardId, example.lang, example.code, example.line, example.path ?? null);
  else s.stmt('deleteExample').run(cardId);
}

/** The examples of a note's cards, by card id: an import compares them instead of rewriting every card. */
export function examplesOfNote(s: Statements, noteId: number): Map<number, StoredExample> {
  const rows = s.stmt('examplesOfNote').all(noteId) as Array<{ card_id: number; lang: 'ts' | 'js'; code: string; line: number; path: string | null }>;
  return new Map(rows.map((r) => [r.card_id, { lang: r.lang, code: r.code, line: r.line, path: r.path }]));
}

export function getExample(s: Statements, cardId: number): StoredExample | null {
  const row = s.stmt('exampleOfCard').get(cardId) as { lang: 'ts' | 'js'; code: string; line: number; path: string | null } | undefined;
  return row ? { lang: row.lang, code: row.code, line: row.line, path: row.path } : null;
}

/** The notes table: each imported file's path and content hash. */
import type { Prepared } from '../statements.js';

/** The table's named statements; the store prepares each on first use. */
export const NOTES_SQL = {
  noteByPath: `SELECT * FROM notes WHERE path = ?`,
  insertNote: `INSERT INTO notes (path, content_hash, imported_at) VALUES (?, ?, ?)`,
  updateNote: `UPDATE notes SET content_hash = ?, imported_at = ? WHERE id = ?`,
  notesUnder: `SELECT id, path FROM notes WHERE path LIKE ? ESCAPE '\\' ORDER BY path`,
  moveNote: `UPDATE notes SET path = ? WHERE id = ?`,
} as const;

type Statements = Prepared<keyof typeof NOTES_SQL>;

export function getNoteByPath(s: Statements, path: string): { id: number; path: string; contentHash: string } | null {
  const row = s.stmt('noteByPath').get(path) as { id: number; path: string; content_hash: string } | undefined;
  return row ? { id: row.id, path: row.path, contentHash: row.content_hash } : null;
}

export function insertNote(s: Statements, path: string, contentHash: string, importedAt: number): number {
  return Number(s.stmt('insertNote').run(path, contentHash, importedAt).lastInsertRowid);
}

export function updateNote(s: Statements, id: number, contentHash: string, importedAt: number): void {
  s.stmt('updateNote').run(contentHash, importedAt, id);
}

/** Notes whose path starts with `dir` (a folder path ending in a separator). */
export function notesUnder(s: Statements, dir: string): Array<{ id: number; path: string }> {
  return s.stmt('notesUnder').all(`${dir.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as Array<{ id: number; path: string }>;
}

/** A note file was moved or renamed: its cards keep their history under the new path. */
export function moveNote(s: Statements, id: number, path: string): void {
  s.stmt('moveNote').run(path, id);
}

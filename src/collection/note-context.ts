/**
 * The lines of a note around a card, for triage. The file is read again now, so it may have
 * changed or gone since the import: that is reported as a problem, never thrown.
 */
import { readNote } from './scan-files.js';

export interface NoteContext {
  file: string;
  /** The card's line (1-based) as stored at import. */
  line: number;
  /** Lines around it, with their numbers. */
  lines: Array<{ number: number; text: string }>;
  problem: string | null;
}

export function readNoteContext(file: string, line: number, before = 3, after = 5): NoteContext {
  const read = readNote(file);
  if (!read.ok) return { file, line, lines: [], problem: `cannot show the note: ${read.message}` };
  const all = read.text.split(/\r?\n/);
  if (line > all.length) {
    return { file, line, lines: [], problem: `the note has ${all.length} lines now, fewer than line ${line}: it changed since the import` };
  }
  const from = Math.max(1, line - before);
  const to = Math.min(all.length, line + after);
  const lines = [];
  for (let n = from; n <= to; n++) lines.push({ number: n, text: all[n - 1] ?? '' });
  return { file, line, lines, problem: null };
}

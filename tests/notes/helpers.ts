import { expect } from 'vitest';
import type { ParsedCard } from '../../src/core/index.js';
import type { ParsedNote } from '../../src/notes/index.js';
import { parseNote } from '../../src/notes/index.js';

/** Notes are written as arrays of lines so the expected line numbers can be read off the test. */
export function note(...lines: string[]): string {
  return lines.join('\n');
}

/** Parses a note that must be accepted; returns it. */
export function parsed(text: string, file = 'note.md'): ParsedNote {
  const result = parseNote(text, file);
  expect(result.note, JSON.stringify(result.errors)).not.toBeNull();
  return result.note as ParsedNote;
}

export interface Brief {
  kind: ParsedCard['kind'];
  front: string;
  back: string;
  line: number;
}

export function brief(text: string): Brief[] {
  return parsed(text).cards.map(({ kind, front, back, line }) => ({ kind, front, back, line }));
}

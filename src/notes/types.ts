import type { ParsedCard, Problem } from '../core/index.js';

/** One Markdown note, parsed. `null` note in a result means the whole file is rejected. */
export interface ParsedNote {
  file: string;
  /** `deck` from frontmatter, if given. */
  deck: string | null;
  /** `tags` from frontmatter plus inline `#tags` found in the body. */
  tags: string[];
  /** Card options from frontmatter (anything other than deck/tags), passed through as data. */
  options: Record<string, unknown>;
  cards: ParsedCard[];
}

/**
 * A parsed note, or the reason the whole file is refused. `errors` are fatal: the note is null and
 * nothing of the file may be imported. `warnings` never stop a file: an explicit card that could
 * not be made (an empty side, a repeat), an unclosed block, a stray `?`. Import and lint both
 * report exactly these lists, so a problem is found once, in the parser, and shown everywhere.
 */
export type ParseResult =
  | { note: ParsedNote; errors: []; warnings: Problem[] }
  | { note: null; errors: [Problem]; warnings: [] };

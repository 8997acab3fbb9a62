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

export interface ParseResult {
  note: ParsedNote | null;
  /** Fatal problems (note === null) or warnings (note !== null), each with file and line. */
  problems: Problem[];
}

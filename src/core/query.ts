/**
 * The search language's tree (`engram cards --query`, `due`, `review`, `export`, the browser):
 * plain data, shared by the parser (src/query, pure) and the SQL compiler (src/store/search.ts).
 * Every node carries the 1-based column of its first character in the query text.
 */
import { UsageError } from './errors.js';

/** What `is:` can ask. */
export const IS_VALUES = ['new', 'learn', 'review', 'due', 'suspended', 'buried', 'leech', 'edited', 'suggestion'] as const;
export type IsValue = (typeof IS_VALUES)[number];

/** What `prop:` can compare. `due` is in days from today (0 today, 1 tomorrow, -1 yesterday). */
export const PROP_NAMES = ['ivl', 'due', 'lapses', 'reps', 'stability', 'difficulty', 'retrievability'] as const;
export type PropName = (typeof PROP_NAMES)[number];

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

export type QueryNode =
  | { type: 'and'; column: number; children: QueryNode[] }
  | { type: 'or'; column: number; children: QueryNode[] }
  | { type: 'not'; column: number; child: QueryNode }
  /** A word or "a phrase" in the front or back (or one of them); case- and accent-insensitive. */
  | { type: 'text'; column: number; field: 'any' | 'front' | 'back'; text: string }
  /** A deck and its sub-decks; `*` matches any run of characters. */
  | { type: 'deck'; column: number; pattern: string }
  /** A tag and its children (`a::b`, `a/b`); `*` matches any run of characters. */
  | { type: 'tag'; column: number; pattern: string }
  | { type: 'is'; column: number; value: IsValue }
  | { type: 'flag'; column: number; flag: number }
  | { type: 'prop'; column: number; prop: PropName; op: CompareOp; value: number }
  /** Answered in the last `days` days (1: today), optionally with this grade. */
  | { type: 'rated'; column: number; days: number; grade: 'again' | 'hard' | 'good' | 'easy' | null }
  /** Made in the last `days` days (1: today). */
  | { type: 'added'; column: number; days: number }
  /** The card's source note path matches the glob (`*`, `?`), whole or as a path suffix. */
  | { type: 'note'; column: number; pattern: string }
  | { type: 'kind'; column: number; kind: string }
  /** The empty query: every card. */
  | { type: 'all'; column: number };

/** A query that cannot be read: where and why. Column is 1-based. */
export interface QueryError {
  column: number;
  message: string;
}

/**
 * A query that cannot be read, as the CLI reports it: `--query: column 7: unknown is:foo (...)`
 * (exit 2). `column` and `reason` stay apart for a screen that points at the spot.
 */
export class BadQueryError extends UsageError {
  readonly column: number;
  readonly reason: string;

  constructor(error: QueryError, flag = '--query') {
    super(`${flag}: column ${error.column}: ${error.message}`);
    this.name = 'BadQueryError';
    this.column = error.column;
    this.reason = error.message;
  }
}

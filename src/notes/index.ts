/** Markdown notes → cards. See parse-note.ts for the stages. */
export { parseNote } from './parse-note.js';
export type { ParsedNote, ParseResult } from './types.js';

/** Markdown notes → cards. See parse-note.ts for the stages. */
export { parseNote } from './parse-note.js';
export type { ParsedNote, ParseResult } from './types.js';
export { readExampleLine, readPredictLine, splitFragment, formatLineRanges, rangesPastEnd, codeLines, shownCode } from './example-refs.js';
export { dropSharedFronts, MIN_PROSE_CONFIDENCE } from './prose-cards.js';

/** The search language (pure): query text → tree with columns, or an error value. */
export { parseQuery, QUERY_KEYS, type ParseResult } from './parse.js';
export { tokenize, type Token } from './tokenize.js';

/**
 * Display math blocks for the Markdown tokenizer: a line starting with `$$`, closed by `$$` at
 * the end of a line, not crossing a blank line. Written as linear scans (no regex backtracking
 * over the rest of the document).
 */
import { isEscaped, MAX_DISPLAY_MATH } from './inline-text.js';

const MATH_BLOCK_OPEN = /^ {0,3}\$\$/;
const MATH_BLOCK_CLOSE = /\$\$[ \t]*(?:\n+|$)/y;
const BLANK_LINE = /\n[ \t]*\n/;

interface Closer {
  at: number;
  length: number;
}

/** First `$$` in [from, end) that ends its line, or null. */
function findMathCloser(src: string, from: number, end: number): Closer | null {
  for (let j = src.indexOf('$$', from); j >= 0 && j < end; j = src.indexOf('$$', j + 1)) {
    if (isEscaped(src, j)) continue;
    MATH_BLOCK_CLOSE.lastIndex = j;
    const m = MATH_BLOCK_CLOSE.exec(src);
    if (m) return { at: j, length: m[0].length };
  }
  return null;
}

function blankLineAfter(src: string, from: number, limit: number): number {
  const m = BLANK_LINE.exec(src.slice(from, limit));
  return m ? from + m.index : limit;
}

export function matchMathBlock(src: string): { raw: string; text: string } | null {
  const open = MATH_BLOCK_OPEN.exec(src);
  if (!open) return null;
  const from = open[0].length;
  const end = blankLineAfter(src, from, Math.min(src.length, from + MAX_DISPLAY_MATH));
  const close = findMathCloser(src, from, end);
  if (!close) return null;
  const text = src.slice(from, close.at);
  if (text.trim() === '') return null;
  return { raw: src.slice(0, close.at + close.length), text };
}

/**
 * Where a math block could interrupt the current paragraph. Only positions
 * where {@link matchMathBlock} will match are reported, so paragraphs are not
 * cut at lines that merely start with `$$`.
 */
export function mathBlockStart(src: string): number {
  const end = blankLineAfter(src, 0, src.length);
  const re = /(?:^|\n)( {0,3}\$\$)/g;
  let close: Closer | null = null;
  for (let m = re.exec(src); m && m.index < end; m = re.exec(src)) {
    const at = m.index + m[0].length - (m[1] ?? '').length;
    const from = at + (m[1] ?? '').length;
    if (!close || close.at < from) close = findMathCloser(src, from, end);
    // No closer after this opener means none after any later opener either.
    if (!close) return -1;
    if (src.slice(from, close.at).trim() !== '' && close.at - from <= MAX_DISPLAY_MATH) return at;
    re.lastIndex = at + 1;
  }
  return -1;
}

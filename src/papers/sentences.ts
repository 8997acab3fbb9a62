/**
 * Sentence starts within a line. A title must not swallow the sentence before it, but "et al."
 * and "e.g." are not sentence ends, and nothing inside parentheses or quotes splits (quoted
 * titles end with "?" or "!" often enough).
 */

const ABBREVIATION = /(?:\bal|\beg|\be\.g|\bi\.e|\bcf|\bvs|\betc|\bfig|\bno|\bsec|\bvol|\bpp)$/i;
/** The abbreviations are at most 3 characters; a few more give `\b` the character before them. */
const ABBREVIATION_WINDOW = 8;
const NEXT_STARTS_SENTENCE = /\s+(?=[\p{Lu}"\u201c])/uy;

/** Offsets where sentences begin; always contains 0. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  let depth = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === '"') inQuote = !inQuote;
    else if (c === '\u201c') inQuote = true;
    else if (c === '\u201d') inQuote = false;
    else if ((c === '.' || c === '!' || c === '?') && depth === 0 && !inQuote) {
      // Read in place (sticky, and a short window): slicing the line at every full stop is quadratic.
      NEXT_STARTS_SENTENCE.lastIndex = i + 1;
      const gap = NEXT_STARTS_SENTENCE.exec(text);
      if (!gap) continue;
      if (c === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - ABBREVIATION_WINDOW), i))) continue;
      starts.push(i + 1 + gap[0].length);
    }
  }
  return starts;
}

/** The start of the sentence containing `offset`. */
export function sentenceStartBefore(starts: readonly number[], offset: number): number {
  // Binary search: starts are ascending and a line can hold many markers and sentences.
  let lo = 0;
  let hi = starts.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid] ?? 0;
    if (s <= offset) {
      best = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The first sentence start after `offset`, or undefined. */
export function sentenceStartAfter(starts: readonly number[], offset: number): number | undefined {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) > offset) hi = mid;
    else lo = mid + 1;
  }
  return starts[lo];
}

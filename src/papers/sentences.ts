/**
 * Sentence starts within a line. A title must not swallow the sentence before it, but "et al."
 * and "e.g." are not sentence ends, and nothing inside parentheses or quotes splits (quoted
 * titles end with "?" or "!" often enough).
 */

const ABBREVIATION = /(?:\bal|\beg|\be\.g|\bi\.e|\bcf|\bvs|\betc|\bfig|\bno|\bsec|\bvol|\bpp)$/i;
const NEXT_STARTS_SENTENCE = /^\s+(?=[\p{Lu}"\u201c])/u;

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
      const gap = NEXT_STARTS_SENTENCE.exec(text.slice(i + 1));
      if (!gap) continue;
      if (c === '.' && ABBREVIATION.test(text.slice(0, i))) continue;
      starts.push(i + 1 + gap[0].length);
    }
  }
  return starts;
}

/** The start of the sentence containing `offset`. */
export function sentenceStartBefore(starts: readonly number[], offset: number): number {
  let best = 0;
  for (const s of starts) if (s <= offset) best = s;
  return best;
}

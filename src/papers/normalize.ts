/**
 * Title normalisation shared by extraction and merging. A paper is cited with varying case,
 * punctuation and hyphenation ("Multi-view" vs `multi_view`), so comparisons work on a word list.
 */

/** Lowercase words of a title or slug: diacritics dropped, hyphens/underscores/slashes split, other punctuation removed. */
export function keyWords(text: string): string[] {
  // Plain ASCII (most titles and slugs, and every card's text an import checks for mentions) is
  // its own NFKD form with no diacritics to drop, and is read in one pass.
  if (!NON_ASCII.test(text)) return asciiKeyWords(text);
  return keyWordsByRegex(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

/** keyWords by its definition: separators to spaces, other punctuation dropped, runs of letters and digits. */
export function keyWordsByRegex(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[_\-\u2010-\u2015/]+/g, ' ')
    .replace(/[^a-z0-9\s]/g, '')
    .match(/[a-z0-9]+/g) ?? [];
}

/**
 * keyWordsByRegex of ASCII text in one pass: whitespace, `_`, `-` and `/` end a word, letters
 * and digits make it, and any other character is dropped (so "don't" is one word, "dont").
 */
function asciiKeyWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let word = '';
  let run = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (run === -1) run = i;
      continue;
    }
    if (run !== -1) {
      word += lower.slice(run, i);
      run = -1;
    }
    // Whitespace (\s in ASCII: tab, line feed, vertical tab, form feed, carriage return, space) and the separators.
    if (c === 32 || (c >= 9 && c <= 13) || c === 95 || c === 45 || c === 47) {
      if (word !== '') words.push(word);
      word = '';
    }
  }
  if (run !== -1) word += lower.slice(run);
  if (word !== '') words.push(word);
  return words;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The merge key of a title: its words joined by `_` (so a slug normalises to itself). */
export function normalizeKey(text: string): string {
  return keyWords(text).join('_');
}

/** Words that carry meaning for overlap tests: short function words ("of", "in") would inflate similarity. */
export function significantWords(words: readonly string[]): Set<string> {
  return new Set(words.filter((w) => w.length >= 3 && !FILLER.has(w)));
}

const FILLER = new Set(['and', 'the', 'for', 'with', 'from', 'via', 'into', 'onto', 'are', 'not']);

export function capitalizeFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Collapses runs of whitespace (masking leaves gaps) and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

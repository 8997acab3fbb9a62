/**
 * Title normalisation shared by extraction and merging. A paper is cited with varying case,
 * punctuation and hyphenation ("Multi-view" vs `multi_view`), so comparisons work on a word list.
 */

/** Lowercase words of a title or slug: diacritics dropped, hyphens/underscores/slashes split, other punctuation removed. */
export function keyWords(text: string): string[] {
  // Plain ASCII (most titles and slugs) is its own NFKD form with no diacritics to drop.
  return (NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text)
    .toLowerCase()
    .replace(/[_\-\u2010-\u2015/]+/g, ' ')
    .replace(/[^a-z0-9\s]/g, '')
    .match(/[a-z0-9]+/g) ?? [];
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

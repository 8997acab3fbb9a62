/**
 * Author phrases in citations: "Wang et al", "Tan and Bansal", "Srivastava and Salakhutdinov".
 * Only surnames are kept. A surname must have a lowercase letter, so acronyms (VQA, ICML) never
 * read as authors.
 */

export const NAME = "\\p{Lu}(?:['\u2019]\\p{Lu})?\\p{Ll}[\\p{L}'\u2019-]*";
export const ET_AL = 'et\\.?\\s+al\\b\\.?';

/** One name with "et al", or a list joined by commas and a final "and"/"&". */
const LIST = `${NAME}(?:\\s*,\\s*${NAME})*\\s*,?\\s+(?:and|&)\\s+${NAME}`;
const ANY_AUTHORS = `${NAME}\\s+${ET_AL}|${LIST}|${NAME}`;

const FULL = new RegExp(`^(?:${ANY_AUTHORS})$`, 'u');
const LEAD_ET_AL = new RegExp(`^(${NAME})\\s+${ET_AL}\\s*[:,]?\\s*`, 'u');
const LEAD_LIST_COLON = new RegExp(`^(${LIST})\\s*:\\s*`, 'u');
const TRAIL_ET_AL = new RegExp(`(?<![\\s,])[\\s,]+(${NAME})\\s+${ET_AL}[\\s,]*$`, 'u');
const AFTER_MARKER = new RegExp(`^\\s*[.,;:]?\\s*(${NAME}\\s+${ET_AL}|${LIST})\\s*\\.?\\s*$`, 'u');
const BEFORE_YEAR = new RegExp(`(?<![\\p{L}])(${NAME})\\s+${ET_AL}\\s*,?\\s*$`, 'u');

/** Capitalised words that start prose, not author lists ("(See 2020)", "(In 2019)"). */
const NOT_NAMES = new Set(['See', 'Eg', 'In', 'At', 'And', 'Also', 'Cf', 'The', 'Published', 'Accepted', 'Proc', 'Proceedings', 'Since', 'From', 'Until', 'Before', 'After', 'Around', 'Circa', 'Ca']);

/** Splits an author phrase into surnames: "Srivastava and Salakhutdinov" → ["Srivastava", "Salakhutdinov"]. */
export function parseAuthors(phrase: string): string[] {
  return phrase
    .replace(new RegExp(ET_AL, 'g'), ' ')
    .split(/\s*(?:,|&|\band\b)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The whole text is an author phrase (inside a "(CVPR 2020 Agarwal)" style parenthesis). */
export function matchAuthorsExactly(text: string): string[] | null {
  if (!FULL.test(text)) return null;
  const authors = parseAuthors(text);
  return authors.some((a) => NOT_NAMES.has(a)) ? null : authors;
}

/** Leading "Name et al[:,]" or "A and B:"; returns the authors and the rest of the text. */
export function splitLeadingAuthors(text: string): { authors: string[]; rest: string; etAl: boolean } | null {
  const etAl = LEAD_ET_AL.exec(text);
  if (etAl && !NOT_NAMES.has(etAl[1] ?? '')) {
    return { authors: [etAl[1] ?? ''], rest: text.slice(etAl[0].length), etAl: true };
  }
  const list = LEAD_LIST_COLON.exec(text);
  if (list) {
    const authors = parseAuthors(list[1] ?? '');
    if (!authors.some((a) => NOT_NAMES.has(a))) return { authors, rest: text.slice(list[0].length), etAl: false };
  }
  return null;
}

/** Trailing ", Name et al" at the end of a title region ("Title, Wang et al. (2021)"). */
export function splitTrailingEtAl(text: string): { authors: string[]; rest: string } | null {
  const m = TRAIL_ET_AL.exec(text);
  if (!m || NOT_NAMES.has(m[1] ?? '')) return null;
  return { authors: [m[1] ?? ''], rest: text.slice(0, m.index) };
}

/** Authors written after the venue/year: "... Information Fusion 2020. Zadeh et al." */
export function matchAuthorsAfterMarker(text: string): string[] | null {
  const m = AFTER_MARKER.exec(text);
  if (!m) return null;
  const authors = parseAuthors(m[1] ?? '');
  return authors.some((a) => NOT_NAMES.has(a)) ? null : authors;
}

/** "Wu et al" right before an inline year ("... networks Wu et al 2022"); returns its start. */
export function authorsBeforeYear(prefix: string): { authors: string[]; start: number } | null {
  const m = BEFORE_YEAR.exec(prefix);
  if (!m || NOT_NAMES.has(m[1] ?? '')) return null;
  return { authors: [m[1] ?? ''], start: m.index };
}

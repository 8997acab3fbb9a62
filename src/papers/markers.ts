/**
 * Bibliographic markers: the venue/year (and sometimes authors) that close a citation, either
 * as a parenthesis "(CVPR 2020 Agarwal)" or inline "... Information Fusion 2020". The title is
 * the text before a marker, so finding markers first keeps ordinary prose out.
 */
import { authorsBeforeYear, ET_AL, matchAuthorsExactly, NAME } from './authors.js';
import { canonicalVenue, VENUE_SOURCE, YEAR_SOURCE } from './venues.js';

export interface Marker {
  start: number;
  end: number;
  venue: string | null;
  year: number | null;
  authors: string[];
}

export interface Meta {
  venue: string | null;
  year: number | null;
  authors: string[];
}

const VENUE_G = new RegExp(VENUE_SOURCE, 'gi');
const YEAR_G = new RegExp(YEAR_SOURCE, 'g');
/**
 * A venue just before an inline year ("Title NeurIPS 2021", "Title, IJCAI 2019"). "in"/"at" is
 * left out of the marker on purpose: "presented at ACL 2018" then ends its region on a function
 * word and is rejected as prose.
 */
const VENUE_BEFORE_YEAR = new RegExp(`(${VENUE_SOURCE})\\s*,?\\s*$`, 'i');
const ET_AL_ONLY = new RegExp(`^${NAME}\\s+${ET_AL}$`, 'u');
const PAREN = /\(([^()]*)\)/g;
/**
 * How far before a year its venue and authors are looked for. A bounded look-back keeps a line
 * with many years linear; a venue or "Name et al" is never this far from its year.
 */
const LOOK_BACK = 200;
/** Opaque filler for a parenthesis already taken as a marker; not a sentence or chunk boundary. */
const FILL = '\u0002';

/**
 * The content of a parenthesis if it holds only venue, year and authors, e.g. "ACL 2018",
 * "Tan and Bansal 2020", "CVPR 2020 Agarwal". Null for anything with other words in it.
 */
export function parseMeta(content: string): Meta | null {
  let venue: string | null = null;
  let year: number | null = null;
  let rest = content.replace(VENUE_G, (v) => {
    venue ??= canonicalVenue(v);
    return ' ';
  });
  rest = rest.replace(YEAR_G, (y) => {
    year ??= Number(y);
    return ' ';
  });
  rest = rest
    .replace(/^\s*(?:in|at|proc\.?|proceedings of)\s+/i, '')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .replace(/\s+/g, ' ');
  if (venue === null && year === null) {
    // Without venue or year only "(Name et al)" is bibliographic; "(HUBERT)", "(Hinton)" are not.
    return ET_AL_ONLY.test(rest) ? { venue, year, authors: matchAuthorsExactly(rest) ?? [] } : null;
  }
  if (rest === '') return { venue, year, authors: [] };
  const authors = matchAuthorsExactly(rest);
  return authors ? { venue, year, authors } : null;
}

/** All markers in a chunk of one line, in order. */
export function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  const pieces: string[] = [];
  let copied = 0;
  for (const m of text.matchAll(PAREN)) {
    const meta = parseMeta(m[1] ?? '');
    if (!meta) continue;
    const start = m.index;
    const end = start + m[0].length;
    markers.push({ start, end, ...meta });
    pieces.push(text.slice(copied, start), FILL.repeat(end - start));
    copied = end;
  }
  pieces.push(text.slice(copied));
  const masked = pieces.join('');
  for (const y of masked.matchAll(YEAR_G)) {
    let start = y.index;
    let venue: string | null = null;
    let authors: string[] = [];
    let from = Math.max(0, start - LOOK_BACK);
    const v = VENUE_BEFORE_YEAR.exec(masked.slice(from, start));
    if (v) {
      venue = canonicalVenue(v[1] ?? '');
      start = from + v.index;
    }
    from = Math.max(0, start - LOOK_BACK);
    const a = authorsBeforeYear(masked.slice(from, start));
    if (a) {
      authors = a.authors;
      start = from + a.start;
    }
    markers.push({ start, end: y.index + y[0].length, venue, year: Number(y[0]), authors });
  }
  return markers.sort((a, b) => a.start - b.start);
}

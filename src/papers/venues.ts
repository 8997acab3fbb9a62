/**
 * Venue and year vocabulary. A known venue next to a year is the strongest sign that the text
 * before it is a paper title, so the list is explicit rather than "any acronym".
 */

export const VENUES: readonly string[] = [
  'ACL', 'AAAI', 'AISTATS', 'arXiv', 'BMVC', 'COLING', 'COLT', 'CoRL', 'CVPR', 'EACL', 'ECCV',
  'EMNLP', 'ICASSP', 'ICCV', 'ICLR', 'ICML', 'ICRA', 'IJCAI', 'IJCV', 'Information Fusion',
  'Interspeech', 'IROS', 'JAIR', 'JMLR', 'KDD', 'MICCAI', 'NAACL', 'NeurIPS', 'NIPS', 'PMLR',
  'SIGGRAPH', 'SIGIR', 'TACL', 'TMLR', 'TPAMI', 'UAI', 'USENIX', 'WACV', 'ACM MM',
];

const CANONICAL = new Map(VENUES.map((v) => [v.toLowerCase(), v]));

/** Longest first so "ACM MM" wins over a shorter overlap; spaces match any whitespace. */
const VENUE_ALT = [...VENUES]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  .join('|');

/** A venue as a whole word (not part of "NAACL" when looking for "ACL", nor of a hyphenated name). */
export const VENUE_SOURCE = `(?<![\\w-])(?:${VENUE_ALT})(?![\\w-])`;

/** A plausible publication year; not part of a longer number, a range, a version or a percentage. */
export const YEAR_SOURCE = '(?<![\\w.-])(?:19[5-9]\\d|20\\d\\d)(?![\\w%-])';

export function canonicalVenue(text: string): string {
  const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return CANONICAL.get(key) ?? text.trim();
}

const HAS_MARKER = new RegExp(`${VENUE_SOURCE}|${YEAR_SOURCE}`, 'i');

/** True when the text mentions a venue or a year anywhere. */
export function hasVenueOrYear(text: string): boolean {
  return HAS_MARKER.test(text);
}

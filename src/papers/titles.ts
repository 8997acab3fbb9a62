/**
 * Reading a title out of the text that precedes a marker (or follows "See"/"X et al").
 * The region is peeled from the outside in: cue words, quotes, authors, then "label:" prefixes
 * that notes put before a title ("Masked language modelling: Vokenization: ...").
 */
import { splitLeadingAuthors, splitTrailingEtAl } from './authors.js';
import { capitalizeFirst, squash } from './normalize.js';

export interface TitleParse {
  title: string;
  authors: string[];
  /** Authors came from "Name et al" (strong enough on its own to call the text a citation). */
  etAl: boolean;
  quoted: boolean;
  /** Introduced by "See"/"See eg"/"cf." */
  see: boolean;
  /** The title as written began with a capital or digit (the title itself is always capitalised). */
  capitalised: boolean;
}

const SEE = /(?:^|[,;:]\s*(?:(?:but|and|also)\s+)?)(?:see|cf\.?|compare(?:\s+(?:with|to))?)(?:\s+(?:also|eg\.?|e\.g\.?|for example))?\s*[,:]?\s+/gi;
const EG = /^(?:eg|e\.g\.?)\s*[,:]?\s+/i;
const QUOTED_AT_END = /["\u201c]([^"\u201c\u201d]+)["\u201d]\s*$/;
/** Separators inside a line that start a new thought: "; ", a spaced dash, a card's "::". */
const SEPARATOR = /;\s|::|\s[-\u2013\u2014]\s/g;

/** One-word prefixes that introduce a citation instead of being part of its title. */
const LABELS = new Set([
  'see', 'eg', 'e.g', 'example', 'examples', 'note', 'notes', 'paper', 'papers', 'reference',
  'references', 'ref', 'refs', 'source', 'sources', 'cf', 'also', 'related', 'related work',
  'reading', 'further reading', 'citation', 'citations', 'read', 'todo', 'survey',
]);

/** A title never ends on these: "published in (2020)", "presented at ACL 2018". */
const STOP_END = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'of', 'to', 'by', 'for', 'from', 'with', 'and', 'or',
  'since', 'until', 'during', 'before', 'after', 'between', 'as', 'is', 'are', 'was', 'were',
  'be', 'been', 'around', 'about', 'than', 'that', 'this', 'which', 'who', 'early', 'late',
  'mid', 'year', 'published', 'released', 'accepted', 'presented', 'appeared', 'submitted',
  'conference', 'workshop', 'deadline', 'submission', 'venue', 'proceedings', 'paper', 'papers',
  'track', 'poster', 'oral', 'talk', 'keynote',
]);

/** First-person words: notes about the writer ("I met Hinton at NeurIPS 2019"), not titles. */
const FIRST_PERSON = /(?:^|\s)(?:I|me|my|I'm|I've|I'd|our)(?=\s|$)/;

/** Sentence openings like "This is ..." are prose, not titles. */
const PROSE_OPENING = /^(?:this|that|these|those|it|they|we|i|you|he|she|there|here)\s+(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|used|use|showed|show|shows|found|find|proposed|propose)\b/i;

/** Parses a title region. Returns null when no plausible title remains. */
export function parseTitleRegion(region: string): TitleParse | null {
  let text = region;
  let see = false;
  let lastCut = -1;
  for (const m of text.matchAll(SEPARATOR)) lastCut = m.index + m[0].length;
  if (lastCut >= 0) text = text.slice(lastCut);
  text = trimEdges(text);

  let seeEnd = -1;
  for (const m of text.matchAll(SEE)) seeEnd = m.index + m[0].length;
  if (seeEnd >= 0) {
    see = true;
    text = text.slice(seeEnd);
  }
  text = trimEdges(text.replace(EG, ''));

  let authors: string[] = [];
  let etAl = false;
  let quoted = false;
  const quote = QUOTED_AT_END.exec(text);
  if (quote) {
    quoted = true;
    const before = trimEdges(text.slice(0, quote.index));
    const lead = before === '' ? null : splitLeadingAuthors(`${before} `);
    if (lead && trimEdges(lead.rest) === '') {
      authors = lead.authors;
      etAl = lead.etAl;
    }
    text = quote[1] ?? '';
  } else {
    const lead = splitLeadingAuthors(text);
    if (lead) {
      authors = lead.authors;
      etAl = lead.etAl;
      text = lead.rest;
    }
    const trail = splitTrailingEtAl(text);
    if (trail) {
      authors = [...authors, ...trail.authors];
      etAl = true;
      text = trail.rest;
    }
    text = dropLabels(trimEdges(text));
  }
  const written = squash(trimEdges(text));
  if (written === '') return null;
  const capitalised = /^[\p{Lu}\p{N}]/u.test(written);
  return { title: capitalizeFirst(written), authors, etAl, quoted, see, capitalised };
}

/**
 * Drops "label:" prefixes. A label is a known cue word, or a lowercase phrase after its first
 * word ("Masked language modelling:"); a capitalised phrase ("Found in Translation:") or a single
 * name ("MUFASA:", "Vokenization:") is the head of the title and stays.
 */
function dropLabels(text: string): string {
  let parts = text.split(/(?<!\s)\s*:\s+/);
  while (parts.length >= 2 && isLabel(parts[0] ?? '', wordCount(parts.slice(1).join(' ')))) parts = parts.slice(1);
  if (parts.length > 2) parts = parts.slice(-2);
  return parts.join(': ');
}

function isLabel(part: string, restWords: number): boolean {
  const p = part.trim().replace(/\.$/, '').toLowerCase();
  if (LABELS.has(p)) return true;
  const words = part.trim().split(/\s+/);
  return words.length >= 2 && restWords >= 3 && words.slice(1).every((w) => !/\p{Lu}/u.test(w));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Trims whitespace, leftover mask characters and punctuation that joins a title to its marker; keeps "?" and "!". */
function trimEdges(text: string): string {
  return text
    .replace(/^[\s,;:.\-\u2013\u2014(\u0002]+/, '')
    .replace(/^(?:and|or|also)\s+/i, '')
    .replace(/(?<![\s,;:.\-\u2013\u2014(\u0002])[\s,;:.\-\u2013\u2014(\u0002]+$/, '');
}

/**
 * Whether a parsed title reads like a paper title. Quoted titles are trusted (the writer marked
 * them); unquoted ones must not end on a function word or open like a prose sentence.
 */
export function isPlausibleTitle(parse: TitleParse, minWords: number): boolean {
  const words = parse.title.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < minWords || words.length > 40) return false;
  if (!words.some((w) => /\p{L}{3,}/u.test(w))) return false;
  if (parse.quoted) return true;
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
  if (STOP_END.has(last)) return false;
  return !PROSE_OPENING.test(parse.title) && !FIRST_PERSON.test(parse.title);
}

/** Not papers even when introduced by "See": courses, talks and the like. */
export const NOT_A_PAPER = /\b(?:course|courses|lecture|lectures|series|tutorial|class|video|videos|website|blog|talk|slides|chapter|section|page|repo|repository|notes?)\b/i;

/** Lowercase verbs of claims; sentence-case titles hardly use them ("Fusion helps when ..."). */
const CLAIM_VERBS = new Set([
  'helps', 'improves', 'outperforms', 'works', 'shows', 'showed', 'shown', 'found', 'finds',
  'leads', 'tends', 'seems', 'fails', 'performs', 'uses', 'used', 'achieves', 'requires',
  'suggests', 'argues', 'proposes', 'proposed', 'introduces', 'introduced', 'claims', 'reports',
  'reported', 'demonstrates', 'demonstrated', 'observed', 'observes', 'increases', 'decreases',
  'reduces', 'hurts', 'replaces', 'beats', 'yields', 'causes',
]);

/** Auxiliaries and pronouns: claims too, but sentence-case titles have them ("Attention is all you need"). */
const WEAK_CLAIM_WORDS = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did', 'can', 'could', 'should',
  'would', 'will', 'may', 'might', 'must', 'cannot', 'help', 'improve', 'outperform', 'it', 'they',
  'we', 'he', 'she', 'them', 'their', 'its',
]);

/**
 * "Late fusion works better for heterogeneous data (Wang et al 2020)": prose backs a claim with
 * a citation, which looks like a citation of a title. A claim is in sentence case and has a
 * lowercase verb; with a venue only claim verbs count, since a venue makes a title likelier.
 */
export function looksLikeClaim(title: string, hasVenue: boolean): boolean {
  if (isTitleCase(title)) return false;
  return title.split(/\s+/).some((raw) => {
    const w = raw.replace(/[^\p{L}]/gu, '');
    return CLAIM_VERBS.has(w) || (!hasVenue && WEAK_CLAIM_WORDS.has(w));
  });
}

/**
 * Title Case ("Language Models are Few-Shot Learners") or a "Name: subtitle" head: shapes that
 * prose rarely has. The first word is capitalised in sentence case too, so it does not count.
 */
export function isTitleCase(title: string): boolean {
  if (/^\S+:\s/.test(title)) return true;
  const words = title.split(/\s+/).slice(1).filter((w) => /\p{L}{4,}/u.test(w));
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length > 0 && capitals / words.length >= 0.5;
}

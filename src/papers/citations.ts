/**
 * Prose citations in one chunk of a line (a line minus code, math, wikilinks and nested
 * citations). Two shapes are recognised:
 *  - a title closed by a marker: "Title (ACL 2018)", "Title NeurIPS 2021", "\"Title\" 2022";
 *  - no marker, but "Name et al Title" or "See Title: Subtitle" (stricter checks, see below).
 * Precision matters more than recall: a false record pollutes the paper quiz.
 */
import { matchAuthorsAfterMarker } from './authors.js';
import { findMarkers } from './markers.js';
import { sentenceStartAfter, sentenceStartBefore, sentenceStarts } from './sentences.js';
import { isPlausibleTitle, isTitleCase, looksLikeClaim, NOT_A_PAPER, parseTitleRegion } from './titles.js';

export interface ProseCitation {
  title: string;
  authors: string[];
  venue: string | null;
  year: number | null;
  /** Offsets in the chunk: where the citation starts (its region) and ends (after the marker). */
  start: number;
  end: number;
}

export interface ChunkContext {
  /** The chunk is the inside of a parenthesis that holds a title and a year. */
  inner?: boolean;
  /** The chunk is the inside of a quotation ("Wang et al On Deep ... PMLR 2015"). */
  quoted?: boolean;
}

/** What a citation without a marker needs (parseTitleRegion's etAl and see): a cheap test before parsing a sentence. */
const CUE = /et\.?\s+al|see|cf|compare/i;

/** The sentence goes on after the marker with a lowercase word (not a list joiner). */
const CONTINUES = /^\s*(?!(?:and|or|vs|see|cf)\b)\p{Ll}/u;

export function citationsInChunk(text: string, ctx: ChunkContext = {}): ProseCitation[] {
  const out: ProseCitation[] = [];
  const starts = sentenceStarts(text);
  const markers = findMarkers(text);
  const taken: Array<[number, number]> = [];
  let prev = 0;
  markers.forEach((marker, i) => {
    const limit = markers[i + 1]?.start ?? text.length;
    let regionStart = Math.max(prev, sentenceStartBefore(starts, marker.start));
    // Bibliography style "Radford et al. Title. ICML 2021.": a marker that is a whole sentence
    // closes the sentence before it.
    const sentenceEnd = Math.min(limit, sentenceStartAfter(starts, marker.start) ?? limit);
    if (regionStart > prev && text.slice(regionStart, marker.start).trim() === '' && /^[\s.,;]*$/.test(text.slice(marker.end, sentenceEnd))) {
      regionStart = Math.max(prev, sentenceStartBefore(starts, regionStart - 1));
    }
    const after = matchAuthorsAfterMarker(text.slice(marker.end, limit));
    const end = after ? limit : marker.end;
    prev = end;
    taken.push([regionStart, end]);
    const parse = parseTitleRegion(text.slice(regionStart, marker.start));
    if (!parse) return;
    const authors = unique([...parse.authors, ...marker.authors, ...(after ?? [])]);
    // A year alone is weak ("moved to Berlin in 2019"): it needs a venue, authors, quotes,
    // "See", or a parenthesis that wraps title and year together.
    const strong = marker.venue !== null || authors.length > 0 || parse.quoted || ctx.quoted === true;
    if (!strong && !parse.see && ctx.inner !== true) return;
    if (!isPlausibleTitle(parse, strong ? 2 : 3)) return;
    if (!parse.quoted && ctx.quoted !== true) {
      if (looksLikeClaim(parse.title, marker.venue !== null)) return;
      // Without a venue, sentence-case text followed by more sentence names a concept, not a
      // paper: "The transformer architecture (Vaswani et al 2017) uses attention".
      if (marker.venue === null && !isTitleCase(parse.title) && CONTINUES.test(text.slice(marker.end, limit))) return;
    }
    out.push({ title: parse.title, authors, venue: marker.venue, year: marker.year, start: regionStart + leadingSpace(text.slice(regionStart)), end });
  });

  // Sentences without a marker: only "Name et al Title" or "See Title" with a title-shaped rest.
  // Both lists ascend, so one pointer into `taken` finds any overlap in linear time.
  // Neither shape can be there without "et al" or a "See"-like cue: most prose is never parsed.
  if (!CUE.test(text)) return out.sort((a, b) => a.start - b.start);
  let t = 0;
  starts.forEach((s, i) => {
    const e = starts[i + 1] ?? text.length;
    while (t < taken.length && (taken[t]?.[1] ?? 0) <= s) t++;
    if (t < taken.length && (taken[t]?.[0] ?? 0) < e) return;
    if (!CUE.test(text.slice(s, e))) return;
    const parse = parseTitleRegion(text.slice(s, e));
    if (!parse || (!parse.capitalised && !parse.quoted)) return;
    const byAuthors = parse.etAl && isPlausibleTitle(parse, 3) && (parse.quoted || !looksLikeClaim(parse.title, false));
    const bySee = parse.see && isPlausibleTitle(parse, 4) && !NOT_A_PAPER.test(parse.title);
    if (!byAuthors && !bySee) return;
    out.push({ title: parse.title, authors: parse.authors, venue: null, year: null, start: s + leadingSpace(text.slice(s)), end: e });
  });
  return out.sort((a, b) => a.start - b.start);
}

function leadingSpace(text: string): number {
  return /^\s*/.exec(text)?.[0].length ?? 0;
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

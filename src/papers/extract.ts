/**
 * extractPaperRefs: every paper a note cites, by wikilink or in prose, with its line.
 * Per line: mask non-prose, take wikilinks out, read citations nested in quotes or parentheses,
 * then the rest in GAP-separated chunks; finally a wikilink and a prose citation of the same
 * paper on one line become one ref.
 */
import type { PaperRef } from '../core/types.js';
import { citationsInChunk, type ChunkContext, type ProseCitation } from './citations.js';
import { humanizeSlug, slugBase } from './humanize.js';
import { contentLines, GAP, maskCode, maskProse } from './markdown.js';
import { parseMeta } from './markers.js';
import { keyWords, normalizeKey, significantWords } from './normalize.js';
import { hasVenueOrYear } from './venues.js';
import { takeWikilinks, type Wikilink } from './wikilinks.js';

export function extractPaperRefs(text: string): PaperRef[] {
  // Most notes cite nothing: refsInLine's first test on the whole text at once. Every content
  // line is a substring of the text, so a text that fails it has no line that passes it; except
  // that a line's HTML comments are blanked out with spaces (which can join "et<!-- -->al").
  if (!text.includes('<!--') && !mayCite(text)) return [];
  return refsLineByLine(text);
}

/** extractPaperRefs without the whole-text test (exported for the test that they agree). */
export function refsLineByLine(text: string): PaperRef[] {
  const refs: PaperRef[] = [];
  for (const { line, text: raw } of contentLines(text)) refs.push(...refsInLine(raw, line));
  return refs;
}

/** What a line needs to cite anything: a wikilink, a venue or year (a marker), or a cue for a citation without one. */
const MAY_CITE_CUE = /\[\[|et\.?\s+al|see|cf|compare/i;

/** Emphasis marks are spaced out first, as maskProse does, so "_ACL_" is still a venue. */
function mayCite(text: string): boolean {
  return MAY_CITE_CUE.test(text) || hasVenueOrYear(/[*_]/.test(text) ? text.replace(/[*_]/g, ' ') : text);
}

function refsInLine(raw: string, line: number): PaperRef[] {
  // Most lines cite nothing: one test instead of the passes below.
  if (!mayCite(raw)) return [];
  const { links, masked: withoutLinks } = takeWikilinks(maskCode(raw));
  let masked = maskProse(withoutLinks);
  const prose: ProseCitation[] = [];

  // A quotation that holds its own venue/year ("Wang et al On Deep ... PMLR 2015") is read alone.
  masked = takeNested(masked, /"([^"]+)"|\u201c([^\u201d]+)\u201d/g, { quoted: true }, prose, () => true);
  // So is a parenthesis holding a title and a year ("(See Learning to Compose ... 2019)"); a
  // parenthesis of only venue/year/authors is a marker and stays for the chunk pass.
  masked = takeNested(masked, /\(([^()]+)\)/g, { inner: true }, prose, (content) => parseMeta(content) === null);

  for (const chunk of masked.matchAll(/[^\u0001]+/g)) {
    for (const c of citationsInChunk(chunk[0])) prose.push(shift(c, chunk.index));
  }
  prose.sort((a, b) => a.start - b.start);
  return pairUp(prose, links, raw, line);
}

/** Reads citations inside each match of `pattern` (group 1 or 2 is the content) and masks the match with GAP. */
function takeNested(
  masked: string,
  pattern: RegExp,
  ctx: ChunkContext,
  out: ProseCitation[],
  accept: (content: string) => boolean,
): string {
  // Built piece by piece: re-slicing the whole line for every match would be quadratic.
  const pieces: string[] = [];
  let copied = 0;
  for (const m of masked.matchAll(pattern)) {
    const content = m[1] ?? m[2] ?? '';
    if (!hasVenueOrYear(content) || !accept(content)) continue;
    const found = citationsInChunk(content, ctx).map((c) => shift(c, m.index + 1));
    const from = Math.max(0, m.index - 200);
    if (ctx.inner && found.length === 1 && found[0]) prefixName(found[0], masked.slice(from, m.index), from);
    out.push(...found);
    pieces.push(masked.slice(copied, m.index), GAP.repeat(m[0].length));
    copied = m.index + m[0].length;
  }
  pieces.push(masked.slice(copied));
  return pieces.join('');
}

/**
 * "See VQA-LOL (Visual Question Answering under the Lens of Logic 2020)": the name before the
 * parenthesis is the head of the title. Only for an acronym-like single token, and only when the
 * title in the parenthesis has no "Name:" head of its own ("HighMMT (High MMT: Towards ...)").
 */
function prefixName(c: ProseCitation, before: string, offset: number): void {
  const token = /(\S+)\s*$/.exec(before);
  const name = token?.[1] ?? '';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}-]*$/u.test(name) || (name.match(/\p{Lu}/gu) ?? []).length < 2) return;
  if (c.title.includes(':') || hasVenueOrYear(name)) return;
  c.title = `${name}: ${c.title}`;
  c.start = token ? offset + token.index : c.start;
}

function shift(c: ProseCitation, by: number): ProseCitation {
  return { ...c, start: c.start + by, end: c.end + by };
}

/**
 * Joins each prose citation with a wikilink on the same line that names the same paper (at least
 * half the significant words of the shorter one shared), so "Title (ACL 2018) [[title_slug]]" is
 * one ref. Unpaired wikilinks and citations are refs of their own.
 */
function pairUp(prose: ProseCitation[], links: Wikilink[], raw: string, line: number): PaperRef[] {
  const free = new Set(links);
  // Each link's words are read once, and a citation is only compared with the links that share a
  // word with it (in line order, so the first best link still wins): a line of many citations
  // and links would otherwise compare every pair.
  const linkWords = new Map(links.map((link) => [link, slugWords(link.slug)]));
  const order = new Map(links.map((link, i) => [link, i]));
  const linksByWord = new Map<string, Wikilink[]>();
  for (const [link, words] of linkWords) {
    for (const w of words) {
      const list = linksByWord.get(w);
      if (list) list.push(link);
      else linksByWord.set(w, [link]);
    }
  }
  const refs: Array<PaperRef & { at: number }> = [];
  for (const c of prose) {
    const titleWords = keyWords(c.title);
    const words = significantWords(titleWords);
    const candidates = new Set<Wikilink>();
    for (const w of words) for (const link of linksByWord.get(w) ?? []) if (free.has(link)) candidates.add(link);
    let best: Wikilink | null = null;
    let bestScore = 0;
    for (const link of [...candidates].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
      const score = containment(words, linkWords.get(link) ?? new Set());
      if (score > bestScore) {
        best = link;
        bestScore = score;
      }
    }
    const link = bestScore >= 0.5 ? best : null;
    if (link) free.delete(link);
    const start = Math.min(c.start, link?.start ?? c.start);
    const end = Math.max(c.end, link?.end ?? c.end);
    refs.push({
      key: titleWords.join('_'), // normalizeKey(c.title)
      title: c.title,
      authors: c.authors,
      venue: c.venue,
      year: c.year,
      slug: link?.slug ?? null,
      line,
      raw: raw.slice(start, end).trim(),
      at: start,
    });
  }
  for (const link of free) {
    const title = humanizedSlug(link.slug);
    refs.push({ key: normalizeKey(title), title, authors: [], venue: null, year: null, slug: link.slug, line, raw: raw.slice(link.start, link.end), at: link.start });
  }
  return refs.sort((a, b) => a.at - b.at).map(({ at: _at, ...ref }) => ref);
}

/**
 * A vault links the same few hundred papers on thousands of lines: a slug's significant words
 * and humanised title are worked out once (pure functions of the slug; the sets are only read).
 * Bounded, so a long-lived process does not keep every slug it ever saw.
 */
const SLUG_MEMO_SIZE = 10_000;
const slugWordsMemo = new Map<string, Set<string>>();
const humanizedMemo = new Map<string, string>();

function remembered<T>(memo: Map<string, T>, slug: string, compute: (slug: string) => T): T {
  let value = memo.get(slug);
  if (value === undefined) {
    if (memo.size >= SLUG_MEMO_SIZE) memo.clear();
    value = compute(slug);
    memo.set(slug, value);
  }
  return value;
}

function slugWords(slug: string): Set<string> {
  return remembered(slugWordsMemo, slug, (s) => significantWords(keyWords(slugBase(s))));
}

function humanizedSlug(slug: string): string {
  return remembered(humanizedMemo, slug, humanizeSlug);
}

function containment(a: Set<string>, b: Set<string>): number {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / smaller;
}

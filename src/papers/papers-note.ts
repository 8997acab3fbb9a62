/**
 * A papers note (frontmatter `papers: true`) declares the papers a deck cites, one `## Title`
 * heading each, followed by `- field: value` lines:
 *
 *   ## Tensor Fusion Network for Multimodal Sentiment Analysis
 *   - slugs: tensor_fusion_network            (wikilink targets that mean this paper)
 *   - aliases: TFN                             (short names accepted in quizzes)
 *   - first author: Amir Zadeh
 *   - authors: Amir Zadeh, Minghai Chen, ...
 *   - venue: EMNLP
 *   - year: 2017
 *   - topic: fusion
 *   - idea: one sentence that identifies the paper without naming it
 *   - checked: https://...                     (where the facts were confirmed; not stored)
 *
 * What a papers note says wins over what the citation extractor guessed from prose.
 */
import type { Problem } from '../core/types.js';
import { keysMatch } from './match.js';
import type { PaperFacts } from '../core/types.js';
import type { Paper } from './merge.js';
import { humanizeSlug, slugBase } from './humanize.js';
import { frontmatterEnd } from './markdown.js';
import { keyWords, normalizeKey } from './normalize.js';

export interface DeclaredPaperEntry extends PaperFacts {
  aliases: string[];
  firstAuthor: string | null;
  topic: string | null;
  idea: string | null;
  line: number;
}

const FIELDS = ['slugs', 'aliases', 'first author', 'authors', 'venue', 'year', 'topic', 'idea', 'checked'] as const;
type Field = (typeof FIELDS)[number];

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FIELD_LINE = /^\s*[-*+]\s+([A-Za-z][A-Za-z ]*?)\s*:\s*(.*?)\s*$/;

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** Entries of a papers note; `text` is the whole file, frontmatter included. */
export function parsePapersNote(text: string, file: string): { papers: DeclaredPaperEntry[]; problems: Problem[] } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const papers: DeclaredPaperEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  let current: DeclaredPaperEntry | null = null;
  let lastField: Field | null = null;
  let inFence = false;

  const finish = (): void => {
    if (!current) return;
    if (!current.slugs.includes(current.key)) current.slugs.push(current.key);
    papers.push(current);
    current = null;
  };

  for (let i = frontmatterEnd(lines); i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    if (inFence) continue;
    const heading = HEADING.exec(raw);
    if (heading) {
      finish();
      lastField = null;
      if ((heading[1] ?? '').length !== 2) continue;
      const title = (heading[2] ?? '').trim();
      const key = normalizeKey(title);
      if (key === '') {
        problems.push({ file, line, message: 'a paper heading needs a title' });
        continue;
      }
      const before = seen.get(key);
      if (before !== undefined) problems.push({ file, line, message: `paper '${title}' is declared twice (first at line ${before})` });
      seen.set(key, line);
      current = { key, title, slugs: [], aliases: [], firstAuthor: null, authors: [], venue: null, year: null, topic: null, idea: null, line };
      continue;
    }
    if (raw.trim() === '') {
      lastField = null;
      continue;
    }
    const field = FIELD_LINE.exec(raw);
    if (!current) {
      if (field) problems.push({ file, line, message: "a paper field before any '## Title' heading" });
      continue;
    }
    if (!field) {
      // An indented line continues a long value (an idea wrapped over two lines).
      if (lastField === 'idea' && /^\s{2,}\S/.test(raw) && current.idea !== null) current.idea = `${current.idea} ${raw.trim()}`;
      else problems.push({ file, line, message: "expected '- field: value' under a paper heading" });
      continue;
    }
    const name = (field[1] ?? '').toLowerCase().replace(/\s+/g, ' ') as Field;
    const value = field[2] ?? '';
    if (!(FIELDS as readonly string[]).includes(name)) {
      problems.push({ file, line, message: `unknown paper field '${field[1]}' (known: ${FIELDS.join(', ')})` });
      continue;
    }
    lastField = name;
    if (value === '') continue;
    switch (name) {
      case 'slugs':
        current.slugs.push(...list(value).map((s) => normalizeKey(slugBase(s))).filter((s) => s !== ''));
        break;
      case 'aliases':
        current.aliases.push(...list(value));
        break;
      case 'first author':
        current.firstAuthor = value;
        break;
      case 'authors':
        current.authors = list(value);
        break;
      case 'venue':
        current.venue = value;
        break;
      case 'year': {
        const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
        if (Number.isNaN(year) || year < 1900 || year > 2100) problems.push({ file, line, message: `year must be a four-digit year, got '${value}'` });
        else current.year = year;
        break;
      }
      case 'topic':
        current.topic = value.toLowerCase();
        break;
      case 'idea':
        current.idea = value;
        break;
      case 'checked':
        break;
    }
  }
  finish();
  for (const paper of papers) {
    if (paper.authors.length === 0 && paper.firstAuthor) paper.authors = [paper.firstAuthor];
    if (!paper.firstAuthor && paper.authors[0]) paper.firstAuthor = paper.authors[0];
  }
  return { papers, problems };
}

/**
 * The declared paper a citation group means: one of its wikilink slugs is declared, or its
 * title matches a declared title or alias (allowing the extractor's small title variations).
 */
export function findDeclared<T extends Pick<DeclaredPaperEntry, 'key' | 'slugs' | 'aliases'>>(paper: Pick<Paper, 'key' | 'title' | 'slugs'>, declared: readonly T[]): T | null {
  const slugKeys = paper.slugs.map((s) => normalizeKey(slugBase(s)));
  for (const entry of declared) if (slugKeys.some((s) => entry.slugs.includes(s)) || entry.key === paper.key) return entry;
  const words = keyWords(paper.title);
  for (const entry of declared) {
    if (entry.aliases.some((a) => normalizeKey(a) === normalizeKey(paper.title))) return entry;
    if (words.length >= 3 && keysMatch(words, entry.key.split('_'))) return entry;
  }
  // The extractor sometimes keeps authors or a venue around the title ('Xu, Tao & Xu, "Multi-view
  // Intact Space Learning", IEEE'), or takes a model name plus authors for one ('MUFASA, Xu, So &
  // Dai'): a declared title inside the words, or an alias leading them, still identifies the paper.
  for (const entry of declared) {
    const titleWords = entry.key.split('_');
    if (titleWords.length >= 3 && containsRun(words, titleWords)) return entry;
    if (entry.aliases.some((a) => {
      const alias = keyWords(a);
      return alias.length > 0 && alias.join(' ').length >= 4 && containsRun(words.slice(0, alias.length), alias);
    })) return entry;
  }
  return null;
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

/** The target of a `[[wikilink]]` resolves to a declared paper by slug, title or alias. */
export function resolvesToPaper(target: string, declared: readonly Pick<DeclaredPaperEntry, 'key' | 'slugs' | 'aliases'>[]): boolean {
  const key = normalizeKey(slugBase(target));
  const human = normalizeKey(humanizeSlug(target));
  return declared.some((d) => d.key === key || d.slugs.includes(key) || d.key === human || d.aliases.some((a) => normalizeKey(a) === key));
}

/**
 * Declared papers a card's text mentions by full title (any case or punctuation) or by an alias
 * written as its own word with the same capitals ("CLIP", "PULSE"): the card concerns them even
 * when the citation is in a form the extractor does not read.
 */
export function papersMentioned(text: string, declared: readonly Pick<DeclaredPaperEntry, 'key' | 'aliases'>[]): string[] {
  return mentionFinder(declared)(text);
}

/**
 * papersMentioned for many texts against the same declared papers: titles are split and alias
 * patterns compiled once, a title is only tried where the text has its first word, and an
 * alias's pattern only runs when the alias is in the text at all.
 */
export function mentionFinder(declared: readonly Pick<DeclaredPaperEntry, 'key' | 'aliases'>[]): (text: string) => string[] {
  const entries = declared.map((entry) => ({
    key: entry.key,
    titleWords: entry.key.split('_'),
    aliases: entry.aliases.filter((a) => a.length >= 3)
      .map((a) => ({ text: a, pattern: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(a)}($|[^\\p{L}\\p{N}])`, 'u') })),
  }));
  const byFirstWord = new Map<string, typeof entries>();
  for (const entry of entries) {
    if (entry.titleWords.length < 3) continue;
    const first = entry.titleWords[0] ?? '';
    const list = byFirstWord.get(first);
    if (list) list.push(entry);
    else byFirstWord.set(first, [entry]);
  }
  const withAliases = entries.filter((e) => e.aliases.length > 0);
  return (text) => {
    const words = keyWords(text);
    const found = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      for (const entry of byFirstWord.get(words[i] ?? '') ?? []) if (!found.has(entry.key) && runAt(words, i, entry.titleWords)) found.add(entry.key);
    }
    for (const entry of withAliases) if (!found.has(entry.key) && entry.aliases.some((a) => text.includes(a.text) && a.pattern.test(text))) found.add(entry.key);
    // In declaration order, as each entry used to be tried in turn.
    return found.size === 0 ? [] : entries.filter((e) => found.has(e.key)).map((e) => e.key);
  };
}

function runAt(words: readonly string[], at: number, run: readonly string[]): boolean {
  if (at + run.length > words.length) return false;
  for (let j = 0; j < run.length; j++) if (words[at + j] !== run[j]) return false;
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

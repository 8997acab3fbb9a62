/**
 * `engram lint`: checks decks the way the importer will read them, without a database, so a
 * writer (or CI) finds every problem with its file and line before anyone reviews:
 * parse warnings, empty and duplicate cards (also across files), example paths that do not
 * resolve inside the note's folder, wikilinks that name neither a declared paper nor a note,
 * cards too long for a screen, and malformed papers notes.
 *
 * Parse warnings (an explicit card that cannot be made, ...) come from the parser itself, the
 * same list `engram import` prints, so the two never disagree. Every per-line check here reads a
 * line in linear time: lint must finish on any file the importer accepts, long lines included.
 */
import path from 'node:path';
import type { Problem } from '../core/index.js';
import { parseNote } from '../notes/index.js';
import { normalizeKey, parsePapersNote, resolvesToPaper, type DeclaredPaperEntry } from '../papers/index.js';
import { readExampleFile } from './example-files.js';
import { readNote, scanPaths } from './scan-files.js';

export const LINT_RULES = ['file', 'parse', 'example', 'wikilink', 'size', 'duplicate', 'papers'] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface LintFinding extends Problem {
  rule: LintRule;
}

export interface LintOptions {
  /** Longest side, in lines, that still fits a review screen. */
  maxLines?: number;
  /** Longest side, in characters. */
  maxChars?: number;
}

export interface LintReport {
  files: number;
  cards: number;
  papers: number;
  findings: LintFinding[];
}

export const DEFAULT_MAX_LINES = 16;
export const DEFAULT_MAX_CHARS = 1000;

// The inside stops at `[` too, so an unclosed `[[` scans only up to the next one, not to the end of the line.
const WIKILINK = /\[\[([^[\]|#\n]+)(?:[#|][^[\]\n]*)?\]\]/g;

interface Link {
  target: string;
  file: string;
  line: number;
}

/** Wikilinks outside code fences and inline code, with their lines. */
function scanLinks(text: string, file: string): Link[] {
  const links: Link[] = [];
  let fence: string | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (open) {
      const marker = open[1] ?? '';
      if (fence === null) fence = marker[0] ?? null;
      else if (marker[0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const prose = raw.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(WIKILINK)) links.push({ target: (m[1] ?? '').trim(), file, line: i + 1 });
  });
  return links;
}

function sideTooLong(text: string, maxLines: number, maxChars: number): string | null {
  const lines = text.split('\n').length;
  if (lines > maxLines) return `${lines} lines`;
  if (text.length > maxChars) return `${text.length} characters`;
  return null;
}

export function lintDecks(inputs: string[], options: LintOptions = {}): LintReport {
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const findings: LintFinding[] = [];
  const add = (rule: LintRule, problem: Problem): void => {
    findings.push({ file: problem.file, line: problem.line, message: problem.message, rule });
  };

  const scan = scanPaths(inputs);
  for (const error of scan.errors) add('file', error);
  const declared: DeclaredPaperEntry[] = [];
  const links: Link[] = [];
  const noteNames = new Set<string>();
  const firstSeen = new Map<string, { file: string; line: number }>();
  let cards = 0;

  for (const file of scan.files) {
    noteNames.add(normalizeKey(path.basename(file.path, path.extname(file.path))));
    const read = readNote(file.path);
    if (!read.ok) {
      add('file', { file: file.path, line: read.line, message: read.message });
      continue;
    }
    const { note, errors, warnings } = parseNote(read.text, file.path);
    if (!note) {
      for (const p of errors) add('parse', p);
      continue;
    }
    if (note.options['papers'] === true) {
      const papers = parsePapersNote(read.text, file.path);
      declared.push(...papers.papers);
      for (const p of papers.problems) add('papers', p);
      continue;
    }
    for (const p of warnings) add(p.message.startsWith('duplicate card') ? 'duplicate' : 'parse', p);
    links.push(...scanLinks(read.text, file.path));

    const checkedRefs = new Set<number>();
    for (const card of note.cards) {
      cards++;
      if (card.exampleFile && !checkedRefs.has(card.exampleFile.line)) {
        checkedRefs.add(card.exampleFile.line);
        const example = readExampleFile(card.exampleFile, file.path);
        if (!example.ok) add('example', { file: file.path, line: card.exampleFile.line, message: example.message });
      }
      for (const [side, text] of [['question', card.front], ['answer', card.back]] as const) {
        const long = sideTooLong(text, maxLines, maxChars);
        if (long) add('size', { file: file.path, line: card.line, message: `the card's ${side} is ${long}, over the limit of ${maxLines} lines / ${maxChars} characters; split it` });
      }
      const identity = `${card.kind}\u0000${card.front.replace(/\s+/g, ' ').toLowerCase()}\u0000${card.back.replace(/\s+/g, ' ').toLowerCase()}`;
      const first = firstSeen.get(identity);
      if (first && first.file !== file.path) {
        add('duplicate', { file: file.path, line: card.line, message: `duplicate card: the same question and answer as ${first.file}:${first.line}` });
      } else if (!first) firstSeen.set(identity, { file: file.path, line: card.line });
    }
  }

  for (const link of links) {
    if (resolvesToPaper(link.target, declared) || noteNames.has(normalizeKey(path.basename(link.target)))) continue;
    add('wikilink', { file: link.file, line: link.line, message: `[[${link.target}]] names no paper of a papers note and no note` });
  }

  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { files: scan.files.length, cards, papers: declared.length, findings };
}

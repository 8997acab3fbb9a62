/**
 * Typed answers (Anki's type-in): the learner types the answer, and it is compared word by word
 * with the card's expected answer. The result is a word-level diff (right words, wrong words
 * typed, expected words missing) and a suggested grade the learner confirms. Pure functions.
 *
 * The expected answer is the card's answer side up to its first blank line, with Markdown
 * formatting stripped (emphasis, code ticks, highlights, links and wikilinks keep their text,
 * `$…$` math its source). Whitespace never counts; by default neither do letter case, accents
 * or punctuation at the edges of words.
 */
import type { Grade } from '../core/index.js';

export interface TypeInOptions {
  /** `Paris` ≠ `paris` (default: case does not count). */
  caseSensitive?: boolean;
  /** `café` ≠ `cafe` (default: accents do not count). */
  accentSensitive?: boolean;
}

/** One word of the diff: `right` (typed as expected), `wrong` (typed, not expected), `missing` (expected, not typed). */
export interface TypeInWord {
  text: string;
  mark: 'right' | 'wrong' | 'missing';
}

export interface TypeInResult {
  /** The answer compared against (Markdown stripped). */
  expected: string;
  typed: string;
  /** Every expected word typed, nothing else. */
  correct: boolean;
  words: TypeInWord[];
  /** Expected words typed right, and how many words were expected. */
  right: number;
  total: number;
  suggested: Grade;
}

/** A right answer typed within this time suggests easy. */
export const TYPE_IN_FAST_MS = 10_000;

/** The part of a card's answer a typed answer is compared with: its first paragraph, Markdown stripped. */
export function expectedAnswer(back: string): string {
  const first = back.replace(/\r\n?/g, '\n').trim().split(/\n[ \t]*\n/)[0] ?? '';
  return stripMarkdown(first);
}

export function stripMarkdown(text: string): string {
  return text
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/!?\[\[([^\]|\n]*)\|([^\]\n]*)\]\]/g, '$2')
    .replace(/!?\[\[([^\]\n]*)\]\]/g, '$1')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/^#{1,6}[ \t]+/gm, '')
    .replace(/(\*\*|__|==|~~)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(\*|_)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/`+([^`\n]*)`+/g, '$1')
    .replace(/\$([^$\n]+)\$/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function comparable(word: string, options: TypeInOptions): string {
  let w = word.normalize('NFKC');
  if (!options.accentSensitive) w = w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  if (!options.caseSensitive) w = w.toLowerCase();
  // Punctuation at the edges of a word does not count ("Paris." is "Paris"), inside it does ("3.14").
  const core = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return core === '' ? w : core;
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Longest typed-expected alignment (LCS over words); answers are short, O(n·m) is fine up to the caps. */
const MAX_WORDS = 300;

export function compareTyped(typedText: string, back: string, options: TypeInOptions = {}, durationMs: number | null = null): TypeInResult {
  const expected = expectedAnswer(back);
  const want = wordsOf(expected).slice(0, MAX_WORDS);
  const got = wordsOf(typedText).slice(0, MAX_WORDS);
  const a = want.map((w) => comparable(w, options));
  const b = got.map((w) => comparable(w, options));
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const words: TypeInWord[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      words.push({ text: got[j]!, mark: 'right' });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      words.push({ text: got[j]!, mark: 'wrong' });
      j++;
    } else {
      words.push({ text: want[i]!, mark: 'missing' });
      i++;
    }
  }
  const right = words.filter((w) => w.mark === 'right').length;
  const wrong = words.filter((w) => w.mark === 'wrong').length;
  const correct = n > 0 && right === n && wrong === 0;
  return { expected, typed: typedText, correct, words, right, total: n, suggested: suggestTypedGrade({ correct, right, total: n, wrong, durationMs }) };
}

/**
 * Right → good (easy when typed within 10 s); nearly right (at most one word wrong or missing in
 * an answer of four words or more) → hard; anything else → again.
 */
export function suggestTypedGrade(r: { correct: boolean; right: number; total: number; wrong: number; durationMs: number | null }): Grade {
  if (r.correct) return r.durationMs !== null && r.durationMs <= TYPE_IN_FAST_MS ? 'easy' : 'good';
  const off = Math.max(r.total - r.right, r.wrong);
  if (r.total >= 4 && off <= 1) return 'hard';
  return 'again';
}

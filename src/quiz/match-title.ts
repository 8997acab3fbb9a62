/**
 * Grades a typed title. The user may type the title, its short title (before the colon) or an
 * alias, with small typos: the allowance grows with the length of the name (none for a short
 * alias like "TFN"). An answer is only accepted when the closest name of any paper belongs to
 * the paper asked about, so another paper's title is never accepted, however similar.
 */
import { distance } from 'fastest-levenshtein';
import { normalizeAnswer, shortTitle } from './normalize.js';
import type { Match, QuizPaper } from './types.js';

/** Names a paper answers to, normalised, without duplicates or empties. */
export function namesOf(paper: QuizPaper): string[] {
  const names = [paper.title, shortTitle(paper.title), ...paper.aliases].filter((n): n is string => Boolean(n));
  return [...new Set(names.map(normalizeAnswer).filter(Boolean))];
}

/** Typos allowed against a name of this (normalised) length: about one per eight characters, none up to five. */
export function typoAllowance(length: number): number {
  return length <= 5 ? 0 : Math.ceil(length / 8);
}

export function matchTitle(typed: string, answer: QuizPaper, pool: readonly QuizPaper[]): Match {
  const text = normalizeAnswer(typed);
  if (!text) return 'wrong';
  const own = closestName(text, answer);
  if (own.distance === 0) return 'exact';
  if (own.distance > typoAllowance(own.name.length)) return 'wrong';
  // Within a typo of one of its names: still wrong if another paper's name is as close or closer.
  for (const other of pool) {
    if (other.key === answer.key) continue;
    if (closestName(text, other).distance <= own.distance) return 'wrong';
  }
  return 'typo';
}

function closestName(text: string, paper: QuizPaper): { name: string; distance: number } {
  let best = { name: '', distance: Number.POSITIVE_INFINITY };
  for (const name of namesOf(paper)) {
    const d = distance(text, name);
    if (d < best.distance) best = { name, distance: d };
  }
  return best;
}

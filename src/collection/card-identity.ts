/**
 * Matching re-imported cards to the cards already stored, so that history survives edits.
 * Conservative by design: a wrong match silently moves history onto a different fact, so a
 * fuzzy match needs the same kind, a close question, and to be clearly the best candidate.
 *
 * Near-linear: the strict rounds look cards up by their exact normalized text, so only the
 * few cards left after them (the edited ones) are compared fuzzily, and each of those only
 * with stored cards whose question is close enough in length to reach the threshold.
 */
import { distance } from 'fastest-levenshtein';
import type { Card, ParsedCard } from '../core/index.js';

/** Text with formatting and whitespace differences removed, for comparing card sides. */
export function normalizeSide(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`~=]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - distance(a, b) / longest;
}

export type MatchHow = 'exact' | 'same-question' | 'same-answer' | 'fuzzy';

export interface Match {
  parsedIndex: number;
  card: Card;
  how: MatchHow;
}

/** Work done by one matching, for tests and benchmarks. */
export interface MatchStats {
  /** Stored cards looked at as candidates in the strict rounds (exact, same question, same answer). */
  candidates: number;
  /** Card pairs compared by edit distance in the fuzzy round. */
  fuzzyComparisons: number;
}

const FUZZY_FRONT = 0.8;
const FUZZY_MARGIN = 0.05;
const MIN_ANSWER_FOR_RELINK = 20;

interface Stored {
  card: Card;
  /** Position in `existing`: ties between equally good candidates go to the earlier card. */
  order: number;
  front: string;
  back: string;
}

/**
 * Pairs parsed cards with existing cards of the same note. Each existing card is used at
 * most once. Rounds go from strict to loose: exact text, same question (edited answer),
 * then a fuzzy question under the same heading or with a similar answer.
 */
export function matchCards(parsed: ParsedCard[], existing: Card[], stats?: MatchStats): Match[] {
  // A new note (a first import) has nothing to match: no side is normalised.
  if (existing.length === 0 || parsed.length === 0) return [];
  const matches: Match[] = [];
  const used = new Set<number>();
  const matchedParsed = new Set<number>();
  const stored: Stored[] = existing.map((c, order) => ({ card: c, order, front: normalizeSide(c.front), back: normalizeSide(c.back) }));
  const parsedNorm = parsed.map((p) => ({ front: normalizeSide(p.front), back: normalizeSide(p.back) }));

  const take = (i: number, e: Stored, how: MatchHow) => {
    used.add(e.card.id);
    matchedParsed.add(i);
    matches.push({ parsedIndex: i, card: e.card, how });
  };

  /** One strict round: candidates come from an index keyed by kind and text, never from a scan. */
  const round = (how: MatchHow, keyOfStored: (e: Stored) => string | null, keyOfParsed: (i: number) => string | null, fits: (i: number, e: Stored) => boolean) => {
    const index = new Map<string, Stored[]>();
    for (const e of stored) {
      if (used.has(e.card.id)) continue;
      const key = keyOfStored(e);
      if (key === null) continue;
      const bucket = index.get(key);
      if (bucket) bucket.push(e);
      else index.set(key, [e]);
    }
    parsed.forEach((p, i) => {
      if (matchedParsed.has(i)) return;
      const key = keyOfParsed(i);
      if (key === null) return;
      const bucket = index.get(key);
      if (!bucket) return;
      // Prefer live cards over retired ones, then the nearest line.
      let best: Stored | null = null;
      for (const e of bucket) {
        if (stats) stats.candidates++;
        if (used.has(e.card.id) || !fits(i, e)) continue;
        if (!best || preferred(e, best, p)) best = e;
      }
      if (best) take(i, best, how);
    });
  };

  const kindKey = (kind: string, text: string) => `${kind}\u0000${text}`;
  round('exact', (e) => kindKey(e.card.kind, `${e.front}\u0000${e.back}`), (i) => kindKey(parsed[i]!.kind, `${parsedNorm[i]!.front}\u0000${parsedNorm[i]!.back}`), () => true);
  round('same-question', (e) => kindKey(e.card.kind, e.front), (i) => kindKey(parsed[i]!.kind, parsedNorm[i]!.front), () => true);
  // A renamed heading or term changes the question of a card whose answer stayed the same.
  round('same-answer',
    (e) => (e.back.length >= MIN_ANSWER_FOR_RELINK ? kindKey(e.card.kind, e.back) : null),
    (i) => (parsedNorm[i]!.back.length >= MIN_ANSWER_FOR_RELINK ? kindKey(parsed[i]!.kind, parsedNorm[i]!.back) : null),
    (i, e) => similarity(e.front, parsedNorm[i]!.front) >= 0.5);

  // Fuzzy: score the remaining pairs, accept only clear winners. A question can reach the
  // threshold only against one of similar length (the edit distance is at least the length
  // difference), so candidates are looked up by length among the cards still unmatched.
  const byKind = new Map<string, Stored[]>();
  for (const e of stored) {
    if (used.has(e.card.id)) continue;
    const list = byKind.get(e.card.kind);
    if (list) list.push(e);
    else byKind.set(e.card.kind, [e]);
  }
  const byLength = new Map([...byKind].map(([kind, list]) => [kind, [...list].sort((a, b) => a.front.length - b.front.length)]));
  parsed.forEach((p, i) => {
    if (matchedParsed.has(i)) return;
    const pool = byLength.get(p.kind);
    if (!pool) return;
    const front = parsedNorm[i]!.front;
    // Lengths a and b can reach the threshold only if |a - b| <= (1 - FUZZY_FRONT) * max(a, b); one more for rounding.
    const low = Math.floor(front.length * FUZZY_FRONT) - 1;
    const high = Math.ceil(front.length / FUZZY_FRONT) + 1;
    const scored: Array<{ e: Stored; score: number }> = [];
    for (let k = firstAtLeast(pool, low); k < pool.length && pool[k]!.front.length <= high; k++) {
      const e = pool[k]!;
      if (used.has(e.card.id)) continue;
      if (stats) stats.fuzzyComparisons++;
      const frontSim = similarity(e.front, front);
      if (frontSim < FUZZY_FRONT) continue;
      const back = similarity(e.back, parsedNorm[i]!.back);
      const sameHeading = lastHeading(e.card.breadcrumb) === lastHeading(p.breadcrumb);
      if (!sameHeading && back < FUZZY_FRONT) continue;
      scored.push({ e, score: frontSim + back / 2 });
    }
    scored.sort((a, b) => b.score - a.score || a.e.order - b.e.order);
    const [best, second] = scored;
    if (!best) return;
    if (second && best.score - second.score < FUZZY_MARGIN) return;
    take(i, best.e, 'fuzzy');
  });
  return matches;
}

/** Whether `a` is a better strict-round candidate than `b` for the parsed card: live first, then nearest line, then earlier. */
function preferred(a: Stored, b: Stored, parsed: ParsedCard): boolean {
  const retired = Number(a.card.retired) - Number(b.card.retired);
  if (retired !== 0) return retired < 0;
  const lines = lineDistance(a.card, parsed) - lineDistance(b.card, parsed);
  if (lines !== 0) return lines < 0;
  return a.order < b.order;
}

/** Index of the first card in `pool` (sorted by question length) whose question is at least `length` long. */
function firstAtLeast(pool: Stored[], length: number): number {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool[mid]!.front.length < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lineDistance(card: Card, parsed: ParsedCard): number {
  return Math.abs((card.source?.line ?? 0) - parsed.line);
}

function lastHeading(breadcrumb: string[]): string {
  return breadcrumb[breadcrumb.length - 1] ?? '';
}

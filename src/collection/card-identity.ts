/**
 * Matching re-imported cards to the cards already stored, so that history survives edits.
 * Conservative by design: a wrong match silently moves history onto a different fact, so a
 * fuzzy match needs the same kind, a close question, and to be clearly the best candidate.
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

const FUZZY_FRONT = 0.8;
const FUZZY_MARGIN = 0.05;
const MIN_ANSWER_FOR_RELINK = 20;

/**
 * Pairs parsed cards with existing cards of the same note. Each existing card is used at
 * most once. Rounds go from strict to loose: exact text, same question (edited answer),
 * then a fuzzy question under the same heading or with a similar answer.
 */
export function matchCards(parsed: ParsedCard[], existing: Card[]): Match[] {
  const matches: Match[] = [];
  const usedExisting = new Set<number>();
  const matchedParsed = new Set<number>();
  const norm = existing.map((c) => ({ card: c, front: normalizeSide(c.front), back: normalizeSide(c.back) }));
  const parsedNorm = parsed.map((p) => ({ front: normalizeSide(p.front), back: normalizeSide(p.back) }));

  const round = (how: MatchHow, fits: (p: number, e: (typeof norm)[number]) => boolean) => {
    parsed.forEach((p, i) => {
      if (matchedParsed.has(i)) return;
      // Prefer live cards over retired ones, then the nearest line.
      const candidates = norm
        .filter((e) => !usedExisting.has(e.card.id) && sameKindFamily(e.card.kind, p.kind) && fits(i, e))
        .sort((a, b) => Number(a.card.retired) - Number(b.card.retired) || lineDistance(a.card, p) - lineDistance(b.card, p));
      const best = candidates[0];
      if (!best) return;
      usedExisting.add(best.card.id);
      matchedParsed.add(i);
      matches.push({ parsedIndex: i, card: best.card, how });
    });
  };

  round('exact', (i, e) => e.front === parsedNorm[i]!.front && e.back === parsedNorm[i]!.back);
  round('same-question', (i, e) => e.front === parsedNorm[i]!.front);
  // A renamed heading or term changes the question of a card whose answer stayed the same.
  round('same-answer', (i, e) =>
    e.back === parsedNorm[i]!.back && e.back.length >= MIN_ANSWER_FOR_RELINK && similarity(e.front, parsedNorm[i]!.front) >= 0.5);

  // Fuzzy: score every remaining pair, accept only clear winners.
  parsed.forEach((p, i) => {
    if (matchedParsed.has(i)) return;
    const scored = norm
      .filter((e) => !usedExisting.has(e.card.id) && sameKindFamily(e.card.kind, p.kind))
      .map((e) => {
        const front = similarity(e.front, parsedNorm[i]!.front);
        const back = similarity(e.back, parsedNorm[i]!.back);
        const sameHeading = lastHeading(e.card.breadcrumb) === lastHeading(p.breadcrumb);
        const ok = front >= FUZZY_FRONT && (sameHeading || back >= FUZZY_FRONT);
        return { e, score: front + back / 2, ok };
      })
      .filter((s) => s.ok)
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (!best) return;
    if (second && best.score - second.score < FUZZY_MARGIN) return;
    usedExisting.add(best.e.card.id);
    matchedParsed.add(i);
    matches.push({ parsedIndex: i, card: best.e.card, how: 'fuzzy' });
  });
  return matches;
}

function sameKindFamily(a: string, b: string): boolean {
  return a === b;
}

function lineDistance(card: Card, parsed: ParsedCard): number {
  return Math.abs((card.source?.line ?? 0) - parsed.line);
}

function lastHeading(breadcrumb: string[]): string {
  return breadcrumb[breadcrumb.length - 1] ?? '';
}

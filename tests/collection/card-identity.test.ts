/**
 * Card identity across re-imports: the rules (exact, same question, same answer, fuzzy with a
 * clear margin), agreement with the plain all-pairs definition of those rules on random edits,
 * and that matching stays near-linear (only the edited cards are compared fuzzily).
 */
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { matchCards, normalizeSide, similarity, type Match, type MatchStats } from '../../src/collection/card-identity.js';
import type { Card, CardKind, ParsedCard } from '../../src/core/index.js';
import { prng } from '../helpers/prng.js';

function parsedCard(front: string, back: string, line: number, extra: Partial<ParsedCard> = {}): ParsedCard {
  return {
    front, back, kind: 'basic', line, endLine: line, breadcrumb: ['Note', 'Section'], itemKey: `k${line}`, tags: [],
    origin: 'explicit', confidence: 1, ...extra,
  };
}

function storedCard(id: number, front: string, back: string, line: number, extra: Partial<Card> = {}): Card {
  return {
    id, deckId: 1, deck: 'D', noteId: 1, kind: 'basic', front, back, source: { file: 'n.md', line }, breadcrumb: ['Note', 'Section'],
    itemKey: `n.md#k${line}`, tags: [], retired: false, suspended: false, buriedUntil: 0, seenFront: null, seenBack: null,
    memory: { state: 'new', due: 0, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null },
    ...extra,
  } as Card;
}

const pairs = (matches: Match[]) => matches.map((m) => [m.parsedIndex, m.card.id, m.how]).sort((a, b) => Number(a[0]) - Number(b[0]));

describe('card identity rules', () => {
  it('matches exact text, then the same question, then the same answer, then a clear fuzzy winner', () => {
    const existing = [
      storedCard(1, 'What is the first fact?', 'The first answer.', 3),
      storedCard(2, 'What is the second fact?', 'The second answer.', 5),
      storedCard(3, 'Tensor fusion', 'The outer product of the two extended vectors', 7),
      storedCard(4, 'What is the capital of France?', 'Paris', 9),
    ];
    const parsed = [
      parsedCard('What is the **first** fact?', 'The first  answer.', 3),
      parsedCard('What is the second fact?', 'The second answer, now longer.', 5),
      parsedCard('Tensor fusion network', 'The outer product of the two extended vectors', 7),
      parsedCard('What is the captial of France?', 'Paris', 9),
    ];
    expect(pairs(matchCards(parsed, existing))).toEqual([
      [0, 1, 'exact'], [1, 2, 'same-question'], [2, 3, 'same-answer'], [3, 4, 'fuzzy'],
    ]);
  });

  it('leaves a fuzzy match alone when two stored cards are about as close, or the kind differs', () => {
    const twins = [storedCard(1, 'What is fact number 1?', 'One', 1), storedCard(2, 'What is fact number 2?', 'One', 2)];
    expect(matchCards([parsedCard('What is fact number 3?', 'One', 3)], twins)).toEqual([]);
    const cloze = [storedCard(1, 'What is the capital of France?', 'Paris', 1, { kind: 'cloze' as CardKind })];
    expect(matchCards([parsedCard('What is the captial of France?', 'Paris', 1)], cloze)).toEqual([]);
  });

  it('prefers a live card to a retired one with the same text, then the nearest line', () => {
    const existing = [
      storedCard(1, 'Q?', 'A.', 10, { retired: true }),
      storedCard(2, 'Q?', 'A.', 50),
      storedCard(3, 'Q?', 'A.', 12),
    ];
    expect(pairs(matchCards([parsedCard('Q?', 'A.', 11)], existing))).toEqual([[0, 3, 'exact']]);
  });
});

/** The rules written as plainly as possible: every round scans every stored card (the definition, quadratic). */
function referenceMatch(parsed: ParsedCard[], existing: Card[]): Match[] {
  const matches: Match[] = [];
  const used = new Set<number>();
  const done = new Set<number>();
  const norm = existing.map((c) => ({ card: c, front: normalizeSide(c.front), back: normalizeSide(c.back) }));
  const pn = parsed.map((p) => ({ front: normalizeSide(p.front), back: normalizeSide(p.back) }));
  const line = (c: Card, p: ParsedCard) => Math.abs((c.source?.line ?? 0) - p.line);
  const round = (how: Match['how'], fits: (i: number, e: (typeof norm)[number]) => boolean) => {
    parsed.forEach((p, i) => {
      if (done.has(i)) return;
      const best = norm.filter((e) => !used.has(e.card.id) && e.card.kind === p.kind && fits(i, e))
        .sort((a, b) => Number(a.card.retired) - Number(b.card.retired) || line(a.card, p) - line(b.card, p))[0];
      if (!best) return;
      used.add(best.card.id); done.add(i); matches.push({ parsedIndex: i, card: best.card, how });
    });
  };
  round('exact', (i, e) => e.front === pn[i]!.front && e.back === pn[i]!.back);
  round('same-question', (i, e) => e.front === pn[i]!.front);
  round('same-answer', (i, e) => e.back === pn[i]!.back && e.back.length >= 20 && similarity(e.front, pn[i]!.front) >= 0.5);
  parsed.forEach((p, i) => {
    if (done.has(i)) return;
    const scored = norm.filter((e) => !used.has(e.card.id) && e.card.kind === p.kind).map((e) => {
      const front = similarity(e.front, pn[i]!.front);
      const back = similarity(e.back, pn[i]!.back);
      const heading = e.card.breadcrumb.at(-1) === p.breadcrumb.at(-1);
      return { e, score: front + back / 2, ok: front >= 0.8 && (heading || back >= 0.8) };
    }).filter((s) => s.ok).sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (!best || (second && best.score - second.score < 0.05)) return;
    used.add(best.e.card.id); done.add(i); matches.push({ parsedIndex: i, card: best.e.card, how: 'fuzzy' });
  });
  return matches;
}

describe('matching agrees with the plain definition of the rules', () => {
  it('on random notes with random edits (typos, rewrites, moves, deletions, duplicates, retired cards)', () => {
    const rand = prng(12);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const words = ['fusion', 'tensor', 'alignment', 'the', 'of', 'attention', 'vector', 'model', 'a', 'loss', 'why', 'what'];
    const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
    const typo = (s: string) => {
      if (s.length < 2) return `${s}x`;
      const at = Math.floor(rand() * s.length);
      return `${s.slice(0, at)}${pick(['x', '', 'ee'])}${s.slice(at + 1)}`;
    };
    for (let trial = 0; trial < 150; trial++) {
      const count = 1 + Math.floor(rand() * 25);
      const existing = Array.from({ length: count }, (_, k) => storedCard(k + 1, `${sentence(2 + Math.floor(rand() * 6))}?`, sentence(1 + Math.floor(rand() * 8)), k * 2 + 1, {
        kind: rand() < 0.8 ? 'basic' : 'cloze', retired: rand() < 0.15, breadcrumb: ['N', pick(['A', 'B'])],
      }));
      const parsed: ParsedCard[] = [];
      for (const card of existing) {
        const r = rand();
        if (r < 0.1) continue;
        let front = card.front;
        let back = card.back;
        if (r < 0.3) front = typo(front);
        else if (r < 0.45) back = sentence(3);
        else if (r < 0.55) front = sentence(4);
        else if (r < 0.6) front = typo(typo(front));
        parsed.push(parsedCard(front, back, Math.floor(rand() * count * 2) + 1, { kind: card.kind, breadcrumb: rand() < 0.8 ? card.breadcrumb : ['N', 'C'] }));
      }
      for (let extra = Math.floor(rand() * 4); extra > 0; extra--) parsed.push(parsedCard(`${sentence(3)}?`, sentence(2), Math.floor(rand() * 40)));
      parsed.sort(() => rand() - 0.5);
      expect(pairs(matchCards(parsed, existing)), `trial ${trial}`).toEqual(pairs(referenceMatch(parsed, existing)));
    }
  });
});

describe('matching is near-linear', () => {
  /** A note of n cards with one question edited (a typo), as re-imported. */
  function editedNote(n: number) {
    const existing = Array.from({ length: n }, (_, k) => storedCard(k + 1, `What is fact ${k} of this long note?`, `It is the value ${k * 7}.`, k + 1));
    const parsed = existing.map((c) => parsedCard(c.front, c.back, c.source!.line));
    const edited = Math.floor(n / 2);
    parsed[edited] = parsedCard(`What is fakt ${edited} of this long note?`, existing[edited]!.back, edited + 1);
    return { existing, parsed, edited };
  }

  it('compares only the edited card fuzzily, however big the note', () => {
    for (const n of [5_000, 20_000]) {
      const { existing, parsed, edited } = editedNote(n);
      const stats: MatchStats = { candidates: 0, fuzzyComparisons: 0 };
      const matches = matchCards(parsed, existing, stats);
      expect(matches).toHaveLength(n);
      expect(matches.find((m) => m.parsedIndex === edited)).toMatchObject({ how: 'same-answer' });
      // The typo'd question with a new answer too goes to the fuzzy round: still only one candidate left.
      const rewritten = parsed.slice();
      rewritten[edited] = parsedCard(`What is fakt ${edited} of this long note?`, 'It is a different value now.', edited + 1);
      const fuzzyStats: MatchStats = { candidates: 0, fuzzyComparisons: 0 };
      const again = matchCards(rewritten, existing, fuzzyStats);
      expect(again.find((m) => m.parsedIndex === edited)).toMatchObject({ how: 'fuzzy', card: { id: edited + 1 } });
      expect(fuzzyStats.fuzzyComparisons).toBeGreaterThan(0);
      expect(fuzzyStats.fuzzyComparisons).toBeLessThanOrEqual(2);
    }
  });

  it('looks at a bounded number of candidates per card in the strict rounds', () => {
    for (const n of [5_000, 20_000]) {
      const { existing, parsed } = editedNote(n);
      const stats: MatchStats = { candidates: 0, fuzzyComparisons: 0 };
      expect(matchCards(parsed, existing, stats)).toHaveLength(n);
      // Each card is found by its exact text (one candidate); the edited one by its answer.
      expect(stats.candidates).toBeGreaterThanOrEqual(n);
      expect(stats.candidates).toBeLessThanOrEqual(n + 2);
    }
  });
});

// distance is used by the reference through similarity; keep the import honest.
void distance;

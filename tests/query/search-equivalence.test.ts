/**
 * The FTS5 path gives the answers of the simple one: on a random collection, every text query
 * (words, prefixes, accents, case, negation, or) selects exactly the cards a plain scan in
 * JavaScript selects (fold case and accents, split into words, a word matches words starting
 * with it), also after edits that the triggers must carry into the index.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

const t = useTempCollection(Date.parse('2026-12-01T12:00:00Z'));

const VOCAB = ['fusion', 'Fusión', 'tensor', 'TENSORS', 'café', 'cafe', 'crème', 'naïve', 'Bayes', 'bayesian', 'graph', 'graphs', 'über', 'uber', 'straße', 'mitochondria', 'lattice', 'x2', '42'];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function matchesWord(card: Card, term: string): boolean {
  const w = words(term)[0]!;
  return [...words(card.front), ...words(card.back)].some((x) => x.startsWith(w));
}

describe('text search: FTS index = plain scan', () => {
  it('random collections and random queries agree, before and after edits', () => {
    const random = prng(20261201);
    const pick = () => VOCAB[Math.floor(random() * VOCAB.length)]!;
    const sentence = () => Array.from({ length: 1 + Math.floor(random() * 5) }, pick).join(random() < 0.3 ? ', ' : ' ');
    const col = t.col();
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) ids.push(col.addCard(`deck${i % 3}`, sentence(), sentence()).id);

    let nonEmpty = 0;
    let partial = 0;
    const check = (round: number) => {
      const all = col.findCards('').cards;
      for (let q = 0; q < 60; q++) {
        const a = pick();
        const b = pick();
        const prefix = a.slice(0, Math.max(2, Math.floor(random() * a.length)));
        const cases: Array<[string, (c: Card) => boolean]> = [
          [a, (c) => matchesWord(c, a)],
          [prefix, (c) => matchesWord(c, prefix)],
          [`${a} ${b}`, (c) => matchesWord(c, a) && matchesWord(c, b)],
          [`${a} or ${b}`, (c) => matchesWord(c, a) || matchesWord(c, b)],
          [`-${a}`, (c) => !matchesWord(c, a)],
          [`front:${a}`, (c) => words(c.front).some((x) => x.startsWith(words(a)[0]!))],
        ];
        for (const [query, reference] of cases) {
          const got = col.findCards(query).cards.map((c) => c.id);
          const want = all.filter(reference).map((c) => c.id);
          expect(got, `round ${round}: ${query}`).toEqual(want);
          if (got.length > 0) nonEmpty++;
          if (got.length > 0 && got.length < all.length) partial++;
        }
      }
    };
    check(1);
    for (let i = 0; i < 60; i++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      col.store.updateCardContent(id, { ...col.getCard(id), front: sentence(), back: sentence() }, Date.now());
    }
    check(2);
    // the comparison is not vacuous: most queries select some cards but not all
    expect(nonEmpty).toBeGreaterThan(400);
    expect(partial).toBeGreaterThan(400);
  });
});

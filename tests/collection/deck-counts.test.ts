/**
 * `engram decks` counts each deck from the indexes and the counts the store keeps (migration
 * 10), without building any deck's queue. On random collections (nested decks, limits, rollover
 * hours, siblings, suspended, buried, retired, suggestions, paper cards, answers today and
 * before) its numbers must equal the simple computations: the deckStats query over every card,
 * and the queue `engram due --deck` builds for the deck and its sub-decks.
 */
import { describe, expect, it } from 'vitest';
import { DAY, setNow } from '../../src/core/index.js';
import { newMemory } from '../../src/scheduler/index.js';
import { flattenTree, type Collection } from '../../src/collection/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);
const DECKS = ['a', 'a::b', 'a::b::c', 'a::d', 'e', 'f::g', 'f::h'];
const GRADES = ['again', 'hard', 'good', 'easy'] as const;

function randomCollection(col: Collection, seed: number): void {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const decks = DECKS.filter(() => rnd() < 0.75);
  if (decks.length === 0) decks.push('e');
  const ids: number[] = [];
  const addCards = (n: number, time: number) => col.store.transaction(() => {
    for (let i = 0; i < n; i++) {
      const deckId = col.ensureDeck(pick(decks));
      // Siblings (one note item, several cards) now and then.
      const item = rnd() < 0.5 ? `anki:${Math.floor(rnd() * 6)}:${Math.floor(rnd() * 3)}` : `item:${ids.length}`;
      ids.push(col.store.insertCard({
        deckId, noteId: null, kind: rnd() < 0.05 ? 'paper' : 'manual', front: `q${ids.length}`, back: 'a', source: null, breadcrumb: [],
        itemKey: item, tags: [], memory: newMemory(time), createdAt: time, status: rnd() < 0.08 ? 'suggested' : 'accepted',
      }));
    }
  });
  addCards(40, NOW - 40 * DAY);
  // Folded into the counts the store keeps (migration 13): from here on the triggers keep these
  // cards' classes, while the cards added later stay in the tail the counts read from the table.
  col.store.transactionWithSearchIndexDeferred(() => undefined);
  for (const deck of decks) {
    if (rnd() < 0.7) col.setOption(deck, 'newPerDay', String(Math.floor(rnd() * 12)));
    // Long steps leave learning cards due later today or after the deck's day ends.
    if (rnd() < 0.6) col.setOption(deck, 'learningSteps', pick(['1m 10m', '6h 1d', '12h', '20h']));
    if (rnd() < 0.7) col.setOption(deck, 'reviewsPerDay', String(Math.floor(rnd() * 8)));
    if (rnd() < 0.4) col.setOption(deck, 'rolloverHour', String(pick([0, 4, 10, 23])));
  }
  // History: answers over the last weeks, then some today (they count against today's limits).
  for (let t = NOW - 30 * DAY; t < NOW; t += Math.floor(rnd() * 3 * DAY) + 3_600_000) {
    setNow(t);
    for (const id of ids) if (rnd() < 0.1) tryAnswer(col, id, pick(GRADES));
  }
  addCards(30, NOW - DAY);
  setNow(NOW - 2 * 3_600_000);
  for (const id of ids) if (rnd() < 0.15) tryAnswer(col, id, pick(GRADES));
  setNow(NOW);
  for (const id of ids) {
    const r = rnd();
    if (r < 0.06) col.suspend(id, true);
    else if (r < 0.12) tryBury(col, id);
    else if (r < 0.15) col.store.retireCard(id, NOW);
  }
}

function tryAnswer(col: Collection, id: number, grade: (typeof GRADES)[number]): void {
  const card = col.getCard(id);
  if (card.retired || card.suspended || card.status !== 'accepted') return;
  col.answer(id, grade);
}

function tryBury(col: Collection, id: number): void {
  if (!col.getCard(id).retired) col.bury(id);
}

describe('engram decks counts, from the indexes', () => {
  it.each([1, 2, 3, 4, 5, 6])('equal the deckStats query and the queue of every deck and sub-tree (random collection %i)', (seed) => {
    {
      const col = temp.col();
      randomCollection(col, seed * 7919);
      const flat = col.decks();
      // Totals: the old per-card query.
      for (const d of col.store.deckStats()) {
        const mine = flat.find((x) => x.name === d.name)!;
        expect({ seed, ...mine, dueToday: 0 }).toEqual({
          seed, name: d.name, total: d.total, new: d.new, learning: d.learning, dueToday: 0, suspended: d.suspended, quizCards: d.quiz, suggestions: d.suggestions,
        });
      }
      // Due today: what `engram due --deck NODE` counts and lists, and what the review starts with, for every node of the tree.
      for (const { node } of flattenTree(col.deckTree())) {
        const { cards, counts } = col.queue(node.name);
        const session = col.sessionQueue(node.name);
        expect({ seed, deck: node.name, due: node.dueToday }).toEqual({ seed, deck: node.name, due: counts.new + counts.learning + counts.review });
        expect({ seed, deck: node.name, review: session.main.length + session.learning.length }).toEqual({ seed, deck: node.name, review: node.dueToday });
        expect(cards.length).toBeLessThanOrEqual(node.dueToday);
      }
    }
  });
});

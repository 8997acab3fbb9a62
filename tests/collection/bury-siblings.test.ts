/**
 * An answer buries its card's siblings, found by two seeks on the deck's item keys (the key
 * itself; an Anki note's `anki:<nid>:` range). On random collections the buried cards must be
 * exactly the ones the rule picks from every card: same deck and note item, another card,
 * live, not suspended, new or review, accepted, not already buried past the next day.
 */
import { describe, expect, it } from 'vitest';
import { nextDayStart, setNow, siblingKeyOf } from '../../src/core/index.js';
import { newMemory } from '../../src/scheduler/index.js';
import type { Collection } from '../../src/collection/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);
// Prefix traps: anki:7 and anki:70 are different notes; `anki:7` alone and `item:x` match only themselves.
const KEYS = ['anki:7:0', 'anki:7:1', 'anki:7:2', 'anki:70:0', 'anki:70:1', 'anki:7', 'anki:77:0', 'item:a', 'item:a:0', 'item:b'];

function fill(col: Collection, seed: number): number[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const ids: number[] = [];
  col.store.transaction(() => {
    for (let i = 0; i < 60; i++) {
      ids.push(col.store.insertCard({
        deckId: col.ensureDeck(pick(['x', 'y'])), noteId: null, kind: 'manual', front: `q${i}`, back: 'a', source: null, breadcrumb: [],
        itemKey: pick(KEYS), tags: [], memory: newMemory(NOW - 5 * 86_400_000), createdAt: NOW, status: rnd() < 0.1 ? 'suggested' : 'accepted',
      }));
    }
  });
  for (const id of ids) {
    const r = rnd();
    if (r < 0.1) col.suspend(id, true);
    else if (r < 0.15) col.store.retireCard(id, NOW);
  }
  return ids;
}

describe('burying siblings on answer', () => {
  it.each([1, 2, 3, 4])('buries exactly the siblings the rule picks (random collection %i)', (seed) => {
    const col = temp.col();
    const ids = fill(col, seed);
    let answered = 0;
    for (const id of ids) {
      const card = col.getCard(id);
      if (card.retired || card.suspended || card.status !== 'accepted') continue;
      const until = nextDayStart(NOW, col.deckOptions(card.deckId).rolloverHour);
      const group = siblingKeyOf(card.itemKey);
      const sameItem = (key: string) => key === card.itemKey || (group !== card.itemKey && key.startsWith(`${group}:`));
      const expected = ids.map((other) => col.getCard(other)).filter((c) => c.id !== card.id && c.deckId === card.deckId && sameItem(c.itemKey)
        && !c.retired && !c.suspended && (c.memory.state === 'new' || c.memory.state === 'review')
        && c.buriedUntil < until && c.status === 'accepted').map((c) => c.id);
      setNow(NOW + answered++ * 1000);
      expect(col.answer(id, 'good').buriedIds.sort((a, b) => a - b)).toEqual(expected);
      for (const b of expected) expect(col.getCard(b).buriedUntil).toBe(until);
    }
    expect(answered).toBeGreaterThan(20);
  });
});

describe('siblingKeyOf', () => {
  it('gives what the anki:NOTE:ORD pattern alone gives (the prefix test is only a shortcut)', () => {
    const byPattern = (key: string) => /^(anki:\d+):\d+$/.exec(key)?.[1] ?? key;
    const rnd = prng(11);
    const parts = ['anki', 'anki:', ':', '7', '70', 'x', '0', 'Anki', ' ', 'item'];
    const keys = [...KEYS, '', 'anki:', 'anki::', 'anki:1:', 'anki:1:2:3', 'ANKI:1:2', ' anki:1:2', 'anki:1:2 '];
    for (let i = 0; i < 2000; i++) keys.push(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => parts[Math.floor(rnd() * parts.length)]).join(''));
    for (const key of keys) expect([key, siblingKeyOf(key)]).toEqual([key, byPattern(key)]);
  });
});

/**
 * Today's new cards are one per note item, up to the deck's limit, picked from its first
 * `limit * 3 + 10` new cards. They are read in two steps (the first `limit + 10`, then all of
 * them only when siblings were dropped): the queue and `engram decks` must pick the same cards
 * as one read of all of them would.
 */
import { describe, expect, it } from 'vitest';
import { newMemory } from '../../src/scheduler/index.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);

describe("today's new cards with many siblings first", () => {
  it.each([
    // [siblings of one note first, other items after, expected new cards]
    [12, 8, 3], // the first read (13 cards) picks 2: the second read finds the third
    [2, 20, 3], // the first read is enough
    [18, 1, 2], // all 19 read, only 2 items
    [25, 5, 1], // beyond limit * 3 + 10 = 19 cards nothing is read: as before
  ])('%i siblings then %i items: %i new cards', (siblings, others, expected) => {
    const col = temp.col();
    const deckId = col.ensureDeck('d');
    col.setOption('d', 'newPerDay', '3');
    const keys = [...Array.from({ length: siblings }, (_, i) => `anki:1:${i}`), ...Array.from({ length: others }, (_, i) => `item:${i}`)];
    const ids = col.store.transaction(() => keys.map((itemKey, i) => col.store.insertCard({
      deckId, noteId: null, kind: 'manual', front: `q${i}`, back: 'a', source: null, breadcrumb: [],
      itemKey, tags: [], memory: newMemory(NOW - 1000), createdAt: NOW, status: 'accepted',
    })));
    const firstOther = ids[siblings];
    const want = [ids[0], ...(firstOther === undefined ? [] : ids.slice(siblings, Math.min(siblings + expected - 1, 19)))].slice(0, expected);
    const { cards, counts } = col.queue('d');
    expect(cards.map((c) => c.id)).toEqual(want);
    expect(counts.new).toBe(expected);
    expect(col.decks().find((d) => d.name === 'd')!.dueToday).toBe(expected);
  });
});

/**
 * Deck trees: `a::b` nests under `a`; `engram decks` rolls counts up; `--deck a` takes a's
 * sub-decks everywhere (and never a deck that merely starts with the same letters); a deck
 * inherits each option it does not set from its nearest ancestor that does.
 */
import { describe, expect, it } from 'vitest';
import { flattenTree } from '../../src/collection/index.js';
import { buildBackup } from '../../src/collection/export.js';
import { collectionStats } from '../../src/collection/stats.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const temp = useTempCollection(Date.parse('2026-12-01T09:00:00Z'));

function fill(): Record<string, number[]> {
  const col = temp.col();
  const ids: Record<string, number[]> = {};
  for (const [deck, n] of [['a', 1], ['a::b', 2], ['a::b::c', 3], ['ab', 4], ['x::y', 5]] as const) {
    ids[deck] = Array.from({ length: n }, (_, i) => col.addCard(deck, `${deck} q${i}`, 'answer').id);
  }
  return ids;
}

describe('deck trees', () => {
  it('engram decks nests sub-decks and rolls their counts up, a level with no deck of its own included', () => {
    fill();
    const rows = flattenTree(temp.col().deckTree()).map(({ node, depth }) => [depth, node.name, node.label, node.exists, node.total, node.dueToday]);
    expect(rows).toEqual([
      [0, 'a', 'a', true, 6, 6],
      [1, 'a::b', 'b', true, 5, 5],
      [2, 'a::b::c', 'c', true, 3, 3],
      [0, 'ab', 'ab', true, 4, 4],
      [0, 'x', 'x', false, 5, 5],
      [1, 'x::y', 'y', true, 5, 5],
    ]);
  });

  it('--deck takes the deck and its sub-decks: due, cards, stats, export', () => {
    const ids = fill();
    const col = temp.col();
    const sorted = (xs: number[]) => [...xs].sort((p, q) => p - q);
    const sub = sorted([...ids['a::b']!, ...ids['a::b::c']!]);
    expect(sorted(col.queue('a::b').cards.map((c) => c.id))).toEqual(sub);
    expect(sorted(col.queue('a').cards.map((c) => c.id))).toEqual(sorted([...ids['a']!, ...sub]));
    expect(sorted(col.sessionQueue('a').main.map((c) => c.id))).toEqual(sorted([...ids['a']!, ...sub]));
    expect(sorted(col.cards({ deck: 'a' }).map((c) => c.id))).toEqual(sorted([...ids['a']!, ...sub]));
    expect(col.cards({ deck: 'x' }).map((c) => c.id)).toEqual(ids['x::y']);
    expect(collectionStats(col, { deck: 'a' }).counts.total).toBe(6);
    expect(collectionStats(col, { deck: 'x' }).deck).toBe('x');
    expect(buildBackup(col, { deck: 'a' }).decks.map((d) => d.name).sort()).toEqual(['a', 'a::b', 'a::b::c']);
    expect(() => col.queue('a::z')).toThrow(/no deck named 'a::z'/);
  });

  it('a deck inherits the options it does not set; config says where each comes from', () => {
    fill();
    const col = temp.col();
    col.setOption('a', 'newPerDay', '3');
    col.setOption('a::b::c', 'newPerDay', '1');
    col.setOption('a::b', 'desiredRetention', '0.85');
    const of = (deck: string) => col.getOptions(deck)[0]!;
    expect(of('a::b').options.newPerDay).toBe(3);
    expect(of('a::b').sources.newPerDay).toEqual({ from: 'parent', deck: 'a' });
    expect(of('a::b').sources.desiredRetention).toEqual({ from: 'deck' });
    expect(of('a::b::c').options).toMatchObject({ newPerDay: 1, desiredRetention: 0.85 });
    expect(of('a::b::c').sources.desiredRetention).toEqual({ from: 'parent', deck: 'a::b' });
    expect(of('ab').options.newPerDay).toBe(20);
    expect(of('ab').sources.newPerDay).toEqual({ from: 'default' });
    // The limit inherited is the one the queue applies.
    expect(col.queue('a::b').counts.new).toBe(2 + 1);
    // A level that exists only through its sub-decks becomes a deck when configured.
    col.setOption('x', 'newPerDay', '2');
    expect(of('x::y').options.newPerDay).toBe(2);
    expect(col.queue('x::y').counts.new).toBe(2);
  });
});

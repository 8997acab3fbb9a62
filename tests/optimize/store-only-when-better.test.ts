/** Fitted weights replace a deck's weights only when they predict that deck's log better. */
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/collection/collection.js';
import { optimizeWeights } from '../../src/collection/optimize.js';
import { fitsOfDeck } from '../../src/store/optimize.js';
import { START, removeTempDirs, tempCollection } from './helpers.js';
import { TRUE_WEIGHTS, simulateLog, writeLog } from './synthetic-log.js';

process.env['TZ'] = 'UTC';
afterEach(removeTempDirs);

const weightsOf = (col: Collection, deck: string) => col.getOptions(deck)[0]!.options.weights;
const fitCount = (col: Collection, deck: string) => fitsOfDeck(col.store, col.requireDeck(deck).id).length;

describe('engram optimize stores weights only when they predict better', () => {
  it('a deck whose weights are the true ones keeps them; a second fit finding the same weights changes nothing', async () => {
    const col = tempCollection();
    writeLog(col.store, 'Known', simulateLog(TRUE_WEIGHTS, { cards: 200, days: 365, seed: 21 }), START);
    writeLog(col.store, 'Fresh', simulateLog(TRUE_WEIGHTS, { cards: 200, days: 365, seed: 22 }), START);
    col.setOption('Known', 'weights', TRUE_WEIGHTS.join(' '));

    const known = await optimizeWeights(col, { deck: 'Known' });
    expect(known.status === 'fitted' && known.decks[0]!.stored).toBe(false);
    expect(weightsOf(col, 'Known')).toEqual([...TRUE_WEIGHTS]);
    expect(fitCount(col, 'Known')).toBe(0);

    const first = await optimizeWeights(col, { deck: 'Fresh' });
    expect(first.status === 'fitted' && first.decks[0]!.stored).toBe(true);
    // The same weights found again (fsrs-rs is deterministic; a stand-in saves a second real fit).
    const again = first.status === 'fitted' ? [...first.weights] : [];
    const second = await optimizeWeights(col, { deck: 'Fresh', fit: async () => again });
    expect(second.status === 'fitted' && second.decks[0]!.stored).toBe(false);
    expect(fitCount(col, 'Fresh')).toBe(1);
    if (first.status === 'fitted') expect(weightsOf(col, 'Fresh')).toEqual(first.weights);
  });

  it('without --deck: one fit on all reviews, judged and stored per deck; decks without reviews are left alone', async () => {
    const col = tempCollection();
    writeLog(col.store, 'A', simulateLog(TRUE_WEIGHTS, { cards: 150, days: 300, seed: 31 }), START);
    writeLog(col.store, 'B', simulateLog(TRUE_WEIGHTS, { cards: 150, days: 300, seed: 32 }), START);
    writeLog(col.store, 'Empty', [], START);
    col.setOption('B', 'weights', TRUE_WEIGHTS.join(' '));
    const seen: number[] = [];
    // Stands in for fsrs-rs: an optimizer that finds the true weights.
    const fit = async (items: readonly unknown[]) => {
      seen.push(items.length);
      return [...TRUE_WEIGHTS];
    };

    const result = await optimizeWeights(col, { fit });
    // One fit on all reviews; the second is the held-out check's, on the earlier 80 % only.
    expect(seen).toHaveLength(2);
    expect(seen[1]!).toBeLessThan(seen[0]!);
    expect(result.status).toBe('fitted');
    if (result.status !== 'fitted') return;
    expect(result.deck).toBeNull();
    expect(result.decks.map((d) => [d.deck, d.stored])).toEqual([['A', true], ['B', false], ['Empty', false]]);
    const [a, b, empty] = result.decks;
    expect(a!.after!.logLoss).toBeLessThan(a!.before!.logLoss);
    expect(b!.after!.logLoss).toBe(b!.before!.logLoss);
    expect(empty!.reviews).toBe(0);
    expect(empty!.before).toBeNull();
    expect(a!.reviews + b!.reviews).toBe(result.reviews);
    expect(weightsOf(col, 'A')).toEqual([...TRUE_WEIGHTS]);
    expect(weightsOf(col, 'Empty')).toBeNull();
    expect([fitCount(col, 'A'), fitCount(col, 'B'), fitCount(col, 'Empty')]).toEqual([1, 0, 0]);
  });

  it('worse weights from the optimizer are never stored', async () => {
    const col = tempCollection();
    writeLog(col.store, 'Deck', simulateLog(TRUE_WEIGHTS, { cards: 150, days: 300, seed: 41 }), START);
    const worse = default_w.map((w, i) => (i < 4 ? w * 20 : w));
    const result = await optimizeWeights(col, { fit: async () => worse });
    expect(result.status === 'fitted' && result.decks[0]!.after!.logLoss > result.decks[0]!.before!.logLoss).toBe(true);
    expect(result.status === 'fitted' && result.decks[0]!.stored).toBe(false);
    expect(weightsOf(col, 'Deck')).toBeNull();
    expect(fitCount(col, 'Deck')).toBe(0);
  });
});

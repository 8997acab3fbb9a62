/**
 * The whole pipeline on a log made from known weights: write it into a real database,
 * fit one deck with `optimizeWeights` (fsrs-rs), and check the stored weights predict
 * cards they never saw better than the defaults and than random perturbations of them.
 */
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { optimizeWeights } from '../../src/collection/optimize.js';
import { evaluateWeights } from '../../src/scheduler/evaluate.js';
import { cardHistories } from '../../src/scheduler/optimizer-items.js';
import { fitsOfDeck, readReviewLog } from '../../src/store/optimize.js';
import { START, removeTempDirs, tempCollection } from './helpers.js';
import { TRUE_WEIGHTS, prng, simulateLog, toHistories, writeLog } from './synthetic-log.js';

process.env['TZ'] = 'UTC';
afterEach(removeTempDirs);

describe('fitting FSRS to a synthetic review log', () => {
  it('stores weights that predict held-out cards better than the defaults and than random perturbations of them', async () => {
    const col = tempCollection();
    const train = simulateLog(TRUE_WEIGHTS, { cards: 600, days: 400, seed: 11 });
    const heldOut = simulateLog(TRUE_WEIGHTS, { cards: 300, days: 400, seed: 12 });
    writeLog(col.store, 'Train', train, START);
    const heldDeck = writeLog(col.store, 'Held', heldOut, START);

    const result = await optimizeWeights(col, { deck: 'Train' });
    expect(result.status).toBe('fitted');
    if (result.status !== 'fitted') return;
    expect(result.weights).toHaveLength(21);
    expect(result.decks.map((d) => [d.deck, d.stored])).toEqual([['Train', true]]);
    const stored = col.getOptions('Train')[0]!.options.weights;
    expect(stored).toEqual(result.weights);
    expect(col.getOptions('Held')[0]!.options.weights).toBeNull();
    expect(fitsOfDeck(col.store, col.requireDeck('Train').id)).toHaveLength(1);

    // The log read back from the database is the simulated one, day for day.
    const held = cardHistories(readReviewLog(col.store, heldDeck).map((r) => ({ ...r, rolloverHour: 4 })));
    expect(held.map((h) => h.steps)).toEqual(toHistories(heldOut).map((h) => h.steps));

    const fitted = evaluateWeights(held, stored);
    const defaults = evaluateWeights(held, null);
    const random = prng(99);
    const perturbed = Array.from({ length: 3 }, () =>
      evaluateWeights(held, default_w.map((w, i) => (i === 20 ? w : w * (0.7 + 0.6 * random())))));
    console.log(`held-out log loss: fitted ${fitted.logLoss.toFixed(4)}, defaults ${defaults.logLoss.toFixed(4)}, `
      + `true ${evaluateWeights(held, TRUE_WEIGHTS).logLoss.toFixed(4)}, perturbed ${perturbed.map((p) => p.logLoss.toFixed(4)).join(' ')}; `
      + `RMSE(bins) fitted ${fitted.rmseBins.toFixed(4)} defaults ${defaults.rmseBins.toFixed(4)}; ${fitted.count} predictions`);
    expect(fitted.count).toBeGreaterThan(1000);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    expect(fitted.rmseBins).toBeLessThan(defaults.rmseBins);
    for (const p of perturbed) expect(fitted.logLoss).toBeLessThan(p.logLoss);
  });
});

/**
 * The health check of a fit: held-out later reviews (time-series split), and the warnings for a
 * fit worse than the defaults, a short log, and Hard pressed for "forgot".
 */
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { optimizeWeights } from '../../src/collection/optimize.js';
import { hardUsedAsFail, heldOutSplit, reviewGrades, trainingItemsBefore } from '../../src/scheduler/fit-health.js';
import { cardHistories, trainingItems } from '../../src/scheduler/optimizer-items.js';
import { readReviewLog } from '../../src/store/optimize.js';
import { START, removeTempDirs, tempCollection } from './helpers.js';
import { TRUE_WEIGHTS, simulateLog, writeLog, type SyntheticAnswer } from './synthetic-log.js';

process.env['TZ'] = 'UTC';
afterEach(removeTempDirs);

// Stands in for fsrs-rs: an optimizer that finds the true weights (or, below, a bad one).
const finds = (weights: readonly number[]) => async () => [...weights];

describe('fit health', () => {
  it('holds the latest fifth of the reviews out, and the true weights beat the defaults there', async () => {
    const col = tempCollection();
    const deckId = writeLog(col.store, 'Lang', simulateLog(TRUE_WEIGHTS, { cards: 300, days: 365, seed: 5 }), START);
    const histories = cardHistories(readReviewLog(col.store, deckId).map((r) => ({ ...r, rolloverHour: 4 })));
    const from = heldOutSplit(histories)!;
    const all = trainingItems(histories).length;
    const before = trainingItemsBefore(histories, from).length;
    expect(before / all).toBeGreaterThan(0.75);
    expect(before / all).toBeLessThanOrEqual(0.8);

    const result = await optimizeWeights(col, { fit: finds(TRUE_WEIGHTS) });
    if (result.status !== 'fitted') throw new Error('expected a fit');
    expect(result.heldOut!.from).toBe(from);
    expect(result.heldOut!.fitted.count).toBe(all - before);
    expect(result.heldOut!.fitted.logLoss).toBeLessThan(result.heldOut!.defaults.logLoss);
    expect(result.warnings.map((w) => w.kind)).not.toContain('worse-than-defaults');
  });

  it('warns when the fit predicts later reviews worse than the defaults, and when the log is short', async () => {
    const col = tempCollection();
    writeLog(col.store, 'Lang', simulateLog(TRUE_WEIGHTS, { cards: 60, days: 300, seed: 6 }), START);
    const worse = default_w.map((w, i) => (i < 4 ? w * 20 : w));
    const result = await optimizeWeights(col, { fit: finds(worse) });
    if (result.status !== 'fitted') throw new Error('expected a fit');
    expect(result.reviews).toBeLessThan(1000);
    expect(result.warnings.map((w) => w.kind).sort()).toEqual(['few-reviews', 'worse-than-defaults']);
  });

  it('warns when Hard is pressed instead of Again on reviews', async () => {
    const honest = simulateLog(TRUE_WEIGHTS, { cards: 300, days: 365, seed: 7 });
    // The same learner pressing Hard whenever it forgot a review card.
    const misuse: SyntheticAnswer[][] = honest.map((answers) =>
      answers.map((a, i) => (i > 0 && a.rating === 1 && a.day !== answers[i - 1]!.day ? { ...a, rating: 2 } : a)));
    const col = tempCollection();
    writeLog(col.store, 'Honest', honest, START);
    writeLog(col.store, 'Misuse', misuse, START);
    const kinds = async (deck: string) => {
      const r = await optimizeWeights(col, { deck, fit: finds(TRUE_WEIGHTS) });
      return r.status === 'fitted' ? r.warnings.map((w) => w.kind) : [];
    };
    expect(await kinds('Honest')).not.toContain('hard-as-fail');
    expect(await kinds('Misuse')).toContain('hard-as-fail');
    expect(hardUsedAsFail({ again: 0, hard: 50, good: 30, easy: 0 })).toBe(false); // too few to tell
    expect(reviewGrades([{ cardId: 1, steps: [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 0 }, { rating: 2, deltaT: 3 }] }])).toEqual({ again: 0, hard: 1, good: 0, easy: 0 });
  });
});

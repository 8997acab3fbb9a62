/**
 * Calibration on a log drawn from known FSRS weights: with the true weights set on the deck,
 * the predicted recall of every well-filled bin must match the observed pass rate.
 */
import { describe, expect, it } from 'vitest';
import { collectionStats } from '../../src/collection/stats.js';
import { statsJson } from '../../src/cli/commands/stats.js';
import { setNow } from '../../src/core/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { calibrationOf } from '../../src/collection/calibration.js';
import { addCalibration, calibrationBins, emptyCalibration } from '../../src/scheduler/calibration.js';
import { cardHistories } from '../../src/scheduler/optimizer-items.js';
import { readReviewLog } from '../../src/store/optimize.js';
import { TRUE_WEIGHTS, simulateLog, writeLog } from '../optimize/synthetic-log.js';

process.env['TZ'] = 'UTC';
const START = Date.parse('2026-01-05T00:00:00Z');
const tc = useTempCollection(START);

describe('stats calibration', () => {
  it('predicted recall matches the pass rate of a learner with known weights, bin by bin', () => {
    const col = tc.col();
    writeLog(col.store, 'Lang', simulateLog(TRUE_WEIGHTS, { cards: 1500, days: 365, seed: 21 }), START);
    col.setOption('Lang', 'weights', TRUE_WEIGHTS.join(' '));
    setNow(START + 366 * 86_400_000);
    const { calibration } = collectionStats(col, { deck: 'Lang' });
    const filled = calibration.filter((b) => b.count >= 400);
    expect(filled.length).toBeGreaterThanOrEqual(3);
    for (const bin of filled) expect(Math.abs(bin.actual - bin.predicted)).toBeLessThan(0.03);
    expect(calibration.reduce((n, b) => n + b.count, 0)).toBeGreaterThan(5000);

    // The default weights describe another learner: some well-filled bin is clearly off.
    col.setOption('Lang', 'weights', 'default');
    const defaults = collectionStats(col, { deck: 'Lang' }).calibration.filter((b) => b.count >= 400);
    expect(Math.max(...defaults.map((b) => Math.abs(b.actual - b.predicted)))).toBeGreaterThan(0.05);
  });

  it('is in the JSON as [{predicted, actual, count}], empty without reviews', () => {
    const col = tc.col();
    col.addCard('Empty', 'q?', 'a');
    expect(statsJson(collectionStats(col)).calibration).toEqual([]);
    writeLog(col.store, 'Lang', simulateLog(TRUE_WEIGHTS, { cards: 50, days: 100, seed: 2 }), START);
    setNow(START + 101 * 86_400_000);
    const json = statsJson(collectionStats(col));
    expect(json.calibration.length).toBeGreaterThan(0);
    for (const bin of json.calibration) expect(Object.keys(bin).sort()).toEqual(['actual', 'count', 'predicted']);
  });

  it("counts study days as the optimizer's histories do, also across daylight-saving changes", () => {
    const col = tc.col();
    const deckId = writeLog(col.store, 'Lang', simulateLog(TRUE_WEIGHTS, { cards: 200, days: 365, seed: 3 }), START);
    for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      process.env['TZ'] = zone;
      const rows = readReviewLog(col.store, deckId).map((r) => ({ ...r, rolloverHour: 4 }));
      // The view sums the deck in parts (its cache's unit): the same numbers but for the last bits of the float sums.
      const got = calibrationOf(col, [deckId]);
      const want = calibrationBins(addCalibration(emptyCalibration(), cardHistories(rows), null));
      expect(got.map((b) => ({ ...b, predicted: 0 }))).toEqual(want.map((b) => ({ ...b, predicted: 0 })));
      got.forEach((b, i) => expect(b.predicted).toBeCloseTo(want[i]!.predicted, 12));
    }
    process.env['TZ'] = 'UTC';
  });
});

/**
 * Calibration of the memory model in use: each deck's log replayed with that deck's current
 * weights, the predictions pooled into bins (see scheduler/calibration.ts).
 */
import { addCalibration, calibrationBins, emptyCalibration, type CalibrationBin } from '../scheduler/calibration.js';
import { cardHistories } from '../scheduler/optimizer-items.js';
import { readReviewLog } from '../store/optimize.js';
import type { Collection } from './collection.js';

export function calibrationOf(col: Collection, deckIds: readonly number[]): CalibrationBin[] {
  const sums = emptyCalibration();
  for (const deckId of deckIds) {
    const options = col.deckOptions(deckId);
    const rows = readReviewLog(col.store, deckId);
    if (rows.length === 0) continue;
    addCalibration(sums, cardHistories(rows.map((r) => ({ ...r, rolloverHour: options.rolloverHour }))), options.weights);
  }
  return calibrationBins(sums);
}

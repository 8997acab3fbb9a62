/**
 * Calibration: does the model's predicted recall match what happened? Every answer given a
 * day or more after the previous one is a prediction (FSRS retrievability at answer time,
 * replaying the card's history with the given weights) and an outcome (not `again`). The
 * predictions are put in bins of width 0.1 and each bin's mean prediction set against its
 * pass rate, as Anki's and fsrs-rs's calibration graphs do. Pure.
 */
import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { CardHistory } from './optimizer-items.js';

export interface CalibrationBin {
  /** Mean predicted recall in the bin. */
  predicted: number;
  /** Share of those answers that were recalled. */
  actual: number;
  count: number;
}

/** Running sums per bin, so decks with different weights can be pooled. */
export interface CalibrationSums {
  predicted: number[];
  recalled: number[];
  count: number[];
}

export const CALIBRATION_BINS = 10;

export function emptyCalibration(): CalibrationSums {
  return { predicted: new Array(CALIBRATION_BINS).fill(0), recalled: new Array(CALIBRATION_BINS).fill(0), count: new Array(CALIBRATION_BINS).fill(0) };
}

/** One card's predictions summed, for leech detection by memory (the same replay as the bins). */
export interface CardCalibration {
  cardId: number;
  /** Answers in the card's log. */
  reviews: number;
  /** Predictions made (answers a day or more after the previous one). */
  predictions: number;
  /** Sum of predicted recall over them, and how many of them were recalled. */
  predictedSum: number;
  recalled: number;
  /** Stability after the last answer, with these weights. */
  stability: number;
}

/**
 * Adds the predictions of `weights` (null: ts-fsrs defaults) on `histories` to `sums`;
 * `perCard`, when given, gets each card's own sums as its replay ends.
 */
export function addCalibration(
  sums: CalibrationSums, histories: readonly CardHistory[], weights: readonly number[] | null,
  perCard?: (card: CardCalibration) => void,
): CalibrationSums {
  const algorithm = new FSRSAlgorithm(generatorParameters({ enable_short_term: true, ...(weights ? { w: [...weights] } : {}) }));
  for (const { cardId, steps } of histories) {
    let state: FSRSState | null = null;
    let predictions = 0;
    let predictedSum = 0;
    let recalled = 0;
    for (const step of steps) {
      if (state !== null && step.deltaT > 0) {
        const predicted = algorithm.forgetting_curve(step.deltaT, state.stability);
        const bin = Math.min(CALIBRATION_BINS - 1, Math.floor(predicted * CALIBRATION_BINS));
        const pass = step.rating > 1 ? 1 : 0;
        sums.predicted[bin]! += predicted;
        sums.recalled[bin]! += pass;
        sums.count[bin]!++;
        predictions++;
        predictedSum += predicted;
        recalled += pass;
      }
      state = algorithm.next_state(state, step.deltaT, step.rating);
    }
    perCard?.({ cardId, reviews: steps.length, predictions, predictedSum, recalled, stability: state?.stability ?? 0 });
  }
  return sums;
}

/** The non-empty bins, lowest prediction first. */
export function calibrationBins(sums: CalibrationSums): CalibrationBin[] {
  const bins: CalibrationBin[] = [];
  for (let i = 0; i < CALIBRATION_BINS; i++) {
    const count = sums.count[i]!;
    if (count > 0) bins.push({ predicted: sums.predicted[i]! / count, actual: sums.recalled[i]! / count, count });
  }
  return bins;
}

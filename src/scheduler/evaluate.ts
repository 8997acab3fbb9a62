/**
 * How well a set of FSRS weights predicts a review log: for every answer given a day or more
 * after the previous one, the recall probability the model gave it beforehand versus whether
 * the card was recalled (any grade but again). The same two metrics fsrs-rs reports (the
 * binding 0.1.2 does not expose its own evaluation): log loss and RMSE over bins of
 * (interval, review count, lapse count).
 */
import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { CardHistory } from './optimizer-items.js';

export interface Evaluation {
  /** Mean binary cross-entropy of the predictions; lower is better. */
  logLoss: number;
  /** Root mean square gap between predicted and actual recall rate per bin; lower is better. */
  rmseBins: number;
  /** Predictions scored. */
  count: number;
}

interface Bin {
  predicted: number;
  actual: number;
  count: number;
}

// Keeps log(0) out of the loss when a model is certain and wrong.
const EPSILON = 1e-7;

/**
 * Scores `weights` (null: the ts-fsrs defaults) on the histories. With `from`, only answers
 * given at or after that time are scored (held-out later reviews); the earlier ones still
 * shape the memory state.
 */
export function evaluateWeights(histories: readonly CardHistory[], weights: readonly number[] | null, from?: number): Evaluation {
  const algorithm = new FSRSAlgorithm(
    generatorParameters({ enable_short_term: true, ...(weights ? { w: [...weights] } : {}) }),
  );
  let lossSum = 0;
  let count = 0;
  const bins = new Map<string, Bin>();
  for (const { steps, times } of histories) {
    let state: FSRSState | null = null;
    let longTerm = 0;
    let lapses = 0;
    for (const [i, step] of steps.entries()) {
      const scored = from === undefined || (times?.[i] ?? -Infinity) >= from;
      if (state !== null && step.deltaT > 0 && !scored) {
        longTerm++;
        if (step.rating === 1) lapses++;
      } else if (state !== null && step.deltaT > 0) {
        longTerm++;
        const predicted = clampProbability(algorithm.forgetting_curve(step.deltaT, state.stability));
        const recalled = step.rating > 1 ? 1 : 0;
        lossSum -= recalled * Math.log(predicted) + (1 - recalled) * Math.log(1 - predicted);
        count++;
        const key = binKey(step.deltaT, longTerm, lapses);
        const bin = bins.get(key) ?? { predicted: 0, actual: 0, count: 0 };
        bin.predicted += predicted;
        bin.actual += recalled;
        bin.count++;
        bins.set(key, bin);
        if (step.rating === 1) lapses++;
      }
      state = algorithm.next_state(state, step.deltaT, step.rating);
    }
  }
  return { logLoss: count ? lossSum / count : NaN, rmseBins: rmseOfBins([...bins.values()]), count };
}

function clampProbability(p: number): number {
  return Math.min(1 - EPSILON, Math.max(EPSILON, p));
}

function rmseOfBins(bins: readonly Bin[]): number {
  let squared = 0;
  let total = 0;
  for (const bin of bins) {
    squared += (bin.predicted / bin.count - bin.actual / bin.count) ** 2 * bin.count;
    total += bin.count;
  }
  return total ? Math.sqrt(squared / total) : NaN;
}

/**
 * The bin of a prediction, as in fsrs-rs: the interval, the number of long-term reviews
 * (this one included) and the lapses before it, each on a roughly logarithmic scale.
 */
function binKey(deltaT: number, longTermReviews: number, lapses: number): string {
  const interval = Math.round(2.48 * 3.62 ** Math.floor(Math.log(deltaT) / Math.log(3.62)) * 100);
  const length = longTermReviews + 1;
  const lengthBin = Math.round(1.99 * 1.89 ** Math.floor(Math.log(length) / Math.log(1.89)));
  const lapseBin = lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(Math.log(lapses) / Math.log(1.73)));
  return `${interval}/${lengthBin}/${lapseBin}`;
}

/** True when `after` predicts the log better than `before` (lower log loss). */
export function predictsBetter(after: Evaluation, before: Evaluation): boolean {
  return Number.isFinite(after.logLoss) && (!Number.isFinite(before.logLoss) || after.logLoss < before.logLoss);
}

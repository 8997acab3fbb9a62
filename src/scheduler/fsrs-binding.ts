/**
 * The reference FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding, a native
 * addon) behind one small function. It belongs to the scheduler: fitting is computation on
 * plain training items (no files, no database, no clock), like ts-fsrs's own scheduling. It is
 * imported on first use so that only `engram optimize` pays for loading it.
 */
import { EngramError } from '../core/index.js';
import type { TrainingItem } from './optimizer-items.js';

export type FitProgress = (done: number, total: number) => void;

/** Fits FSRS weights (21 numbers, FSRS-6) to the items with fsrs-rs. */
export async function fitWeights(items: readonly TrainingItem[], onProgress?: FitProgress): Promise<number[]> {
  let binding: typeof import('@open-spaced-repetition/binding');
  try {
    binding = await import('@open-spaced-repetition/binding');
  } catch (error) {
    throw new EngramError(`cannot load the FSRS optimizer (@open-spaced-repetition/binding): ${(error as Error).message}`);
  }
  const { FSRSBindingItem, FSRSBindingReview, computeParameters } = binding;
  const bindingItems = items.map((steps) => new FSRSBindingItem(steps.map((s) => new FSRSBindingReview(s.rating, s.deltaT))));
  // Same-day learning steps are part of the histories, so the short-term weights are fitted too.
  return computeParameters(bindingItems, {
    enableShortTerm: true,
    ...(onProgress ? { progress: (done: number, total: number) => onProgress(done, total) } : {}),
  });
}

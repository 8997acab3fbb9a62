/**
 * A memory state from an SM-2 schedule (an interval and an ease, as Obsidian's spaced-repetition
 * plugin and Anki's SM-2 keep them), so a card studied elsewhere continues where it was left
 * instead of starting new. The conversion is the FSRS optimizer's `memory_state_from_sm2`
 * (fsrs-rs, src/inference.rs; ts-fsrs has no equivalent): the stability whose forgetting curve
 * reaches `sm2Retention` at the interval, and the difficulty at which FSRS's own growth after a
 * "good" answer would match the ease.
 */
import { S_MIN, default_w } from 'ts-fsrs';
import type { Memory } from '../core/index.js';

const DAY = 86_400_000;
/** The recall SM-2 intervals are taken to aim at (Anki's default for converting SM-2 cards). */
export const SM2_RETENTION = 0.9;

export interface Sm2Schedule {
  /** When the card is due (epoch ms). */
  due: number;
  intervalDays: number;
  /** The ease factor, e.g. 2.5 (the plugin writes 250). */
  ease: number;
}

export function stabilityDifficultyFromSm2(
  intervalDays: number, ease: number, weights: readonly number[] = default_w, sm2Retention = SM2_RETENTION,
): { stability: number; difficulty: number } {
  const w = weights.length >= 21 ? weights : default_w;
  const decay = -w[20]!;
  const factor = 0.9 ** (1 / decay) - 1;
  const stability = (Math.max(intervalDays, S_MIN) * factor) / (sm2Retention ** (1 / decay) - 1);
  const difficulty = 11 - (ease - 1) / (Math.exp(w[8]!) * stability ** -w[9]! * Math.expm1((1 - sm2Retention) * w[10]!));
  return { stability, difficulty: Math.min(10, Math.max(1, Number.isFinite(difficulty) ? difficulty : 10)) };
}

/** A review-state memory due when the schedule says, last reviewed an interval before that. */
export function memoryFromSm2(schedule: Sm2Schedule, weights?: readonly number[] | null): Memory {
  const intervalDays = Math.max(1, Math.round(schedule.intervalDays));
  const { stability, difficulty } = stabilityDifficultyFromSm2(intervalDays, schedule.ease, weights ?? default_w);
  return {
    state: 'review', due: schedule.due, stability, difficulty, elapsedDays: 0, scheduledDays: intervalDays,
    learningSteps: 0, reps: 1, lapses: 0, lastReview: schedule.due - intervalDays * DAY,
  };
}

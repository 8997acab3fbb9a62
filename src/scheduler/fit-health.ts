/**
 * Is a fit any good? A held-out check as fsrs-rs evaluates (`evaluate_with_time_series_splits`:
 * train on earlier reviews, score on later ones — here one fold, the last fifth of the log,
 * since each fold costs a full fit) and the warnings Anki users most need: the fit predicts
 * later reviews worse than the defaults, the log is short, or the Hard button is used as a
 * failing grade (then FSRS reads a forgotten card as recalled and overestimates memory).
 * Pure: histories in, numbers and messages out.
 */
import type { Evaluation } from './evaluate.js';
import type { CardHistory, TrainingItem } from './optimizer-items.js';

/** The share of the log (latest answers) held out of the check's fit. */
export const HELD_OUT_SHARE = 0.2;
/** Below this many answers fsrs-rs's fit is still rough (Anki's optimizer says as much). */
export const FEW_REVIEWS = 1000;

export interface HeldOutCheck {
  /** Answers at or after this time (ms) were held out. */
  from: number;
  /** Training items before `from` the check's fit was made on. */
  trainItems: number;
  /** Weights fitted on the earlier reviews, and the defaults, scored on the later ones. */
  fitted: Evaluation;
  defaults: Evaluation;
}

export type FitWarning =
  | { kind: 'worse-than-defaults'; message: string }
  | { kind: 'few-reviews'; message: string }
  | { kind: 'hard-as-fail'; message: string };

/** The time splitting the predicted answers into the earlier 80 % and the later 20 %; null when too few are dated. */
export function heldOutSplit(histories: readonly CardHistory[]): number | null {
  const times: number[] = [];
  for (const { steps, times: at } of histories) {
    steps.forEach((step, i) => {
      if (i > 0 && step.deltaT > 0 && at?.[i] !== undefined) times.push(at[i]!);
    });
  }
  if (times.length < 10) return null;
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length * (1 - HELD_OUT_SHARE))]!;
}

/** The optimizer's items whose predicted answer came before `from` (as trainingItems, cut in time). */
export function trainingItemsBefore(histories: readonly CardHistory[], from: number): TrainingItem[] {
  const items: TrainingItem[] = [];
  for (const { steps, times } of histories) {
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]!.deltaT > 0 && (times?.[i] ?? Infinity) < from) items.push(steps.slice(0, i + 1));
    }
  }
  return items;
}

/** Grade counts of answers given a day or more after the previous one (reviews, not steps). */
export function reviewGrades(histories: readonly CardHistory[]): { again: number; hard: number; good: number; easy: number } {
  const out = { again: 0, hard: 0, good: 0, easy: 0 };
  for (const { steps } of histories) {
    steps.forEach((step, i) => {
      if (i === 0 || step.deltaT === 0) return;
      if (step.rating === 1) out.again++;
      else if (step.rating === 2) out.hard++;
      else if (step.rating === 3) out.good++;
      else out.easy++;
    });
  }
  return out;
}

/**
 * Hard used for "forgot": `again` is almost never pressed on reviews while `hard` is common —
 * a real pass rate of 97 %+ beside one review in six graded hard is what the misuse looks like.
 */
export function hardUsedAsFail(grades: ReturnType<typeof reviewGrades>): boolean {
  const total = grades.again + grades.hard + grades.good + grades.easy;
  if (total < 100) return false;
  return grades.again / total < 0.03 && grades.hard / total > 0.15 && grades.hard > 5 * grades.again;
}

export function fitWarnings(reviews: number, heldOut: HeldOutCheck | null, grades: ReturnType<typeof reviewGrades>): FitWarning[] {
  const warnings: FitWarning[] = [];
  if (heldOut && heldOut.fitted.count > 0 && heldOut.fitted.logLoss > heldOut.defaults.logLoss) {
    warnings.push({
      kind: 'worse-than-defaults',
      message: `weights fitted on your earlier reviews predict your later ones worse than the defaults (log loss ${heldOut.fitted.logLoss.toFixed(4)} > ${heldOut.defaults.logLoss.toFixed(4)}): the fit may be noise; keep studying and fit again later`,
    });
  }
  if (reviews < FEW_REVIEWS) {
    warnings.push({ kind: 'few-reviews', message: `only ${reviews} reviews: fits on fewer than ${FEW_REVIEWS} are rough; fit again when you have more` });
  }
  if (hardUsedAsFail(grades)) {
    const total = grades.again + grades.hard + grades.good + grades.easy;
    warnings.push({
      kind: 'hard-as-fail',
      message: `Hard looks used as a failing grade (${percent(grades.hard / total)} of reviews Hard, ${percent(grades.again / total)} Again): press Again when you forgot, Hard only for a recall that was hard; FSRS reads Hard as remembered`,
    });
  }
  return warnings;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

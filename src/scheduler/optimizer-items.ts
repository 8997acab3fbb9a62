/**
 * Turns a review log into the histories and training items an FSRS optimizer expects:
 * per card, its answers in time order as (rating 1..4, study days since the previous answer).
 * fsrs-rs trains on one item per review after the first, holding the history up to it.
 * Pure: plain rows in, plain data out.
 */
import { DAY, dayStart } from '../core/index.js';

/** One row of the review log, as the optimizer needs it. */
export interface LoggedAnswer {
  cardId: number;
  /** again | hard | good | easy; anything else (a future manual entry) is left out. */
  grade: string;
  reviewedAt: number;
  /** The card's state before this answer; a history must start from 'new' to be complete. */
  stateBefore: string;
  /** The deck's rollover hour, so elapsed time is counted in the deck's study days. */
  rolloverHour: number;
}

export interface ReviewStep {
  /** 1 again, 2 hard, 3 good, 4 easy. */
  rating: 1 | 2 | 3 | 4;
  /** Whole study days since the previous answer; 0 for the first and for same-day answers. */
  deltaT: number;
}

export interface CardHistory {
  cardId: number;
  steps: ReviewStep[];
  /** When each step was answered (ms), for time-series splits; the optimizer does not use it. */
  times?: number[];
}

/** A history up to one review: the optimizer predicts the last step from the ones before it. */
export type TrainingItem = ReviewStep[];

const RATINGS: Record<string, ReviewStep['rating']> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * Groups answers per card in time order. Cards whose log does not start at their first
 * answer (state before ≠ new: the history is incomplete) are dropped, as fsrs-rs would be
 * misled by them; a card answered as new again (it was reset) keeps only the answers since.
 */
export function cardHistories(rows: readonly LoggedAnswer[]): CardHistory[] {
  const byCard = new Map<number, LoggedAnswer[]>();
  for (const row of rows) {
    if (!(row.grade in RATINGS)) continue;
    let list = byCard.get(row.cardId);
    if (!list) byCard.set(row.cardId, (list = []));
    list.push(row);
  }
  const histories: CardHistory[] = [];
  for (const [cardId, all] of byCard) {
    all.sort((a, b) => a.reviewedAt - b.reviewedAt);
    if (all[0]!.stateBefore !== 'new') continue;
    // A card reset to new (`engram forget`, Anki's "Reset") starts a new memory: its history
    // begins again at the last answer given to it as a new card, as fsrs-rs cuts at a reset.
    let start = 0;
    for (let i = all.length - 1; i > 0; i--) if (all[i]!.stateBefore === 'new') { start = i; break; }
    const answers = start === 0 ? all : all.slice(start);
    const steps = answers.map((answer, i) => ({
      rating: RATINGS[answer.grade]!,
      deltaT: i === 0 ? 0 : studyDaysBetween(answers[i - 1]!, answer),
    }));
    histories.push({ cardId, steps, times: answers.map((a) => a.reviewedAt) });
  }
  return histories;
}

function studyDaysBetween(previous: LoggedAnswer, next: LoggedAnswer): number {
  const from = dayStart(previous.reviewedAt, previous.rolloverHour);
  const to = dayStart(next.reviewedAt, next.rolloverHour);
  // Rounded because a day across a daylight-saving change is 23 or 25 hours long.
  return Math.max(0, Math.round((to - from) / DAY));
}

/** Every answer in the histories: the review count a fit is based on. */
export function answerCount(histories: readonly CardHistory[]): number {
  return histories.reduce((sum, h) => sum + h.steps.length, 0);
}

/**
 * One item per answer given at least a day after the previous one (same-day answers are
 * learning steps: they shape the memory state but are not predictions of recall).
 */
export function trainingItems(histories: readonly CardHistory[]): TrainingItem[] {
  const items: TrainingItem[] = [];
  for (const { steps } of histories) {
    for (let i = 1; i < steps.length; i++) if (steps[i]!.deltaT > 0) items.push(steps.slice(0, i + 1));
  }
  return items;
}

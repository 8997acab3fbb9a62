/**
 * The workload simulator against an independent Monte Carlo run: a synthetic learner whose true
 * FSRS weights are known answers cards through Engram's own scheduler (answerMemory, the code
 * real answers go through) on the days they fall due, recalling each with the probability the
 * true model gives. The simulator, run on the same learner, must predict that learner's
 * workload and what it remembers.
 */
import { describe, expect, it } from 'vitest';
import { answerMemory, newMemory, retrievability, type SchedulerOptions } from '../../src/scheduler/index.js';
import {
  FSRS_RS_DEFAULTS,
  simulateReviews,
  suggestedRetention,
  sweepRetention,
  type GradeOdds,
  type SimulatorConfig,
} from '../../src/scheduler/simulate.js';
import type { Grade, Memory } from '../../src/core/index.js';
import { TRUE_WEIGHTS, prng } from '../optimize/synthetic-log.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 10);
const GRADES: Grade[] = ['again', 'hard', 'good', 'easy'];
const FIRST: GradeOdds = [0.2, 0.1, 0.6, 0.1];
const RECALL: [number, number, number] = [0.1, 0.8, 0.1];
const COSTS = { learning: [30, 25, 15, 8], review: [20, 14, 9, 6], relearning: [15, 15, 12, 8] } as SimulatorConfig['costs'];

function config(newCards: number, days: number, newPerDay: number): SimulatorConfig {
  return {
    ...FSRS_RS_DEFAULTS,
    days,
    newCards,
    newPerDay,
    reviewsPerDay: 1_000_000,
    maximumInterval: 36500,
    // No steps: the real scheduler then sends every answer straight to a day interval, so the
    // Monte Carlo learner needs no model of same-day step grades.
    learningStepCount: 0,
    relearningStepCount: 0,
    firstGradeOdds: FIRST,
    recallGradeOdds: RECALL,
    costs: COSTS,
  };
}

function pick(odds: readonly number[], random: () => number): number {
  let x = random() * odds.reduce((a, b) => a + b, 0);
  for (let i = 0; i < odds.length; i++) if ((x -= odds[i]!) < 0) return i;
  return odds.length - 1;
}

/** The learner, day by day, through the real scheduler. */
function monteCarlo(desiredRetention: number, newCards: number, days: number, newPerDay: number, seed: number) {
  const options: SchedulerOptions = {
    desiredRetention, maximumInterval: 36500, learningSteps: [], relearningSteps: [], fuzz: false, weights: TRUE_WEIGHTS,
  };
  const random = prng(seed);
  const cards: Memory[] = [];
  let reviews = 0;
  let seconds = 0;
  for (let day = 0; day < days; day++) {
    const time = START + day * DAY;
    for (const [i, memory] of cards.entries()) {
      if (memory.due > time) continue;
      const recalled = random() < retrievability(memory, time, options)!;
      const grade = recalled ? pick(RECALL, random) + 1 : 0;
      cards[i] = answerMemory(memory, GRADES[grade]!, time, options);
      reviews++;
      seconds += COSTS.review[grade]!;
    }
    for (let n = 0; n < newPerDay && cards.length < newCards; n++) {
      const grade = pick(FIRST, random);
      cards.push(answerMemory(newMemory(time), GRADES[grade]!, time, options));
      seconds += COSTS.learning[grade]!;
    }
  }
  const end = START + days * DAY;
  const memorized = cards.reduce((sum, memory) => sum + retrievability(memory, end, options)!, 0);
  return { reviewsPerDay: reviews / days, minutesPerDay: seconds / 60 / days, memorized };
}

describe('review simulator', () => {
  const NEW = 900;
  const DAYS = 100;
  const PER_DAY = 15;

  it('matches a long Monte Carlo run of a learner with known weights, at each retention', () => {
    for (const retention of [0.75, 0.85, 0.95]) {
      const truth = monteCarlo(retention, NEW * 2, DAYS, PER_DAY * 2, 8);
      // The Monte Carlo run has twice the cards and twice the daily new cards.
      const [point] = sweepRetention(config(NEW, DAYS, PER_DAY), TRUE_WEIGHTS, [], 11, [retention]);
      expect(Math.abs(point!.reviewsPerDay * 2 - truth.reviewsPerDay) / truth.reviewsPerDay).toBeLessThan(0.04);
      expect(Math.abs(point!.minutesPerDay * 2 - truth.minutesPerDay) / truth.minutesPerDay).toBeLessThan(0.04);
      expect(Math.abs(point!.memorized * 2 - truth.memorized) / truth.memorized).toBeLessThan(0.03);
    }
  });

  it('costs more minutes and memorizes more at a higher retention', () => {
    const points = sweepRetention(config(600, 180, 10), TRUE_WEIGHTS, [], 3, [0.7, 0.8, 0.9, 0.97]);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.minutesPerDay).toBeGreaterThan(points[i - 1]!.minutesPerDay);
      expect(points[i]!.memorized).toBeGreaterThan(points[i - 1]!.memorized);
    }
    const suggested = suggestedRetention(points);
    const best = points.find((p) => p.desiredRetention === suggested)!;
    for (const p of points) expect(best.memorized / best.minutesPerDay).toBeGreaterThanOrEqual(p.memorized / p.minutesPerDay);
  });

  it('gives the same output for the same seed, and another for another seed', () => {
    const withSteps = { ...config(300, 60, 10), learningStepCount: 2, relearningStepCount: 1, reviewsPerDay: 40 };
    const existing = [{ stability: 3, difficulty: 5, lastDay: -4, dueDay: 0 }, { stability: 20, difficulty: 7, lastDay: -10, dueDay: 9 }];
    const a = simulateReviews(withSteps, null, 0.9, 42, existing);
    const b = simulateReviews(withSteps, null, 0.9, 42, existing);
    const c = simulateReviews(withSteps, null, 0.9, 43, existing);
    expect(b).toEqual(a);
    expect(c.secondsPerDay).not.toEqual(a.secondsPerDay);
  });

  it('keeps to the daily review limit and carries the rest over', () => {
    const limited = { ...config(0, 10, 0), reviewsPerDay: 5 };
    const overdue = Array.from({ length: 30 }, () => ({ stability: 2, difficulty: 5, lastDay: -5, dueDay: -2 }));
    const result = simulateReviews(limited, null, 0.9, 1, overdue);
    expect(result.reviewsPerDay.every((n) => n <= 5)).toBe(true);
    expect(result.reviewsPerDay.slice(0, 6)).toEqual([5, 5, 5, 5, 5, 5]);
  });
});

/**
 * Load balance: 10,000 cards, imported in weekly bursts, answered day by day. Picking the least loaded day inside the fuzz
 * range gives a flatter daily review count than fuzz alone, never leaves the fuzz range, keeps
 * easy days light, and replaying the logs in time order reproduces every due date.
 */
import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Grade, Memory } from '../../src/core/index.js';
import { answerMemory, newMemory, type SchedulerOptions } from '../../src/scheduler/index.js';
import { answerBalanced, replayBalanced, type CardLog, type DayRule } from '../../src/scheduler/load-balance.js';
import { prng } from '../helpers/prng.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5); // a Monday
const OPTIONS: SchedulerOptions = {
  desiredRetention: 0.9, maximumInterval: 36500, learningSteps: [], relearningSteps: [], fuzz: true, weights: null,
};
const CARDS = 5_000;
/** Cards come in bursts, as from an import: 1,000 every Monday for five weeks. */
const BURST = 1000;
const DAYS = 100;
const dayOf = (time: number) => Math.floor((time - START) / DAY);

type Mode = 'fuzz' | 'balance' | 'easy';

/** The learner answers every due card each day (10 % again); the app schedules with `mode`. */
function study(mode: Mode) {
  const random = prng(17);
  const memories: Memory[] = [];
  const logs: CardLog[] = [];
  const perDay = new Array<number>(DAYS * 40).fill(0); // reviews due per day, this test's own count
  const answered = new Array<number>(DAYS).fill(0);
  let outsideRange = 0;
  const weekdayOf = (day: number) => new Date(START + day * DAY).getUTCDay();
  // Sundays at half the load.
  const easy: DayRule = { dayOf, factorOfDay: (day: number) => (weekdayOf(day) === 0 ? 0.5 : 1) };
  for (let day = 0; day < DAYS; day++) {
    let time = START + day * DAY + 8 * 3_600_000;
    const answer = (i: number, grade: Grade) => {
      time += 1000;
      const before = memories[i]!;
      const today = dayOf(time);
      if (before.state === 'review') perDay[dayOf(before.due)]!--; // this card is not part of the load
      const context = () => ({ dueOn: (d: number) => perDay[today + d] ?? 0, ...(mode === 'easy' ? { factorOf: (d: number) => easy.factorOfDay!(today + d) } : {}) });
      const after = mode === 'fuzz' ? answerMemory(before, grade, time, OPTIONS) : answerBalanced(before, grade, time, OPTIONS, context);
      if (mode !== 'fuzz' && after.state === 'review' && after.scheduledDays >= 3) {
        const wanted = answerMemory(before, grade, time, { ...OPTIONS, fuzz: false });
        const { min_ivl, max_ivl } = get_fuzz_range(wanted.scheduledDays, wanted.elapsedDays, OPTIONS.maximumInterval);
        if (after.scheduledDays < min_ivl || after.scheduledDays > max_ivl) outsideRange++;
      }
      if (after.state === 'review') perDay[dayOf(after.due)]!++;
      memories[i] = after;
      logs[i]!.answers = [...logs[i]!.answers, { grade, time }];
    };
    for (let i = 0; i < memories.length; i++) {
      if (dayOf(memories[i]!.due) > day) continue;
      answered[day]!++;
      answer(i, random() < 0.1 ? 'again' : 'good');
    }
    for (let n = 0; day % 7 === 0 && n < BURST && memories.length < CARDS; n++) {
      memories.push(newMemory(time));
      logs.push({ cardId: memories.length - 1, createdAt: time, answers: [] });
      answer(memories.length - 1, random() < 0.2 ? 'again' : 'good');
    }
  }
  return { memories, logs, answered, outsideRange, easy, weekdayOf };
}

/**
 * How uneven the days are: the standard deviation of each day's count from the mean of its
 * week (centred), so the slow rise and fall of the workload is not counted as unevenness.
 */
function unevenness(answered: number[], from: number): number {
  const gaps: number[] = [];
  for (let d = from; d < answered.length - 3; d++) {
    const week = answered.slice(d - 3, d + 4);
    gaps.push(answered[d]! - week.reduce((a, b) => a + b, 0) / 7);
  }
  return Math.sqrt(gaps.reduce((a, b) => a + b * b, 0) / gaps.length);
}

describe('load balance', () => {
  const fuzz = study('fuzz');
  const balanced = study('balance');

  it('gives a flatter daily review count than fuzz alone, inside the fuzz range', () => {
    // From day 40, past the bursts and their second reviews (2 days: too short to fuzz).
    const before = unevenness(fuzz.answered, 40);
    const after = unevenness(balanced.answered, 40);
    console.log(`daily reviews, days 40-${DAYS - 4}: standard deviation from the week's mean ${before.toFixed(1)} with fuzz, ${after.toFixed(1)} load-balanced`);
    expect(after).toBeLessThan(before * 0.8);
    expect(balanced.outsideRange).toBe(0);
    expect(balanced.memories.length).toBe(CARDS);
  });

  it('replaying the logs in time order reproduces every due date', () => {
    const replayed = replayBalanced(balanced.logs, OPTIONS, { dayOf });
    for (const [i, memory] of balanced.memories.entries()) expect(replayed.get(i)!.due).toBe(memory.due);
  });

  it('easy days get fewer reviews', () => {
    const easy = study('easy');
    const sundays = (answered: number[]) => answered.filter((_, d) => d >= 30 && easy.weekdayOf(d) === 0);
    const others = (answered: number[]) => answered.filter((_, d) => d >= 30 && easy.weekdayOf(d) !== 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(sundays(easy.answered))).toBeLessThan(0.8 * mean(others(easy.answered)));
    expect(easy.outsideRange).toBe(0);
    const replayed = replayBalanced(easy.logs, OPTIONS, easy.easy);
    for (const [i, memory] of easy.memories.entries()) expect(replayed.get(i)!.due).toBe(memory.due);
  });
});

/**
 * Load balance and easy days, after Anki's load balancer (rslib/src/scheduler/states/
 * load_balancer.rs, Anki 24.11): with fuzz on, a review's next day is picked inside ts-fsrs's
 * fuzz range (get_fuzz_range: never outside it) where the fewest reviews are already due, and
 * week days given a load factor below 1 (easy days) count as busier so they get fewer. As in
 * Anki, intervals above MAX_BALANCED_INTERVAL days are only fuzzed: the range would be weeks
 * wide and counting it would cost more than it evens out.
 *
 * Unlike Anki's weighted random pick, the pick here is deterministic: it depends only on the
 * due counts, which depend only on the review log, so replaying the log in time order
 * (replayBalanced here, replaySchedules in collection/) gives the same due dates.
 */
import { get_fuzz_range } from 'ts-fsrs';
import { DAY, type Grade, type Memory } from '../core/index.js';
import { answerMemory, newMemory, type SchedulerOptions } from './scheduler.js';

/** Anki's MAX_LOAD_BALANCE_INTERVAL: longer intervals keep ts-fsrs's own fuzz. */
export const MAX_BALANCED_INTERVAL = 90;

export interface BalanceContext {
  /** Reviews already due on the study day `day` days after the answer's (this card not counted). */
  dueOn(day: number): number;
  /** That day's load factor: 1 normal, 0.5 about half the reviews, 0 only when no other day fits. */
  factorOf?(day: number): number;
}

/** The study days an answer may be given: fuzz range of the interval FSRS asked for. */
export interface BalanceRange {
  /** The memory without fuzz, whose scheduledDays is the interval FSRS asked for. */
  plain: Memory;
  min: number;
  max: number;
}

/**
 * The fuzz range the answer's day is picked from, or null when the answer is not balanced:
 * fuzz off, a step in minutes, an interval too short to fuzz or longer than Anki balances.
 */
export function balanceRange(memory: Memory, grade: Grade, time: number, options: SchedulerOptions): BalanceRange | null {
  if (!options.fuzz) return null;
  const plain = answerMemory(memory, grade, time, { ...options, fuzz: false });
  const wanted = plain.scheduledDays;
  if (plain.state !== 'review' || wanted < 3 || wanted > MAX_BALANCED_INTERVAL) return null;
  const { min_ivl, max_ivl } = get_fuzz_range(wanted, plain.elapsedDays, options.maximumInterval);
  return { plain, min: min_ivl, max: max_ivl };
}

/**
 * The day in [min, max] with the least load, the load being (due + 1) / factor. A day with
 * factor 0 is taken only when every day of the range has factor 0. Ties go to the interval
 * FSRS asked for, then to the earlier day.
 */
export function balancedDays(min: number, max: number, wanted: number, context: BalanceContext): number {
  let best = wanted;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (let day = min; day <= max; day++) {
    const factor = context.factorOf?.(day) ?? 1;
    const score: [number, number] = factor <= 0 ? [1, context.dueOn(day)] : [0, (context.dueOn(day) + 1) / factor];
    const better = score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1]);
    const tie = score[0] === bestScore[0] && score[1] === bestScore[1];
    if (better || (tie && Math.abs(day - wanted) < Math.abs(best - wanted))) {
      best = day;
      bestScore = score;
    }
  }
  return best;
}

/**
 * answerMemory, with the fuzzed day replaced by the least loaded day of the fuzz range.
 * `contextFor(min, max)` gives the loads of that range (the caller counts them in one go).
 * Outside balanceRange's cases it is answerMemory itself, fuzz and all.
 */
export function answerBalanced(
  memory: Memory, grade: Grade, time: number, options: SchedulerOptions,
  contextFor: (min: number, max: number) => BalanceContext,
): Memory {
  const range = balanceRange(memory, grade, time, options);
  if (!range) return answerMemory(memory, grade, time, options);
  const days = balancedDays(range.min, range.max, range.plain.scheduledDays, contextFor(range.min, range.max));
  const answeredAt = range.plain.lastReview ?? time;
  return { ...range.plain, scheduledDays: days, due: answeredAt + days * DAY };
}

export interface CardLog {
  cardId: number;
  createdAt: number;
  answers: ReadonlyArray<{ grade: Grade; time: number }>;
}

/** How replay and live answers number study days and weigh week days. */
export interface DayRule {
  /** The study day number of a time (consecutive integers, one per day). */
  dayOf(time: number): number;
  /** Load factor of a study day number (easy days); 1 when absent. */
  factorOfDay?(day: number): number;
}

/**
 * Every card's memory rebuilt from the logs alone, answers taken in time order across cards
 * with the due counts they had then: the same due dates as answering live with answerBalanced.
 */
export function replayBalanced(logs: readonly CardLog[], options: SchedulerOptions, rule: DayRule): Map<number, Memory> {
  const memories = new Map<number, Memory>(logs.map((log) => [log.cardId, newMemory(log.createdAt)]));
  const due = new DueCounts(rule.dayOf);
  const answers = logs.flatMap((log) => log.answers.map((a, i) => ({ cardId: log.cardId, i, ...a })));
  answers.sort((a, b) => a.time - b.time || a.cardId - b.cardId || a.i - b.i);
  for (const answer of answers) {
    const before = memories.get(answer.cardId)!;
    due.remove(before);
    const after = answerBalanced(before, answer.grade, answer.time, options, () => due.context(answer.time, rule));
    due.add(after);
    memories.set(answer.cardId, after);
  }
  return memories;
}

/** Review cards due per study day, kept up to date as cards are answered. */
export class DueCounts {
  private readonly counts = new Map<number, number>();
  private readonly dayOf: (time: number) => number;
  constructor(dayOf: (time: number) => number) {
    this.dayOf = dayOf;
  }

  add(memory: Memory): void {
    if (memory.state === 'review') this.change(this.dayOf(memory.due), 1);
  }

  remove(memory: Memory): void {
    if (memory.state === 'review') this.change(this.dayOf(memory.due), -1);
  }

  on(day: number): number {
    return this.counts.get(day) ?? 0;
  }

  /** The balance context of an answer at `time` (days counted from the study day of `time`). */
  context(time: number, rule: DayRule): BalanceContext {
    const today = rule.dayOf(time);
    const factor = rule.factorOfDay;
    return { dueOn: (days) => this.on(today + days), ...(factor ? { factorOf: (days: number) => factor(today + days) } : {}) };
  }

  private change(day: number, delta: number): void {
    this.counts.set(day, (this.counts.get(day) ?? 0) + delta);
  }
}

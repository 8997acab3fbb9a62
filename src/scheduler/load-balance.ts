/**
 * Load balance and easy days, as Anki's load balancer does: with fuzz on, a review's next day
 * is picked inside ts-fsrs's fuzz range (get_fuzz_range: never outside it) where the fewest
 * reviews are already due, and week days marked easy count as busier so they get fewer.
 * Deterministic: the pick depends only on the due counts, which depend only on the review
 * logs, so replaying every log in time order (replayBalanced) gives the same due dates.
 * Not wired into `engram answer` yet (see the report of issue 18): the answer path would pass
 * the deck's due counts, and replay would have to run over the whole deck in time order.
 */
import { get_fuzz_range } from 'ts-fsrs';
import { DAY, type Grade, type Memory } from '../core/index.js';
import { answerMemory, newMemory, type SchedulerOptions } from './scheduler.js';

export interface BalanceContext {
  /** Reviews already due on the day `days` after `time` (this card excluded). */
  dueOn(day: number): number;
  /** Week days (0 Sunday … 6 Saturday, of the day `days` after `time`) to keep light. */
  easyDays?: ReadonlySet<number>;
  weekdayOf?(day: number): number;
}

/** An easy day counts as this many times as busy, so it gets about half the reviews. */
const EASY_DAY_WEIGHT = 2;

/** The day in [min, max] with the least load; ties go to the interval FSRS asked for, then the earlier day. */
export function balancedDays(min: number, max: number, wanted: number, context: BalanceContext): number {
  let best = wanted;
  let bestScore = Infinity;
  for (let day = min; day <= max; day++) {
    const easy = context.easyDays?.has(context.weekdayOf?.(day) ?? -1) ?? false;
    const score = (context.dueOn(day) + 1) * (easy ? EASY_DAY_WEIGHT : 1);
    if (score < bestScore || (score === bestScore && Math.abs(day - wanted) < Math.abs(best - wanted))) {
      best = day;
      bestScore = score;
    }
  }
  return best;
}

/**
 * answerMemory, with the fuzzed day replaced by the least loaded day of the fuzz range. Without
 * fuzz, or for a step in minutes or an interval too short to fuzz, it is answerMemory itself.
 */
export function answerBalanced(memory: Memory, grade: Grade, time: number, options: SchedulerOptions, context: BalanceContext): Memory {
  if (!options.fuzz) return answerMemory(memory, grade, time, options);
  const plain = answerMemory(memory, grade, time, { ...options, fuzz: false });
  const wanted = plain.scheduledDays;
  if (plain.state !== 'review' || wanted < 3) return answerMemory(memory, grade, time, options);
  const { min_ivl, max_ivl } = get_fuzz_range(wanted, plain.elapsedDays, options.maximumInterval);
  const days = balancedDays(min_ivl, max_ivl, wanted, context);
  const answeredAt = plain.lastReview ?? time;
  return { ...plain, scheduledDays: days, due: answeredAt + days * DAY };
}

export interface CardLog {
  cardId: number;
  createdAt: number;
  answers: ReadonlyArray<{ grade: Grade; time: number }>;
}

/**
 * Every card's memory rebuilt from the logs alone, answers taken in time order across cards
 * with the due counts they had then: the same due dates as answering live with answerBalanced.
 */
export function replayBalanced(
  logs: readonly CardLog[],
  options: SchedulerOptions,
  dayOf: (time: number) => number,
  easy?: { days: ReadonlySet<number>; weekdayOf: (day: number) => number },
): Map<number, Memory> {
  const memories = new Map<number, Memory>(logs.map((log) => [log.cardId, newMemory(log.createdAt)]));
  const due = new DueCounts(dayOf);
  const answers = logs.flatMap((log) => log.answers.map((a, i) => ({ cardId: log.cardId, i, ...a })));
  answers.sort((a, b) => a.time - b.time || a.cardId - b.cardId || a.i - b.i);
  for (const answer of answers) {
    const before = memories.get(answer.cardId)!;
    const after = answerBalanced(before, answer.grade, answer.time, options, due.context(answer.time, easy));
    due.move(before, after);
    memories.set(answer.cardId, after);
  }
  return memories;
}

/** Review cards due per day, kept up to date as cards are answered. */
export class DueCounts {
  private readonly counts = new Map<number, number>();
  private readonly dayOf: (time: number) => number;
  constructor(dayOf: (time: number) => number) {
    this.dayOf = dayOf;
  }

  move(before: Memory, after: Memory): void {
    if (before.state === 'review') this.add(this.dayOf(before.due), -1);
    if (after.state === 'review') this.add(this.dayOf(after.due), 1);
  }

  on(day: number): number {
    return this.counts.get(day) ?? 0;
  }

  /** The balance context of an answer at `time` (days counted from the day of `time`). */
  context(time: number, easy?: { days: ReadonlySet<number>; weekdayOf: (day: number) => number }): BalanceContext {
    const today = this.dayOf(time);
    return {
      dueOn: (days) => this.on(today + days),
      ...(easy ? { easyDays: easy.days, weekdayOf: (days: number) => easy.weekdayOf(today + days) } : {}),
    };
  }

  private add(day: number, delta: number): void {
    this.counts.set(day, (this.counts.get(day) ?? 0) + delta);
  }
}

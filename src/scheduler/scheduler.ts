/**
 * Scheduling as pure functions of (memory, grade, now). The caller persists the result;
 * nothing here reads the clock or touches storage.
 */
import { FSRS, createEmptyCard, generatorParameters } from 'ts-fsrs';
import { GRADES, type Grade, type Memory } from '../core/index.js';
import { fromFsrsCard, toFsrsCard, toRating, toSteps } from './convert.js';

export interface SchedulerOptions {
  desiredRetention: number;
  maximumInterval: number;
  learningSteps: readonly string[];
  relearningSteps: readonly string[];
  fuzz: boolean;
  weights: readonly number[] | null;
}

const schedulers = new Map<string, FSRS>();

function schedulerFor(options: SchedulerOptions): FSRS {
  const key = JSON.stringify(options);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = new FSRS(
      generatorParameters({
        request_retention: options.desiredRetention,
        maximum_interval: options.maximumInterval,
        enable_fuzz: options.fuzz,
        enable_short_term: true,
        learning_steps: toSteps(options.learningSteps),
        relearning_steps: toSteps(options.relearningSteps),
        ...(options.weights ? { w: [...options.weights] } : {}),
      }),
    );
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** The memory of a card that has never been studied, due at `time`. */
export function newMemory(time: number): Memory {
  return fromFsrsCard(createEmptyCard(new Date(time)));
}

/** The memory after answering `grade` at `time`. */
export function answerMemory(memory: Memory, grade: Grade, time: number, options: SchedulerOptions): Memory {
  const item = schedulerFor(options).next(toFsrsCard(memory), new Date(notBefore(memory, time)), toRating(grade));
  return fromFsrsCard(item.card);
}

/** What each of the four grades would do, for the interval labels on the answer buttons. */
export function previewAnswers(memory: Memory, time: number, options: SchedulerOptions): Record<Grade, Memory> {
  const preview = schedulerFor(options).repeat(toFsrsCard(memory), new Date(notBefore(memory, time)));
  const out = {} as Record<Grade, Memory>;
  for (const grade of GRADES) out[grade] = fromFsrsCard(preview[toRating(grade)].card);
  return out;
}

/** A clock set back (ENGRAM_NOW, a changed system clock) must not make time run backwards for a card. */
function notBefore(memory: Memory, time: number): number {
  return memory.lastReview !== null && time < memory.lastReview ? memory.lastReview : time;
}

/** Days since the last review at `time` (0 for a new card): the review log's elapsed time. */
export function elapsedDaysAt(memory: Memory, time: number): number {
  if (memory.lastReview === null) return 0;
  return Math.max(0, (time - memory.lastReview) / 86_400_000);
}

/** Probability of recall at `time`, or null for a new card. */
export function retrievability(memory: Memory, time: number, options: SchedulerOptions): number | null {
  if (memory.state === 'new') return null;
  return schedulerFor(options).get_retrievability(toFsrsCard(memory), new Date(time), false);
}

/** FSRS's forgetting curve of these options: probability of recall `elapsedDays` after the last review at `stability` (days). */
export function forgettingCurve(options: SchedulerOptions): (elapsedDays: number, stability: number) => number {
  const scheduler = schedulerFor(options);
  return (elapsedDays, stability) => scheduler.forgetting_curve(Math.max(0, elapsedDays), stability);
}

/**
 * Rebuilds a card's memory from its review log alone. The log is the source of truth:
 * replaying it must give the state that answering live gave.
 */
export function replayReviews(
  createdAt: number,
  reviews: ReadonlyArray<{ grade: Grade; time: number }>,
  options: SchedulerOptions,
): Memory {
  let memory = newMemory(createdAt);
  for (const review of reviews) memory = answerMemory(memory, review.grade, review.time, options);
  return memory;
}

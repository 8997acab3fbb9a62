/**
 * Load balance and easy days in the collection: the answer path picks a review's day inside
 * its fuzz range from the deck's due counts (one indexed range count in the store), and
 * replaySchedules rebuilds every card of a deck from the log alone with the same picks, so
 * the log stays the truth. The pick itself is scheduler/load-balance.ts.
 *
 * Study days are numbered in whole days from a fixed local day start (the deck's rollover
 * hour), so the live count and the replay bucket dues identically; the local time zone is part
 * of the collection's setting, as it is for the queue's days.
 */
import { DAY, WEEKDAYS, dayStart, type Card, type DeckOptions, type Grade, type Memory } from '../core/index.js';
import { answerMemory, newMemory, type SchedulerOptions } from '../scheduler/index.js';
import { DueCounts, answerBalanced, type BalanceContext, type DayRule } from '../scheduler/load-balance.js';
import { deckAnswersInOrder, deckCardsForReplay, reviewsDueByDay } from '../store/load-balance.js';
import type { Collection } from './collection.js';
import { schedulerOptions } from './deck-options.js';
import { leechAfterAnswer } from './leeches.js';

/** Monday 3 January 2000, noon UTC: day 0 of the study-day numbering. */
const EPOCH = Date.UTC(2000, 0, 3, 12);

interface StudyDays extends DayRule {
  startOf(day: number): number;
}

/** The deck's study-day numbering and, with easy days set, each day's load factor. */
export function studyDays(options: DeckOptions): StudyDays {
  const anchor = dayStart(EPOCH, options.rolloverHour);
  const easy = options.easyDays;
  const weekdayOf = (day: number) => WEEKDAYS[new Date(anchor + day * DAY + DAY / 2).getDay()]!;
  return {
    dayOf: (time) => Math.floor((time - anchor) / DAY),
    startOf: (day) => anchor + day * DAY,
    ...(Object.keys(easy).length > 0 ? { factorOfDay: (day: number) => easy[weekdayOf(day)] ?? 1 } : {}),
  };
}

/** Whether answers in a deck with these options are load-balanced (Anki: only with fuzz on). */
export function balances(options: DeckOptions): boolean {
  return options.loadBalance && options.fuzz;
}

/** The card's memory after `grade` at `time`: FSRS's answer, its day load-balanced when the deck asks. */
export function answerMemoryOf(col: Collection, card: Card, grade: Grade, time: number, options: DeckOptions): Memory {
  const scheduler = schedulerOptions(options);
  if (!balances(options)) return answerMemory(card.memory, grade, time, scheduler);
  const days = studyDays(options);
  return answerBalanced(card.memory, grade, time, scheduler, (min, max): BalanceContext => {
    const today = days.dayOf(time);
    const counts = reviewsDueByDay(col.store, card.deckId, days.startOf(today), min, max, card.id);
    return { dueOn: (d) => counts.get(d) ?? 0, ...(days.factorOfDay ? { factorOf: (d: number) => days.factorOfDay!(today + d) } : {}) };
  });
}

/**
 * Every card of a deck rebuilt from the review log alone, answers taken in the order they were
 * given (the log's row order) across the deck with the due counts they had then: the same memory (due dates included) as the
 * answers gave live, for cards whose whole history is in the log. Suspension and retirement
 * are not in the log: a card out of the queue now is taken as out since its last answer, or
 * since the answer that made it a leech when the deck suspends leeches (both exact when the
 * user did not suspend, unsuspend or retire it by hand between answers).
 */
export function replaySchedules(col: Collection, deckId: number): Map<number, Memory> {
  const options = col.deckOptions(deckId);
  const scheduler: SchedulerOptions = schedulerOptions(options);
  const cards = deckCardsForReplay(col.store, deckId);
  const memories = new Map<number, Memory>(cards.map((c) => [c.id, newMemory(c.createdAt)]));
  const answers = deckAnswersInOrder(col.store, deckId);
  const lastAnswer = new Map<number, number>();
  answers.forEach(([cardId], i) => lastAnswer.set(cardId, i));
  const out = new Set(cards.filter((c) => c.suspended || c.retired).map((c) => c.id));
  const days = studyDays(options);
  const due = new DueCounts(days.dayOf);
  const leeches = new Set<number>();
  answers.forEach(([cardId, grade, time], i) => {
    const before = memories.get(cardId)!;
    due.remove(before);
    const after = balances(options)
      ? answerBalanced(before, grade as Grade, time, scheduler, () => due.context(time, days))
      : answerMemory(before, grade as Grade, time, scheduler);
    if (options.leechAction === 'suspend' && leechAfterAnswer(before, after, leeches.has(cardId) ? ['leech'] : [], options)) leeches.add(cardId);
    const gone = out.has(cardId) && (lastAnswer.get(cardId) === i || leeches.has(cardId));
    if (!gone) due.add(after);
    memories.set(cardId, after);
  });
  return memories;
}

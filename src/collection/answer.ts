/**
 * Answering a card. One transaction: the card's new state, its log row with the undo snapshot
 * taken before it, and the journal entry that undo finds (card-actions.ts undoes it).
 */
import {
  DAY, EngramError, GRADES, encodeUndoSnapshot, nextDayStart, now,
  type Card, type Grade, type Memory, type UndoSnapshot,
} from '../core/index.js';
import { elapsedDaysAt, previewAnswers, formatInterval } from '../scheduler/index.js';
import type { Collection } from './collection.js';
import { schedulerOptions } from './deck-options.js';
import { leechAfterAnswer } from './leeches.js';
import { answerMemoryOf } from './load-balance.js';
import { cardRefIfSyncing, recordEvent } from './sync-log.js';

export interface AnswerResult {
  card: Card;
  memory: Memory;
  intervalDays: number;
  leech: boolean;
  reviewId: number;
  /** The answer's journal entry: the review screen undoes exactly this one. */
  actionId: number;
  /** Siblings buried by this answer. */
  buriedIds: number[];
}

export interface IntervalPreview {
  grade: Grade;
  due: number;
  label: string;
}

export function previewIntervals(col: Collection, card: Card): IntervalPreview[] {
  const time = now();
  const preview = previewAnswers(card.memory, time, schedulerOptions(col.deckOptions(card.deckId)));
  return GRADES.map((grade) => ({ grade, due: preview[grade].due, label: formatInterval(preview[grade].due - time) }));
}

export function answerCard(col: Collection, cardId: number, grade: Grade, durationMs: number | null): AnswerResult {
  return col.store.transaction(() => {
    const card = col.getCard(cardId);
    if (card.retired) throw new EngramError(`card ${cardId} is retired (its text is gone from the notes)`);
    const options = col.deckOptions(card.deckId);
    const time = now();
    const memory = answerMemoryOf(col, card, grade, time, options);
    let suspended = card.suspended;
    let tags = card.tags;
    const leech = leechAfterAnswer(card.memory, memory, card.tags, options);
    if (leech) {
      if (!tags.includes('leech')) tags = [...tags, 'leech'];
      if (options.leechAction === 'suspend') suspended = true;
    }
    const siblings = options.burySiblings ? col.store.siblingsToBury(card, nextDayStart(time, options.rolloverHour)) : [];
    const buryUntil = nextDayStart(time, options.rolloverHour);
    for (const sibling of siblings) col.store.setBuriedUntil(sibling.id, buryUntil, time);
    col.store.updateCardSchedule(card.id, {
      memory, suspended, tags, buriedUntil: card.buriedUntil, seenFront: card.front, seenBack: card.back,
    }, time);
    const snapshot: UndoSnapshot = {
      memory: card.memory, suspended: card.suspended, tags: card.tags, buriedUntil: card.buriedUntil,
      seenFront: card.seenFront, seenBack: card.seenBack, siblings,
    };
    const reviewId = col.store.insertReview({
      cardId: card.id,
      grade,
      reviewedAt: time,
      elapsedDays: elapsedDaysAt(card.memory, time),
      durationMs,
      stateBefore: card.memory.state,
      stateAfter: memory.state,
      before: encodeUndoSnapshot(snapshot),
    });
    const actionId = col.store.insertAction(time, { kind: 'answer', cardId: card.id, reviewId, grade }, []);
    // Sync: the answer's event, in this transaction (nothing is recorded when the database does not sync).
    const ref = cardRefIfSyncing(col.store, card.id);
    if (ref) {
      recordEvent(col.store, { type: 'answer', card: ref, grade, durationMs, days: memory.scheduledDays }, { time, reviewId });
      if (suspended && !card.suspended) recordEvent(col.store, { type: 'suspend', card: ref, suspended: true }, { time });
    }
    return {
      card: col.getCard(card.id), memory, intervalDays: (memory.due - time) / DAY, leech, reviewId, actionId,
      buriedIds: siblings.map((s) => s.id),
    };
  });
}

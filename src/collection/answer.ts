/**
 * Answering a card and taking the answer back, and the other things done to one card during
 * study (suspend, bury). Each is one transaction; an answer keeps an undo snapshot with its
 * log row.
 */
import {
  DAY, EngramError, GRADES, decodeUndoSnapshot, encodeUndoSnapshot, nextDayStart, now,
  type Card, type Grade, type Memory, type Review, type UndoSnapshot,
} from '../core/index.js';
import { answerMemory, elapsedDaysAt, previewAnswers, formatInterval } from '../scheduler/index.js';
import type { Collection } from './collection.js';
import { schedulerOptions } from './deck-options.js';
import { rebuildAfterUndo } from './sync-apply.js';
import { answerEventOf, cardRefIfSyncing, recordEvent } from './sync-log.js';

export interface AnswerResult {
  card: Card;
  memory: Memory;
  intervalDays: number;
  leech: boolean;
  reviewId: number;
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
    const memory = answerMemory(card.memory, grade, time, schedulerOptions(options));
    let suspended = card.suspended;
    let tags = card.tags;
    const leech = memory.lapses > card.memory.lapses && isLeech(memory.lapses, options.leechThreshold);
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
    // Sync: the answer's event, in this transaction (nothing is recorded when the database does not sync).
    const ref = cardRefIfSyncing(col.store, card.id);
    if (ref) {
      recordEvent(col.store, { type: 'answer', card: ref, grade, durationMs }, { time, reviewId });
      if (suspended && !card.suspended) recordEvent(col.store, { type: 'suspend', card: ref, suspended: true }, { time });
    }
    return {
      card: col.getCard(card.id), memory, intervalDays: (memory.due - time) / DAY, leech, reviewId,
      buriedIds: siblings.map((s) => s.id),
    };
  });
}

/**
 * Undoes the most recent answer: the card gets back its state, the siblings it buried are
 * unburied, and the log row is removed. `expectedReviewId` guards against undoing an answer
 * given elsewhere (another process) since.
 */
export function undoLastAnswer(col: Collection, expectedReviewId?: number): { card: Card; review: Review } {
  return col.store.transaction(() => {
    const last = col.store.lastReview();
    if (!last) throw new EngramError('nothing to undo');
    if (expectedReviewId !== undefined && last.id !== expectedReviewId) {
      throw new EngramError('the last answer was given elsewhere since; not undoing it');
    }
    const snapshot = decodeUndoSnapshot(last.before);
    const time = now();
    const { siblings, ...restored } = snapshot;
    col.store.updateCardSchedule(last.cardId, restored, time);
    for (const sibling of siblings) col.store.setBuriedUntil(sibling.id, sibling.buriedUntil, time);
    const answerEvent = answerEventOf(col.store, last.id);
    col.store.deleteReview(last.id);
    // Sync: a compensating event takes the answer back on every device; a card whose log also
    // holds other devices' answers gets the memory its remaining log replays to.
    const ref = cardRefIfSyncing(col.store, last.cardId);
    if (ref && answerEvent) recordEvent(col.store, { type: 'undo', card: ref, target: answerEvent }, { time });
    if (ref) rebuildAfterUndo(col, last.cardId, time);
    return { card: col.getCard(last.cardId), review: last };
  });
}

export function suspendCard(col: Collection, cardId: number, suspended: boolean): Card {
  return col.store.transaction(() => {
    col.getCard(cardId);
    const time = now();
    col.store.setSuspended(cardId, suspended, time);
    // Recorded even when nothing changed here: it is the latest wish, and another device may not share this state yet.
    const ref = cardRefIfSyncing(col.store, cardId);
    if (ref) recordEvent(col.store, { type: 'suspend', card: ref, suspended }, { time });
    return col.getCard(cardId);
  });
}

export function buryCard(col: Collection, cardId: number): Card {
  return col.store.transaction(() => {
    const card = col.getCard(cardId);
    const time = now();
    const until = nextDayStart(time, col.deckOptions(card.deckId).rolloverHour);
    col.store.setBuriedUntil(cardId, until, time);
    const ref = cardRefIfSyncing(col.store, cardId);
    if (ref) recordEvent(col.store, { type: 'bury', card: ref, until }, { time });
    return col.getCard(cardId);
  });
}

/** Anki's rule: a leech at the threshold, then again every half threshold. */
function isLeech(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false;
  const every = Math.max(1, Math.floor(threshold / 2));
  return (lapses - threshold) % every === 0;
}

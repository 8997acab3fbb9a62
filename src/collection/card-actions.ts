/**
 * Card actions (suspend, bury, flag, forget, tag, reschedule) and undo of any action. Each action
 * is one use-case in one transaction: it changes its cards and writes one journal entry (the
 * `actions` table) with the typed record of the change and the fields as they were before, so
 * `engram undo` and `u` in the review take back the newest action of any kind, also from another
 * process. Answers are journalled by answer.ts (their snapshot stays in the review row).
 */
import {
  DAY, EngramError, UsageError, actionCardIds, applyTagEdits, dayStart, decodeUndoSnapshot, mergeTagEdits, nextDayStart, now,
  NO_TAG_EDITS, type ActionChange, type Card, type CardBefore, type JournalEntry, type Review,
} from '../core/index.js';
import { newMemory } from '../scheduler/index.js';
import type { Collection } from './collection.js';
import { rebuildAfterUndo } from './sync-apply.js';
import { answerEventOf, cardRefIfSyncing, recordAction, recordActionUndo, recordEvent } from './sync-log.js';

export interface ActionResult {
  /** The journal entry's id: the review screen undoes exactly this one. */
  actionId: number;
  change: ActionChange;
  /** The cards as they are after the action. */
  cards: Card[];
}

export interface UndoResult {
  entry: JournalEntry;
  /** The cards as they are after the undo; `card` is the first (an answer's only one). */
  cards: Card[];
  card: Card;
  /** The answer's log row, removed by the undo (answers only). */
  review?: Review;
}

/** The furthest `reschedule --days` goes: 100 years. */
export const MAX_RESCHEDULE_DAYS = 36_500;

/** Runs one action: loads and checks the cards, applies `apply` to each, journals the change. */
function act(
  col: Collection,
  ids: readonly number[],
  make: (cards: Card[], time: number) => { change: ActionChange; before: CardBefore[]; apply: (card: Card) => void },
): ActionResult {
  if (ids.length === 0) throw new UsageError('name at least one card id');
  return col.store.transaction(() => {
    const unique = [...new Set(ids)];
    const cards = unique.map((id) => col.getCard(id));
    const time = now();
    const { change, before, apply } = make(cards, time);
    for (const card of cards) apply(card);
    const actionId = col.store.insertAction(time, change, before);
    const after = unique.map((id) => col.getCard(id));
    // Sync: one event per card (per card and tag), in this transaction (nothing when the database does not sync).
    recordAction(col.store, change, after, time);
    return { actionId, change, cards: after };
  });
}

export function suspendCards(col: Collection, ids: readonly number[], suspended: boolean): ActionResult {
  return act(col, ids, (cards, time) => ({
    change: { kind: suspended ? 'suspend' : 'unsuspend', cardIds: cards.map((c) => c.id) },
    before: cards.map((c) => ({ id: c.id, suspended: c.suspended })),
    apply: (c) => col.store.setSuspended(c.id, suspended, time),
  }));
}

export function buryCards(col: Collection, ids: readonly number[]): ActionResult {
  return act(col, ids, (cards, time) => {
    // One time for all: the start of the next study day of the first card's deck.
    const until = nextDayStart(time, col.deckOptions(cards[0]!.deckId).rolloverHour);
    return {
      change: { kind: 'bury', cardIds: cards.map((c) => c.id), until },
      before: cards.map((c) => ({ id: c.id, buriedUntil: c.buriedUntil })),
      apply: (c) => col.store.setBuriedUntil(c.id, nextDayStart(time, col.deckOptions(c.deckId).rolloverHour), time),
    };
  });
}

/** Sets (1–4) or clears (0) the flag of cards. */
export function flagCards(col: Collection, ids: readonly number[], flag: number): ActionResult {
  if (!Number.isInteger(flag) || flag < 0 || flag > 4) throw new UsageError(`flag must be 0-4 (0 clears; 1 red, 2 orange, 3 green, 4 blue), not ${String(flag)}`);
  return act(col, ids, (cards, time) => ({
    change: { kind: 'flag', cardIds: cards.map((c) => c.id), flag },
    before: cards.map((c) => ({ id: c.id, flag: c.flag })),
    apply: (c) => col.store.setFlag(c.id, flag, time),
  }));
}

/**
 * Puts cards back to new, as Anki's "Reset": the review log stays (history kept), the FSRS
 * memory starts again, reps and lapses are kept (Anki's default). The journal entry is the
 * record of the reset; the review log gets no row, so stats and the optimizer count only
 * answers (the optimizer starts a card's history again at its first answer after a reset).
 */
export function forgetCards(col: Collection, ids: readonly number[]): ActionResult {
  return act(col, ids, (cards, time) => ({
    change: { kind: 'forget', cardIds: cards.map((c) => c.id) },
    before: cards.map((c) => ({ id: c.id, memory: c.memory })),
    apply: (c) => col.store.setCardMemory(c.id, { ...newMemory(time), reps: c.memory.reps, lapses: c.memory.lapses }, time),
  }));
}

/** Adds and removes tags by hand; the edits are remembered and applied again when the note is re-imported. */
export function tagCards(col: Collection, ids: readonly number[], add: readonly string[], remove: readonly string[]): ActionResult {
  if (add.length === 0 && remove.length === 0) throw new UsageError('name a tag to add (+tag) or remove (-tag)');
  return act(col, ids, (cards, time) => ({
    change: { kind: 'tag', cardIds: cards.map((c) => c.id), add: [...add], remove: [...remove] },
    before: cards.map((c) => ({ id: c.id, tags: c.tags, tagEdits: c.tagEdits ?? NO_TAG_EDITS })),
    apply: (c) => {
      const edits = mergeTagEdits(c.tagEdits ?? NO_TAG_EDITS, add, remove);
      col.store.setTags(c.id, applyTagEdits(c.tags, { add: [...add], remove: [...remove] }), edits, time);
    },
  }));
}

/**
 * Makes cards due `days` study days from now (0: today), as Anki's "Set due date". A card with a
 * memory (review, or learning/relearning after its first answer) is in review afterwards with its
 * stability kept; a new card has no memory to schedule and is refused.
 */
export function rescheduleCards(col: Collection, ids: readonly number[], days: number): ActionResult {
  if (!Number.isInteger(days) || days < 0 || days > MAX_RESCHEDULE_DAYS) {
    throw new UsageError(`--days must be a whole number of days from 0 to ${MAX_RESCHEDULE_DAYS}, not ${String(days)}`);
  }
  return act(col, ids, (cards, time) => {
    const dueOf = (c: Card) => (days === 0 ? time : dayStart(time, col.deckOptions(c.deckId).rolloverHour) + days * DAY);
    for (const c of cards) {
      if (c.memory.state === 'new' || !(c.memory.stability > 0)) {
        throw new EngramError(`card ${c.id} is new: it has no memory to schedule yet (answer it once, or leave it new)`);
      }
    }
    return {
      change: { kind: 'reschedule', cardIds: cards.map((c) => c.id), days, due: dueOf(cards[0]!) },
      before: cards.map((c) => ({ id: c.id, memory: c.memory })),
      apply: (c) => col.store.setCardMemory(c.id, { ...c.memory, state: 'review', learningSteps: 0, due: dueOf(c) }, time),
    };
  });
}

/**
 * Undoes the newest action not yet undone, of any kind: its cards get back the fields it
 * changed, an answer's log row is removed (and the siblings it buried unburied). The entry stays
 * in the journal, marked undone. `expected` guards against undoing an action taken elsewhere
 * (another process) since: the review screen passes the id of its own last action.
 */
export function undoLastAction(col: Collection, expected?: { actionId?: number; reviewId?: number }): UndoResult {
  return col.store.transaction(() => {
    const entry = col.store.lastOpenAction();
    if (!entry) throw new EngramError('nothing to undo');
    const elsewhere = (expected?.actionId !== undefined && entry.id !== expected.actionId)
      || (expected?.reviewId !== undefined && (entry.change.kind !== 'answer' || entry.change.reviewId !== expected.reviewId));
    if (elsewhere) throw new EngramError(`the last action (${entry.change.kind}) was taken elsewhere since; not undoing it`);
    const time = now();
    let review: Review | undefined;
    if (entry.change.kind === 'answer') {
      const row = col.store.reviewById(entry.change.reviewId);
      if (!row) throw new EngramError(`the answer to undo (review ${entry.change.reviewId}) is gone from the log; cannot undo it`);
      const { siblings, ...restored } = decodeUndoSnapshot(row.before);
      col.store.updateCardSchedule(row.cardId, restored, time);
      for (const sibling of siblings) col.store.setBuriedUntil(sibling.id, sibling.buriedUntil, time);
      const answerEvent = answerEventOf(col.store, row.id);
      col.store.deleteReview(row.id);
      // Sync: a compensating event takes the answer back on every device; a card whose log also
      // holds other devices' answers gets the memory its remaining log replays to.
      const ref = cardRefIfSyncing(col.store, row.cardId);
      if (ref && answerEvent) recordEvent(col.store, { type: 'undo', card: ref, target: answerEvent }, { time });
      if (ref) rebuildAfterUndo(col, row.cardId, time);
      const { before: _snapshot, ...plain } = row;
      review = plain;
    } else {
      for (const before of entry.before) restore(col, before, time);
      // Sync: the restored values reach the other devices (a forget or reschedule leaves the card's log).
      recordActionUndo(col.store, entry, time);
      if (entry.change.kind === 'forget' || entry.change.kind === 'reschedule') {
        for (const before of entry.before) if (col.store.getCard(before.id)) rebuildAfterUndo(col, before.id, time);
      }
    }
    col.store.markActionUndone(entry.id, time);
    const cards = actionCardIds(entry.change).flatMap((id) => {
      const card = col.store.getCard(id);
      return card ? [card] : [];
    });
    return { entry, cards, card: cards[0]!, ...(review ? { review } : {}) };
  });
}

function restore(col: Collection, before: CardBefore, time: number): void {
  if (!col.store.getCard(before.id)) return;
  if (before.memory) col.store.setCardMemory(before.id, before.memory, time);
  if (before.suspended !== undefined) col.store.setSuspended(before.id, before.suspended, time);
  if (before.buriedUntil !== undefined) col.store.setBuriedUntil(before.id, before.buriedUntil, time);
  if (before.flag !== undefined) col.store.setFlag(before.id, before.flag, time);
  if (before.tags) col.store.setTags(before.id, before.tags, before.tagEdits ?? NO_TAG_EDITS, time);
}

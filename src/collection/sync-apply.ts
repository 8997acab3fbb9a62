/**
 * Applying other devices' events to this database, and rebuilding a card's memory from its
 * whole log. Answers add up (every device's answers of a card are its log, replayed in the one
 * order: time, device, sequence), and forgets and reschedules take their place in it; suspend,
 * bury, triage, flag, tag and option events set a value, and the latest of them wins (by the
 * same order), whichever arrived first.
 */
import { DAY, NO_TAG_EDITS, encodeUndoSnapshot, decodeUndoSnapshot, type Grade, type Memory } from '../core/index.js';
import { answerMemory, elapsedDaysAt, newMemory, type SchedulerOptions } from '../scheduler/index.js';
import { balanceRange } from '../scheduler/load-balance.js';
import {
  cardKeyRows, cardMarkers, cardOfReview, hasSameAnswer, isUndone, markEventApplied, markMarkerApplied, newerInSlot, pendingEvents, relinkLines, replayLog,
  studiedCardsOfDeck, syncEvent, updateReplayedReview, type ReplayRow,
} from '../store/sync.js';
import { compareEvents, decodeEvent, slotOf, type CardRef, type SyncEvent } from '../sync/index.js';
import type { Collection } from './collection.js';
import { schedulerOptions } from './deck-options.js';
import { cardRefOf, deviceOf } from './sync-log.js';

/** Finds the local card an event names, through relinks when its key is an old or a newer one. */
export class CardResolver {
  private readonly byKey = new Map<string, Array<{ id: number; segments: string[] }>>();
  private readonly links = new Map<string, Set<string>>();

  constructor(col: Collection) {
    for (const row of cardKeyRows(col.store)) {
      const ref = cardRefOf(row);
      const list = this.byKey.get(ref.key) ?? [];
      list.push({ id: row.id, segments: ref.note ? ref.note.split('/') : [] });
      this.byKey.set(ref.key, list);
    }
    for (const line of relinkLines(col.store)) {
      const decoded = decodeEvent(line);
      if (decoded.ok && decoded.event.type === 'relink') this.link(decoded.event.from.key, decoded.event.to.key);
    }
  }

  link(a: string, b: string): void {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = this.links.get(x) ?? new Set<string>();
      set.add(y);
      this.links.set(x, set);
    }
  }

  /**
   * The card's local id, or null when no card here has the key (nor a key relinked to it), or
   * several cards tie (the same text in notes whose paths end alike).
   */
  resolve(ref: CardRef): number | null {
    let candidates = this.byKey.get(ref.key);
    if (!candidates) {
      // Walk the relinks (both ways, any length) to a key a card here has.
      const seen = new Set([ref.key]);
      const queue = [ref.key];
      while (queue.length > 0 && !candidates) {
        for (const next of this.links.get(queue.shift()!) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          candidates = this.byKey.get(next);
          if (candidates) break;
          queue.push(next);
        }
      }
    }
    if (!candidates || candidates.length === 0) return null;
    if (candidates.length === 1) return candidates[0]!.id;
    const wanted = ref.note ? ref.note.split('/') : [];
    let best: number | null = null;
    let bestScore = -1;
    let tie = false;
    for (const c of candidates) {
      const score = commonSuffix(wanted, c.segments);
      if (score > bestScore) [best, bestScore, tie] = [c.id, score, false];
      else if (score === bestScore) tie = true;
    }
    return tie ? null : best;
  }
}

function commonSuffix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

export interface ApplyOutcome {
  applied: number;
  /** Events still waiting for a card (or deck) this device does not have. */
  waiting: number;
  /** A note of a waiting card, for the warning. */
  unknownExample: string | null;
  warnings: string[];
}

/**
 * Applies every pending event that can be applied now, in replay order; call inside the
 * sync's transaction. Cards whose log changed are added to `touched` (rebuild them after).
 */
export function applyPending(col: Collection, resolver: CardResolver, touched: Set<number>): ApplyOutcome {
  const out: ApplyOutcome = { applied: 0, waiting: 0, unknownExample: null, warnings: [] };
  for (const row of pendingEvents(col.store)) {
    const decoded = decodeEvent(row.line);
    // A line from a newer engram waits for an upgrade (the sync warned when it was read).
    if (!decoded.ok) continue;
    if (applyOne(col, resolver, decoded.event, touched, out)) out.applied++;
    else {
      out.waiting++;
      const ref = 'card' in decoded.event ? decoded.event.card : null;
      out.unknownExample ??= ref ? ref.note ?? `a card without a note (${ref.key.slice(0, 8)})` : `deck ${'deck' in decoded.event ? decoded.event.deck : '?'}`;
    }
  }
  return out;
}

/** Applies one event; false when it must wait (its card or deck is not here yet). */
function applyOne(col: Collection, resolver: CardResolver, e: SyncEvent, touched: Set<number>, out: ApplyOutcome): boolean {
  const store = col.store;
  const time = e.time;
  switch (e.type) {
    case 'answer': {
      const id = resolver.resolve(e.card);
      if (id === null) return false;
      if (isUndone(store, e.id)) {
        markEventApplied(store, e.id, null);
        return true;
      }
      // The same answer already in the log (same time to the millisecond, same grade): history
      // both devices imported (an Anki package), not a second answer.
      if (hasSameAnswer(store, id, time, e.grade)) {
        markEventApplied(store, e.id, null);
        return true;
      }
      // States and the undo snapshot are written by the replay that follows (rebuildCard).
      const reviewId = store.insertReview({
        cardId: id, grade: e.grade, reviewedAt: time, elapsedDays: 0, durationMs: e.durationMs, stateBefore: 'new', stateAfter: 'new', before: '',
      });
      markEventApplied(store, e.id, reviewId);
      touched.add(id);
      return true;
    }
    case 'undo': {
      const target = syncEvent(store, e.target);
      if (target && target.review_id !== null && target.status !== 'pending') {
        const cardId = cardOfReview(store, target.review_id);
        if (cardId !== null) {
          store.deleteReview(target.review_id);
          touched.add(cardId);
        }
        markEventApplied(store, target.id, null);
      } else if (target && target.card_id !== null && (target.type === 'forget' || target.type === 'reschedule')) {
        // A forget or reschedule taken back: the card's log is replayed without it.
        touched.add(target.card_id);
      }
      // An undo whose answer is not applied yet: the answer, when it comes, sees it and is skipped.
      markEventApplied(store, e.id, null);
      return true;
    }
    case 'suspend':
    case 'bury':
    case 'triage':
    case 'flag':
    case 'tag': {
      // A card's state: the latest event of its slot wins, whatever order they arrive in.
      const id = resolver.resolve(e.card);
      if (id === null) return false;
      if (!newerInSlot(store, { type: e.type, slot: slotOf(e)!, time, device: e.device, seq: e.seq })) {
        if (e.type === 'suspend') store.setSuspended(id, e.suspended, time);
        else if (e.type === 'bury') store.setBuriedUntil(id, e.until, time);
        else if (e.type === 'triage') store.setCardStatus(id, e.status, time);
        else if (e.type === 'flag') store.setFlag(id, e.flag, time);
        else {
          const card = col.getCard(id);
          const stored = card.tagEdits ?? NO_TAG_EDITS;
          const edits = { add: stored.add.filter((t) => t !== e.tag), remove: stored.remove.filter((t) => t !== e.tag) };
          if (e.edit) edits[e.edit].push(e.tag);
          const tags = card.tags.filter((t) => t !== e.tag);
          if (e.on) tags.push(e.tag);
          store.setTags(id, e.on && card.tags.includes(e.tag) ? card.tags : tags, edits, time);
        }
      }
      markEventApplied(store, e.id, null);
      return true;
    }
    case 'option': {
      const deck = store.getDeckByName(e.deck);
      if (!deck) return false;
      if (!newerInSlot(store, { type: e.type, slot: slotOf(e)!, time, device: e.device, seq: e.seq })) {
        try {
          col.setOption(e.deck, e.key, e.value, { record: false });
        } catch (error) {
          out.warnings.push(`option ${e.key} = ${e.value} for deck ${e.deck} from ${e.device} not applied: ${(error as Error).message}`);
        }
      }
      markEventApplied(store, e.id, null);
      return true;
    }
    case 'relink':
      markEventApplied(store, e.id, null);
      return true;
    case 'forget':
    case 'reschedule': {
      // Both take their place in the card's log: the replay that follows applies them in order.
      const id = resolver.resolve(e.card);
      if (id === null) return false;
      markMarkerApplied(store, e.id, id);
      if (!isUndone(store, e.id)) touched.add(id);
      return true;
    }
    default: {
      const unknown: never = e;
      return Boolean(unknown);
    }
  }
}

/**
 * Rebuilds a card's memory by replaying its whole log (every device's answers) in the one
 * order, and rewrites each log row's state before and after, as answering live would have
 * written them. Call inside a transaction. Returns whether the memory changed.
 */
export function rebuildCard(col: Collection, cardId: number, time: number): boolean {
  const store = col.store;
  const card = col.getCard(cardId);
  const options = schedulerOptions(col.deckOptions(card.deckId));
  let memory: Memory = newMemory(card.createdAt);
  const markers = cardMarkers(store, cardId);
  let next = 0;
  // A forget or reschedule before (in the one order) the answer at r, or at the end (r null).
  const applyMarkersBefore = (r: ReplayRow | null) => {
    while (next < markers.length && (r === null || compareEvents(markers[next]!, { time: r.reviewed_at, device: r.device ?? '', seq: r.seq ?? 0 }) < 0)) {
      const m = markers[next++]!;
      if (m.type === 'forget') memory = { ...newMemory(m.time), reps: memory.reps, lapses: memory.lapses };
      else if (memory.state !== 'new' && memory.stability > 0) {
        const decoded = decodeEvent(m.line);
        if (decoded.ok && decoded.event.type === 'reschedule') memory = { ...memory, state: 'review', learningSteps: 0, due: decoded.event.due };
      }
    }
  };
  for (const r of replayLog(store, cardId)) {
    applyMarkersBefore(r);
    const before = memory;
    memory = replayedAnswer(before, r.grade as Grade, r.reviewed_at, options, r.days);
    const snapshot = r.before ? safeSnapshot(r.before) : null;
    updateReplayedReview(store, r.id, {
      elapsedDays: elapsedDaysAt(before, r.reviewed_at), stateBefore: before.state, stateAfter: memory.state,
      before: encodeUndoSnapshot({
        ...(snapshot ?? { suspended: card.suspended, tags: card.tags, buriedUntil: card.buriedUntil, seenFront: card.seenFront, seenBack: card.seenBack, siblings: [] }),
        memory: before,
      }),
    });
  }
  applyMarkersBefore(null);
  if (JSON.stringify(memory) === JSON.stringify(card.memory)) return false;
  store.updateCardSchedule(cardId, {
    memory, suspended: card.suspended, tags: card.tags, buriedUntil: card.buriedUntil, seenFront: card.seenFront, seenBack: card.seenBack,
  }, time);
  return true;
}

/**
 * The memory after one answer of the log: FSRS's, with the interval the answering device gave
 * (its load-balanced day) when that lies in the fuzz range of the replayed memory, as
 * answerBalanced builds it live; otherwise FSRS's own (fuzzed) answer. Depends only on the log,
 * so every device replays a card to the same due date.
 */
function replayedAnswer(before: Memory, grade: Grade, time: number, options: SchedulerOptions, days: number | null): Memory {
  const range = days === null ? null : balanceRange(before, grade, time, options);
  if (!range || days === null || days < range.min || days > range.max) return answerMemory(before, grade, time, options);
  return { ...range.plain, scheduledDays: days, due: (range.plain.lastReview ?? time) + days * DAY };
}

/** The options the replay depends on: a change to one of them changes what the log replays to. */
const SCHEDULING_OPTIONS = new Set(['desiredRetention', 'maximumInterval', 'learningSteps', 'relearningSteps', 'fuzz', 'weights']);

/**
 * After an option change on a syncing device (made here or applied from another device): every
 * studied card of the deck is replayed with the deck's options as they are now, on every device
 * alike, so a card answered on two devices across the change ends the same everywhere.
 */
export function rebuildDeckAfterOption(col: Collection, deckName: string, key: string, time: number): void {
  if (deviceOf(col.store) === null || !SCHEDULING_OPTIONS.has(key)) return;
  const deck = col.store.getDeckByName(deckName);
  if (!deck) return;
  for (const id of studiedCardsOfDeck(col.store, deck.id)) rebuildCard(col, id, time);
}

/**
 * After a local undo of an answer, a forget or a reschedule: when the card's log also holds
 * answers, forgets or reschedules from other devices, the memory undo restored predates them, so
 * the memory is replayed from the log that remains.
 */
export function rebuildAfterUndo(col: Collection, cardId: number, time: number): void {
  const self = deviceOf(col.store);
  if (self === null) return;
  const remote = (device: string | null) => device !== null && device !== self;
  if (replayLog(col.store, cardId).some((r) => remote(r.device)) || cardMarkers(col.store, cardId).some((m) => remote(m.device))) {
    rebuildCard(col, cardId, time);
  }
}

function safeSnapshot(text: string): ReturnType<typeof decodeUndoSnapshot> | null {
  try {
    return decodeUndoSnapshot(text);
  } catch {
    return null;
  }
}

/**
 * Recording sync events: once a database syncs (it has a device id), every action that
 * changes what another device should know writes its event here, in the same transaction as
 * the action itself, so a crash never leaves an action without its event (or an event without
 * its action). Before the first `engram sync` nothing is recorded; the first sync writes the
 * history that is already there (see enableSync).
 */
import { EngramError, nodeCrypto, NO_TAG_EDITS, decodeUndoSnapshot, now, type ActionChange, type Card, type Grade, type JournalEntry, type Memory } from '../core/index.js';
import type { Store } from '../store/index.js';
import {
  cardKeyRow, cardsWithTagEdits, eventOfReview, flaggedCards, getSyncSetting, insertSyncEvent, lastLocalMarker, maxSeqOf, reviewsWithoutEvent,
  setSyncSetting, standingMemoryActions, suspendedCardIds, type CardKeyRow, type UnsyncedReview,
} from '../store/sync.js';
import { EVENT_VERSION, encodeEvent, slotOf, type CardRef, type EventBody, type SyncEvent, type TagEdit } from '../sync/index.js';
import { normalizeSide } from './card-identity.js';

/** This database's device id, per open store (null: not syncing, nothing recorded). */
const devices = new WeakMap<Store, string | null>();

export function deviceOf(store: Store): string | null {
  let device = devices.get(store);
  if (device === undefined) {
    device = getSyncSetting(store, 'device');
    devices.set(store, device);
  }
  return device;
}

/**
 * A card's name on every device: a hash of its kind, item key and question (for a card made
 * from a note; a card without a note, from `engram add`, Anki or the paper quiz, is named by
 * kind and item key alone, which are stable there), and the last three segments of its note's
 * path, which tell apart the same card text in two notes.
 */
export function cardRefOf(row: CardKeyRow): CardRef {
  const identity = row.path === null ? `${row.kind}\u0000${row.item_key}` : `${row.kind}\u0000${itemInNote(row.item_key, row.path)}\u0000${normalizeSide(row.front)}`;
  return { note: row.path === null ? null : noteTail(row.path), key: nodeCrypto().createHash('sha256').update(identity).digest('hex').slice(0, 32) };
}

/** A note card's item key without the absolute note path the importer puts before it (`/home/me/notes/a.md#basic:…`). */
function itemInNote(itemKey: string, notePath: string): string {
  if (itemKey.startsWith(`${notePath}#`)) return itemKey.slice(notePath.length + 1);
  return itemKey.replace(/^[\s\S]*?\.md#/, '');
}

/** The last three segments of a note path, `/`-separated (Windows separators too). */
export function noteTail(file: string): string {
  return file.split(/[\\/]+/).filter(Boolean).slice(-3).join('/');
}

/** The card's sync name as it is now (it changes when an import edits the card). */
export function cardRef(store: Store, cardId: number): CardRef {
  const row = cardKeyRow(store, cardId);
  if (!row) throw new EngramError(`no card with id ${cardId}`);
  return cardRefOf(row);
}

/** The card's sync name, or null when this database does not sync (so callers pay nothing then). */
export function cardRefIfSyncing(store: Store, cardId: number): CardRef | null {
  return deviceOf(store) === null ? null : cardRef(store, cardId);
}

/**
 * Appends an event made on this device to the local log (call inside the action's
 * transaction). Does nothing and returns null when the database does not sync.
 */
export function recordEvent(store: Store, body: EventBody, options: { time?: number; reviewId?: number | null; cardId?: number } = {}): string | null {
  const device = deviceOf(store);
  if (device === null) return null;
  return insertLocal(store, device, body, options.time ?? now(), options.reviewId ?? null, options.cardId ?? null);
}

function insertLocal(store: Store, device: string, body: EventBody, time: number, reviewId: number | null, cardId: number | null = null): string {
  const seq = maxSeqOf(store, device) + 1;
  const event: SyncEvent = { v: EVENT_VERSION, id: nodeCrypto().randomUUID(), device, seq, time, offset: -new Date(time).getTimezoneOffset(), ...body };
  insertSyncEvent(store, {
    id: event.id, device, seq, time, type: body.type, slot: slotOf(body), target: body.type === 'undo' ? body.target : null,
    line: encodeEvent(event), status: 'local', sent: 0, review_id: reviewId,
    // a forget or reschedule names its local card: the replay of the card's log reads it
    card_id: body.type === 'forget' || body.type === 'reschedule' ? cardId : null,
  });
  return event.id;
}

/** The event of a local answer (for its undo), or null when it has none. */
export function answerEventOf(store: Store, reviewId: number): string | null {
  return eventOfReview(store, reviewId)?.id ?? null;
}

/**
 * The events of one card action (card-actions.ts `act()`), in its transaction: one per card (a
 * tag edit, one per card and tag), from the cards as the action left them. Answers are recorded
 * by answer.ts.
 */
export function recordAction(store: Store, change: ActionChange, cards: readonly Card[], time: number): void {
  if (deviceOf(store) === null || change.kind === 'answer') return;
  for (const card of cards) {
    const ref = cardRef(store, card.id);
    switch (change.kind) {
      case 'suspend': case 'unsuspend':
        recordEvent(store, { type: 'suspend', card: ref, suspended: change.kind === 'suspend' }, { time });
        break;
      case 'bury':
        recordEvent(store, { type: 'bury', card: ref, until: card.buriedUntil }, { time });
        break;
      case 'flag':
        recordEvent(store, { type: 'flag', card: ref, flag: change.flag }, { time });
        break;
      case 'forget':
        recordEvent(store, { type: 'forget', card: ref }, { time, cardId: card.id });
        break;
      case 'tag':
        for (const tag of change.add) recordEvent(store, { type: 'tag', card: ref, tag, on: card.tags.includes(tag), edit: 'add' }, { time });
        for (const tag of change.remove) recordEvent(store, { type: 'tag', card: ref, tag, on: card.tags.includes(tag), edit: 'remove' }, { time });
        break;
      case 'reschedule':
        recordEvent(store, { type: 'reschedule', card: ref, due: card.memory.due }, { time, cardId: card.id });
        break;
    }
  }
}

/**
 * The events of undoing a card action other than an answer, in the undo's transaction: the
 * value each card got back, as a new event of its kind (the latest wish wins on every device);
 * a forget or reschedule is taken back by an undo event naming it, so it leaves the card's
 * replayed log everywhere.
 */
export function recordActionUndo(store: Store, entry: JournalEntry, time: number): void {
  const change = entry.change;
  if (deviceOf(store) === null || change.kind === 'answer') return;
  for (const before of entry.before) {
    if (!cardKeyRow(store, before.id)) continue;
    const ref = cardRef(store, before.id);
    switch (change.kind) {
      case 'suspend': case 'unsuspend':
        if (before.suspended !== undefined) recordEvent(store, { type: 'suspend', card: ref, suspended: before.suspended }, { time });
        break;
      case 'bury':
        if (before.buriedUntil !== undefined) recordEvent(store, { type: 'bury', card: ref, until: before.buriedUntil }, { time });
        break;
      case 'flag':
        if (before.flag !== undefined) recordEvent(store, { type: 'flag', card: ref, flag: before.flag }, { time });
        break;
      case 'tag': {
        const tags = before.tags ?? [];
        const edits = before.tagEdits ?? NO_TAG_EDITS;
        for (const tag of new Set([...change.add, ...change.remove])) {
          const edit: TagEdit = edits.add.includes(tag) ? 'add' : edits.remove.includes(tag) ? 'remove' : null;
          recordEvent(store, { type: 'tag', card: ref, tag, on: tags.includes(tag), edit }, { time });
        }
        break;
      }
      case 'forget': case 'reschedule': {
        const target = lastLocalMarker(store, before.id, change.kind);
        if (target) recordEvent(store, { type: 'undo', card: ref, target }, { time });
        break;
      }
    }
  }
}

/** A card edited by an import: when its name changed, the old and the new name are one card everywhere. */
export function recordRelink(store: Store, cardId: number, before: CardRef | null): void {
  if (!before) return;
  const after = cardRef(store, cardId);
  if (after.key !== before.key) recordEvent(store, { type: 'relink', from: before, to: after });
}

/**
 * Gives this database its device id and turns recording on, in one transaction: the answers
 * already in the log become answer events (at their own times), as do the journal's standing
 * forgets and reschedules; suspended cards, flags and hand tag edits become events of now, so a
 * device that starts syncing late sends its whole history once. (A reschedule of cards in
 * several decks journals one due: each card's event carries that one.)
 */
export function enableSync(store: Store, device: string): void {
  store.transaction(() => {
    setSyncSetting(store, 'device', device);
    devices.set(store, device);
    const reviews = reviewsWithoutEvent(store);
    const days = givenIntervals(store, reviews);
    for (const r of reviews) {
      const given = days.get(r.id);
      insertLocal(store, device, {
        type: 'answer', card: cardRef(store, r.card_id), grade: r.grade as Grade, durationMs: r.duration_ms, ...(given !== undefined ? { days: given } : {}),
      }, r.reviewed_at, r.id);
    }
    const time = now();
    for (const id of suspendedCardIds(store)) insertLocal(store, device, { type: 'suspend', card: cardRef(store, id), suspended: true }, time, null);
    for (const { id, flag } of flaggedCards(store)) insertLocal(store, device, { type: 'flag', card: cardRef(store, id), flag }, time, null);
    for (const { id, edits } of cardsWithTagEdits(store)) {
      const ref = cardRef(store, id);
      for (const tag of edits.add) insertLocal(store, device, { type: 'tag', card: ref, tag, on: true, edit: 'add' }, time, null);
      for (const tag of edits.remove) insertLocal(store, device, { type: 'tag', card: ref, tag, on: false, edit: 'remove' }, time, null);
    }
    // Forgets and reschedules standing in the journal take their place in the cards' logs, at their own times.
    for (const action of standingMemoryActions(store)) {
      const change = JSON.parse(action.change) as ActionChange;
      if (change.kind !== 'forget' && change.kind !== 'reschedule') continue;
      for (const id of change.cardIds) {
        if (!cardKeyRow(store, id)) continue;
        const body: EventBody = change.kind === 'forget' ? { type: 'forget', card: cardRef(store, id) } : { type: 'reschedule', card: cardRef(store, id), due: change.due };
        insertLocal(store, device, body, action.at, null, id);
      }
    }
  });
}

/**
 * The interval each logged answer gave (its load-balanced day included): the memory after it is
 * the memory the card's next answer started from (its undo snapshot), or the card's own for its
 * last answer.
 */
function givenIntervals(store: Store, reviews: readonly UnsyncedReview[]): Map<number, number> {
  const byCard = new Map<number, UnsyncedReview[]>();
  for (const r of reviews) {
    const list = byCard.get(r.card_id) ?? [];
    list.push(r);
    byCard.set(r.card_id, list);
  }
  const out = new Map<number, number>();
  for (const [cardId, list] of byCard) {
    list.forEach((r, i) => {
      const next = list[i + 1];
      let after: Memory | undefined;
      try {
        after = next ? decodeUndoSnapshot(next.before).memory : store.getCard(cardId)?.memory;
      } catch {
        after = undefined;
      }
      if (after && after.state === 'review' && Number.isInteger(after.scheduledDays)) out.set(r.id, after.scheduledDays);
    });
  }
  return out;
}

/** Forgets the cached device id of a store (tests reopen databases). */
export function forgetDevice(store: Store): void {
  devices.delete(store);
}

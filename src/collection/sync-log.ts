/**
 * Recording sync events: once a database syncs (it has a device id), every action that
 * changes what another device should know writes its event here, in the same transaction as
 * the action itself, so a crash never leaves an action without its event (or an event without
 * its action). Before the first `engram sync` nothing is recorded; the first sync writes the
 * history that is already there (see enableSync).
 */
import crypto from 'node:crypto';
import { EngramError, now, type Grade } from '../core/index.js';
import type { Store } from '../store/index.js';
import {
  cardKeyRow, eventOfReview, getSyncSetting, insertSyncEvent, maxSeqOf, reviewsWithoutEvent, setSyncSetting, suspendedCardIds,
  type CardKeyRow,
} from '../store/sync.js';
import { EVENT_VERSION, encodeEvent, slotOf, type CardRef, type EventBody, type SyncEvent } from '../sync/index.js';
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
  return { note: row.path === null ? null : noteTail(row.path), key: crypto.createHash('sha256').update(identity).digest('hex').slice(0, 32) };
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
export function recordEvent(store: Store, body: EventBody, options: { time?: number; reviewId?: number | null } = {}): string | null {
  const device = deviceOf(store);
  if (device === null) return null;
  return insertLocal(store, device, body, options.time ?? now(), options.reviewId ?? null);
}

function insertLocal(store: Store, device: string, body: EventBody, time: number, reviewId: number | null): string {
  const seq = maxSeqOf(store, device) + 1;
  const event: SyncEvent = { v: EVENT_VERSION, id: crypto.randomUUID(), device, seq, time, offset: -new Date(time).getTimezoneOffset(), ...body };
  insertSyncEvent(store, {
    id: event.id, device, seq, time, type: body.type, slot: slotOf(body), target: body.type === 'undo' ? body.target : null,
    line: encodeEvent(event), status: 'local', sent: 0, review_id: reviewId,
  });
  return event.id;
}

/** The event of a local answer (for its undo), or null when it has none. */
export function answerEventOf(store: Store, reviewId: number): string | null {
  return eventOfReview(store, reviewId)?.id ?? null;
}

/** A card edited by an import: when its name changed, the old and the new name are one card everywhere. */
export function recordRelink(store: Store, cardId: number, before: CardRef | null): void {
  if (!before) return;
  const after = cardRef(store, cardId);
  if (after.key !== before.key) recordEvent(store, { type: 'relink', from: before, to: after });
}

/**
 * Gives this database its device id and turns recording on, in one transaction: the answers
 * already in the log become answer events (at their own times) and suspended cards suspend
 * events, so a device that starts syncing late sends its whole history once.
 */
export function enableSync(store: Store, device: string): void {
  store.transaction(() => {
    setSyncSetting(store, 'device', device);
    devices.set(store, device);
    for (const r of reviewsWithoutEvent(store)) {
      insertLocal(store, device, { type: 'answer', card: cardRef(store, r.card_id), grade: r.grade as Grade, durationMs: r.duration_ms }, r.reviewed_at, r.id);
    }
    const time = now();
    for (const id of suspendedCardIds(store)) insertLocal(store, device, { type: 'suspend', card: cardRef(store, id), suspended: true }, time, null);
  });
}

/** Forgets the cached device id of a store (tests reopen databases). */
export function forgetDevice(store: Store): void {
  devices.delete(store);
}

/**
 * SQL of folder sync: the device's settings, the event log (events made here and events read
 * from other devices, by id), how far each device file was read, and what the replay of a
 * card's log needs. Named statements over the Store's connection, prepared once per connection.
 */
import { statementsOf } from './statements.js';
import type { Store } from './store.js';

export type EventStatus = 'local' | 'applied' | 'pending';

export interface EventRow {
  id: string;
  device: string;
  seq: number;
  time: number;
  type: string;
  slot: string | null;
  target: string | null;
  line: string;
  status: EventStatus;
  review_id: number | null;
  card_id: number | null;
}

/** A forget or reschedule in a card's replayed log (not undone). */
export interface MarkerRow {
  id: string;
  type: 'forget' | 'reschedule';
  time: number;
  device: string;
  seq: number;
  line: string;
}

/** What a card's sync key is made of: its kind, item key, question and note path. */
export interface CardKeyRow {
  id: number;
  kind: string;
  item_key: string;
  front: string;
  path: string | null;
}

export interface ReplayRow {
  id: number;
  grade: string;
  reviewed_at: number;
  duration_ms: number | null;
  before: string;
  device: string | null;
  seq: number | null;
  /** The interval the answering device gave (its event's `days`), when known. */
  days: number | null;
}

const CARD_KEY = `SELECT c.id, c.kind, c.item_key, c.front, n.path FROM cards c LEFT JOIN notes n ON n.id = c.note_id`;

const SQL = {
  getSetting: `SELECT value FROM sync_settings WHERE key = ?`,
  setSetting: `INSERT INTO sync_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  insertEvent: `
    INSERT OR IGNORE INTO sync_events (id, device, seq, time, type, slot, target, line, status, sent, review_id, card_id)
    VALUES (@id, @device, @seq, @time, @type, @slot, @target, @line, @status, @sent, @review_id, @card_id)`,
  maxSeq: `SELECT MAX(seq) AS seq FROM sync_events WHERE device = ?`,
  hasEvent: `SELECT 1 FROM sync_events WHERE id = ?`,
  eventOfReview: `SELECT * FROM sync_events WHERE review_id = ?`,
  event: `SELECT * FROM sync_events WHERE id = ?`,
  unsent: `SELECT * FROM sync_events WHERE sent = 0 AND status = 'local' ORDER BY seq`,
  markSent: `UPDATE sync_events SET sent = 1 WHERE sent = 0 AND status = 'local' AND seq <= ?`,
  pending: `SELECT * FROM sync_events WHERE status = 'pending' ORDER BY time, device, seq`,
  pendingCount: `SELECT COUNT(*) AS n FROM sync_events WHERE status = 'pending'`,
  markApplied: `UPDATE sync_events SET status = 'applied', review_id = ? WHERE id = ?`,
  setReviewOfEvent: `UPDATE sync_events SET review_id = ? WHERE id = ?`,
  markMarkerApplied: `UPDATE sync_events SET status = 'applied', card_id = ? WHERE id = ?`,
  cardMarkers: `
    SELECT e.id, e.type, e.time, e.device, e.seq, e.line FROM sync_events e
    WHERE e.card_id = ? AND e.type IN ('forget', 'reschedule') AND e.status IN ('local', 'applied')
      AND NOT EXISTS (SELECT 1 FROM sync_events u WHERE u.target = e.id AND u.type = 'undo')
    ORDER BY e.time, e.device, e.seq`,
  lastLocalMarker: `
    SELECT e.id FROM sync_events e
    WHERE e.card_id = ? AND e.type = ? AND e.status = 'local'
      AND NOT EXISTS (SELECT 1 FROM sync_events u WHERE u.target = e.id AND u.type = 'undo')
    ORDER BY e.seq DESC LIMIT 1`,
  flaggedCards: `SELECT id, flag FROM cards WHERE flag <> 0 AND retired = 0`,
  cardsWithTagEdits: `SELECT id, tag_edits FROM cards WHERE retired = 0 AND tag_edits <> '{"add":[],"remove":[]}'`,
  standingMemoryActions: `SELECT kind, at, change FROM actions WHERE undone_at IS NULL AND kind IN ('forget', 'reschedule') ORDER BY id`,
  undoOf: `SELECT 1 FROM sync_events WHERE target = ? AND type = 'undo' LIMIT 1`,
  newerInSlot: `
    SELECT 1 FROM sync_events WHERE type = @type AND slot = @slot AND status IN ('local', 'applied')
      AND (time > @time OR (time = @time AND (device > @device OR (device = @device AND seq > @seq)))) LIMIT 1`,
  relinks: `SELECT line FROM sync_events WHERE type = 'relink' AND status <> 'pending'`,
  devices: `SELECT device, COUNT(*) AS events, MAX(time) AS last FROM sync_events GROUP BY device ORDER BY device`,
  cardKeys: CARD_KEY,
  cardKey: `${CARD_KEY} WHERE c.id = ?`,
  replayLog: `
    SELECT r.id, r.grade, r.reviewed_at, r.duration_ms, r.before, e.device, e.seq, json_extract(e.line, '$.days') AS days
    FROM reviews r LEFT JOIN sync_events e ON e.review_id = r.id
    WHERE r.card_id = ? ORDER BY r.reviewed_at, COALESCE(e.device, ''), COALESCE(e.seq, 0), r.id`,
  updateReplayedReview: `UPDATE reviews SET elapsed_days = ?, state_before = ?, state_after = ?, before = ? WHERE id = ?`,
  reviewsWithoutEvent: `
    SELECT r.id, r.card_id, r.grade, r.reviewed_at, r.duration_ms, r.before FROM reviews r
    WHERE NOT EXISTS (SELECT 1 FROM sync_events e WHERE e.review_id = r.id) ORDER BY r.reviewed_at, r.id`,
  cardOfReview: `SELECT card_id FROM reviews WHERE id = ?`,
  sameAnswer: `SELECT 1 FROM reviews WHERE card_id = ? AND reviewed_at = ? AND grade = ? LIMIT 1`,
  studiedCardsOfDeck: `SELECT DISTINCT r.card_id AS id FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.deck_id = ?`,
  suspendedCards: `SELECT id FROM cards WHERE suspended = 1 AND retired = 0`,
  fileOffset: `SELECT offset FROM sync_files WHERE path = ?`,
  setFileOffset: `INSERT INTO sync_files (path, offset) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET offset = excluded.offset`,
} as const;

const stmt = statementsOf(SQL);

export function getSyncSetting(store: Store, key: string): string | null {
  return (stmt(store, 'getSetting').get(key) as { value: string } | undefined)?.value ?? null;
}

export function setSyncSetting(store: Store, key: string, value: string): void {
  stmt(store, 'setSetting').run(key, value);
}

/** Inserts an event unless one with its id is already there; true when it was new. */
export function insertSyncEvent(store: Store, row: Omit<EventRow, 'review_id' | 'card_id'> & { sent: 0 | 1; review_id?: number | null; card_id?: number | null }): boolean {
  return stmt(store, 'insertEvent').run({ ...row, review_id: row.review_id ?? null, card_id: row.card_id ?? null }).changes > 0;
}

/** A forget or reschedule from another device applied to a local card (the replay reads it from there). */
export function markMarkerApplied(store: Store, id: string, cardId: number | null): void {
  stmt(store, 'markMarkerApplied').run(cardId, id);
}

/** A card's forgets and reschedules not undone, in replay order. */
export function cardMarkers(store: Store, cardId: number): MarkerRow[] {
  return stmt(store, 'cardMarkers').all(cardId) as MarkerRow[];
}

/** The newest event of this device of a type (forget, reschedule) on a card, not undone: what a local undo takes back. */
export function lastLocalMarker(store: Store, cardId: number, type: 'forget' | 'reschedule'): string | null {
  return (stmt(store, 'lastLocalMarker').get(cardId, type) as { id: string } | undefined)?.id ?? null;
}

/** Flagged cards (a device that starts syncing sends their flags once). */
export function flaggedCards(store: Store): Array<{ id: number; flag: number }> {
  return stmt(store, 'flaggedCards').all() as Array<{ id: number; flag: number }>;
}

/** Cards with hand tag edits (sent once when a device starts syncing). */
export function cardsWithTagEdits(store: Store): Array<{ id: number; edits: { add: string[]; remove: string[] } }> {
  return (stmt(store, 'cardsWithTagEdits').all() as Array<{ id: number; tag_edits: string }>)
    .map((r) => ({ id: r.id, edits: JSON.parse(r.tag_edits) as { add: string[]; remove: string[] } }));
}

/** The journal's forgets and reschedules not undone, oldest first (sent once when a device starts syncing). */
export function standingMemoryActions(store: Store): Array<{ kind: 'forget' | 'reschedule'; at: number; change: string }> {
  return stmt(store, 'standingMemoryActions').all() as Array<{ kind: 'forget' | 'reschedule'; at: number; change: string }>;
}

export function maxSeqOf(store: Store, device: string): number {
  return (stmt(store, 'maxSeq').get(device) as { seq: number | null }).seq ?? 0;
}

export function hasSyncEvent(store: Store, id: string): boolean {
  return stmt(store, 'hasEvent').get(id) !== undefined;
}

export function syncEvent(store: Store, id: string): EventRow | null {
  return (stmt(store, 'event').get(id) as EventRow | undefined) ?? null;
}

export function eventOfReview(store: Store, reviewId: number): EventRow | null {
  return (stmt(store, 'eventOfReview').get(reviewId) as EventRow | undefined) ?? null;
}

export function unsentEvents(store: Store): EventRow[] {
  return stmt(store, 'unsent').all() as EventRow[];
}

export function markEventsSent(store: Store, upToSeq: number): void {
  stmt(store, 'markSent').run(upToSeq);
}

/** Events waiting to be applied, in replay order (time, device, seq). */
export function pendingEvents(store: Store): EventRow[] {
  return stmt(store, 'pending').all() as EventRow[];
}

export function pendingEventCount(store: Store): number {
  return (stmt(store, 'pendingCount').get() as { n: number }).n;
}

export function markEventApplied(store: Store, id: string, reviewId: number | null): void {
  stmt(store, 'markApplied').run(reviewId, id);
}

export function setReviewOfEvent(store: Store, id: string, reviewId: number): void {
  stmt(store, 'setReviewOfEvent').run(reviewId, id);
}

export function isUndone(store: Store, answerEventId: string): boolean {
  return stmt(store, 'undoOf').get(answerEventId) !== undefined;
}

/** Whether a known event of the same type and slot comes after this one (it wins: last writer). */
export function newerInSlot(store: Store, e: { type: string; slot: string; time: number; device: string; seq: number }): boolean {
  return stmt(store, 'newerInSlot').get(e) !== undefined;
}

export function relinkLines(store: Store): string[] {
  return (stmt(store, 'relinks').all() as Array<{ line: string }>).map((r) => r.line);
}

export function syncDevices(store: Store): Array<{ device: string; events: number; last: number }> {
  return stmt(store, 'devices').all() as Array<{ device: string; events: number; last: number }>;
}

/** What every card's sync key is made of (one pass over the cards). */
export function cardKeyRows(store: Store): CardKeyRow[] {
  return stmt(store, 'cardKeys').all() as CardKeyRow[];
}

export function cardKeyRow(store: Store, cardId: number): CardKeyRow | null {
  return (stmt(store, 'cardKey').get(cardId) as CardKeyRow | undefined) ?? null;
}

/** A card's answers in replay order: time, then device, then sequence (answers without an event first). */
export function replayLog(store: Store, cardId: number): ReplayRow[] {
  return stmt(store, 'replayLog').all(cardId) as ReplayRow[];
}

export function updateReplayedReview(store: Store, id: number, r: { elapsedDays: number; stateBefore: string; stateAfter: string; before: string }): void {
  stmt(store, 'updateReplayedReview').run(r.elapsedDays, r.stateBefore, r.stateAfter, r.before, id);
}

/** Answers given before this database started syncing (they become events once). */
export interface UnsyncedReview {
  id: number;
  card_id: number;
  grade: string;
  reviewed_at: number;
  duration_ms: number | null;
  before: string;
}

export function reviewsWithoutEvent(store: Store): UnsyncedReview[] {
  return stmt(store, 'reviewsWithoutEvent').all() as UnsyncedReview[];
}

export function suspendedCardIds(store: Store): number[] {
  return (stmt(store, 'suspendedCards').all() as Array<{ id: number }>).map((r) => r.id);
}

export function fileOffset(store: Store, path: string): number {
  return (stmt(store, 'fileOffset').get(path) as { offset: number } | undefined)?.offset ?? 0;
}

export function setFileOffset(store: Store, path: string, offset: number): void {
  stmt(store, 'setFileOffset').run(path, offset);
}

export function cardOfReview(store: Store, reviewId: number): number | null {
  return (stmt(store, 'cardOfReview').get(reviewId) as { card_id: number } | undefined)?.card_id ?? null;
}

/** Whether the card's log already has an answer at this very millisecond with this grade. */
export function hasSameAnswer(store: Store, cardId: number, time: number, grade: string): boolean {
  return stmt(store, 'sameAnswer').get(cardId, time, grade) !== undefined;
}

/** The cards of a deck that have at least one answer in the log. */
export function studiedCardsOfDeck(store: Store, deckId: number): number[] {
  return (stmt(store, 'studiedCardsOfDeck').all(deckId) as Array<{ id: number }>).map((r) => r.id);
}

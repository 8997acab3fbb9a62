/**
 * The events a device writes to the shared sync folder: one JSON object per line, immutable,
 * each naming its device, its sequence number on that device, its time (UTC ms) and the
 * device's UTC offset then. A typed union: adding an event type is one new member of
 * `EventBody`, one case in `validateBody` (the compiler then points at the one `switch` in the
 * collection that applies events, src/collection/sync-apply.ts).
 *
 * Pure: no I/O, no clock. The collection reads and writes the files.
 */
import { CARD_STATUSES, GRADES, type CardStatus, type Grade } from '../core/index.js';

/** The format version this build writes and fully understands. A line with a higher `v` waits (pending) for an upgrade. */
export const EVENT_VERSION = 1;

/**
 * How an event names a card on every device: not the local integer id, but the card's content
 * identity (`key`, a hash of kind, item key and question) and the tail of its note's path
 * (`note`, up to three segments, `/`-separated; null for a card made without a note). Devices
 * match `note` by the longest common suffix, so a folder imported at different absolute paths
 * (or a single file imported alone) still names the same card.
 */
export interface CardRef {
  note: string | null;
  key: string;
}

/**
 * An answer, in the review or in the paper quiz (a paper card's key is its paper's). `days`: the
 * interval the answering device gave, load balance included; the replay keeps it when it lies in
 * the fuzz range of the replayed memory, so every device ends with the same due date.
 */
export interface AnswerEvent { type: 'answer'; card: CardRef; grade: Grade; durationMs: number | null; days?: number }
/**
 * Takes back the event `target`: an answer (the compensating event of `engram undo` and the
 * review's `u`), a forget or a reschedule (they leave the card's replayed log everywhere).
 */
export interface UndoEvent { type: 'undo'; card: CardRef; target: string }
export interface SuspendEvent { type: 'suspend'; card: CardRef; suspended: boolean }
/** Buried until `until` (epoch ms; 0 unburies). */
export interface BuryEvent { type: 'bury'; card: CardRef; until: number }
/** A triage decision (or its undo): the card's status from now on. */
export interface TriageEvent { type: 'triage'; card: CardRef; status: CardStatus }
/** `engram config --deck D key value`, the value as typed (validated again where it is applied). */
export interface OptionEvent { type: 'option'; deck: string; key: string; value: string }
/** An import re-linked a card to new text (an edited question keeps its history): both keys name one card. */
export interface RelinkEvent { type: 'relink'; from: CardRef; to: CardRef }
/** The card's flag from now on (0 none; 1–4 red, orange, green, blue): last writer wins, like suspend. */
export interface FlagEvent { type: 'flag'; card: CardRef; flag: number }
/** Back to new (`engram forget`): the replay of the card's log starts afresh here, reps and lapses kept. */
export interface ForgetEvent { type: 'forget'; card: CardRef }
/**
 * One tag edited by hand (`engram tag`, or its undo): whether the card has it from now on (`on`)
 * and the hand edit a re-import applies again ('add', 'remove', or null: none, the note decides).
 * Last writer wins per card and tag; the note's own tags are not carried.
 */
export interface TagEvent { type: 'tag'; card: CardRef; tag: string; on: boolean; edit: TagEdit }
export type TagEdit = 'add' | 'remove' | null;
/** `engram reschedule`: at this point of the card's replayed log it becomes a review card due at `due` (epoch ms). */
export interface RescheduleEvent { type: 'reschedule'; card: CardRef; due: number }

export type EventBody =
  | AnswerEvent | UndoEvent | SuspendEvent | BuryEvent | TriageEvent | OptionEvent | RelinkEvent
  | FlagEvent | ForgetEvent | TagEvent | RescheduleEvent;
export type EventType = EventBody['type'];

export interface EventHeader {
  v: number;
  /** Unique across devices (a random UUID). */
  id: string;
  device: string;
  /** 1, 2, 3… on each device, in the order its events were made. */
  seq: number;
  /** UTC epoch ms. */
  time: number;
  /** The device's UTC offset in minutes at that time (east positive), for day boundaries. */
  offset: number;
}

export type SyncEvent = EventHeader & EventBody;

/** A device name: what `--device NAME` accepts and the folder it writes under. */
export const DEVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** One JSON line (without the newline). Keys in a fixed order so the same event is the same bytes. */
export function encodeEvent(event: SyncEvent): string {
  return JSON.stringify(event);
}

export type Decoded =
  | { ok: true; event: SyncEvent }
  | { ok: false; future: true; id: string; device: string; seq: number; time: number; message: string }
  | { ok: false; future: false; message: string };

/**
 * Reads one line. A line that is not an event is refused with why; a line from a newer format
 * (`v` above EVENT_VERSION) with readable id, device, seq and time is `future`: the caller keeps
 * it to apply after an upgrade.
 */
export function decodeEvent(line: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, future: false, message: 'not JSON' };
  }
  if (!isObject(value)) return { ok: false, future: false, message: 'not a JSON object' };
  const header = readHeader(value);
  if (typeof header === 'string') return { ok: false, future: false, message: header };
  if (header.v > EVENT_VERSION) {
    return { ok: false, future: true, id: header.id, device: header.device, seq: header.seq, time: header.time, message: `event format v${header.v} is newer than this engram (v${EVENT_VERSION})` };
  }
  const body = validateBody(value);
  if (typeof body === 'string') return { ok: false, future: false, message: body };
  return { ok: true, event: { ...header, ...body } };
}

function readHeader(v: Record<string, unknown>): EventHeader | string {
  if (!Number.isInteger(v['v']) || (v['v'] as number) < 1) return 'no format version (v)';
  if (typeof v['id'] !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(v['id'])) return 'bad id';
  if (typeof v['device'] !== 'string' || !DEVICE_NAME.test(v['device'])) return 'bad device';
  if (!Number.isInteger(v['seq']) || (v['seq'] as number) < 1) return 'bad seq';
  if (!isTime(v['time'])) return 'bad time (UTC ms between 1970 and 2200)';
  if (!Number.isInteger(v['offset']) || Math.abs(v['offset'] as number) > 18 * 60) return 'bad offset';
  return { v: v['v'] as number, id: v['id'], device: v['device'], seq: v['seq'] as number, time: v['time'] as number, offset: v['offset'] as number };
}

/** The body of an event of this format version, or why not. */
export function validateBody(v: Record<string, unknown>): EventBody | string {
  const type = v['type'];
  switch (type) {
    case 'answer': {
      const card = readRef(v['card']);
      if (!card) return 'bad card';
      if (!GRADES.includes(v['grade'] as Grade)) return 'bad grade';
      const d = v['durationMs'];
      if (d !== null && !(Number.isInteger(d) && (d as number) >= 0)) return 'bad durationMs';
      const days = v['days'];
      if (days !== undefined && !(Number.isInteger(days) && (days as number) >= 0)) return 'bad days';
      return { type, card, grade: v['grade'] as Grade, durationMs: d as number | null, ...(days !== undefined ? { days: days as number } : {}) };
    }
    case 'undo': {
      const card = readRef(v['card']);
      if (!card) return 'bad card';
      if (typeof v['target'] !== 'string' || !v['target']) return 'bad target';
      return { type, card, target: v['target'] };
    }
    case 'suspend': {
      const card = readRef(v['card']);
      if (!card || typeof v['suspended'] !== 'boolean') return 'bad suspend';
      return { type, card, suspended: v['suspended'] };
    }
    case 'bury': {
      const card = readRef(v['card']);
      if (!card || !(v['until'] === 0 || isTime(v['until']))) return 'bad bury';
      return { type, card, until: v['until'] as number };
    }
    case 'triage': {
      const card = readRef(v['card']);
      if (!card || !CARD_STATUSES.includes(v['status'] as CardStatus)) return 'bad triage';
      return { type, card, status: v['status'] as CardStatus };
    }
    case 'option': {
      if (typeof v['deck'] !== 'string' || !v['deck'] || typeof v['key'] !== 'string' || typeof v['value'] !== 'string') return 'bad option';
      return { type, deck: v['deck'], key: v['key'], value: v['value'] };
    }
    case 'relink': {
      const from = readRef(v['from']);
      const to = readRef(v['to']);
      if (!from || !to) return 'bad relink';
      return { type, from, to };
    }
    case 'flag': {
      const card = readRef(v['card']);
      const flag = v['flag'];
      if (!card || !(Number.isInteger(flag) && (flag as number) >= 0 && (flag as number) <= 4)) return 'bad flag';
      return { type, card, flag: flag as number };
    }
    case 'forget': {
      const card = readRef(v['card']);
      if (!card) return 'bad card';
      return { type, card };
    }
    case 'tag': {
      const card = readRef(v['card']);
      const tag = v['tag'];
      const edit = v['edit'];
      if (!card || typeof tag !== 'string' || !/^[^\s,#"]{1,200}$/u.test(tag) || typeof v['on'] !== 'boolean') return 'bad tag';
      if (edit !== null && edit !== 'add' && edit !== 'remove') return 'bad tag edit';
      return { type, card, tag, on: v['on'], edit };
    }
    case 'reschedule': {
      const card = readRef(v['card']);
      if (!card || !isTime(v['due'])) return 'bad reschedule';
      return { type, card, due: v['due'] as number };
    }
    default:
      return `unknown event type ${JSON.stringify(type)}`;
  }
}

function readRef(value: unknown): CardRef | null {
  if (!isObject(value)) return null;
  const note = value['note'];
  const key = value['key'];
  if (typeof key !== 'string' || !/^[0-9a-f]{8,64}$/.test(key)) return null;
  if (note !== null && (typeof note !== 'string' || !note || note.length > 1024 || /[\u0000-\u001f]/.test(note))) return null;
  return { note: note as string | null, key };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTime(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) < Date.UTC(2200, 0, 1);
}

/**
 * The one order of every device's events: time, then device, then sequence. Replaying a card's
 * log in this order gives the same state wherever the files arrived in whatever order.
 */
export function compareEvents(a: Pick<EventHeader, 'time' | 'device' | 'seq'>, b: Pick<EventHeader, 'time' | 'device' | 'seq'>): number {
  if (a.time !== b.time) return a.time - b.time;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return a.seq - b.seq;
}

/** The file an event goes to under its device's folder: one per UTC month, `2026-12.jsonl`. */
export function eventFileName(time: number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}.jsonl`;
}

export const EVENT_FILE = /^\d{4}-\d{2}\.jsonl$/;

/**
 * Splits newly read bytes into complete lines. The part after the last newline is a torn line
 * (a sync tool still copying the file, or a write cut short): it is not returned, and
 * `consumed` stops before it so it is read again, complete, next time.
 */
export function completeLines(text: string): { lines: string[]; consumed: number } {
  const end = text.lastIndexOf('\n');
  if (end < 0) return { lines: [], consumed: 0 };
  const lines = text.slice(0, end).split('\n');
  return { lines, consumed: Buffer.byteLength(text.slice(0, end + 1)) };
}

/**
 * The slot a last-writer-wins event sets (events of one slot overwrite each other), or null for
 * events that add up (answers, undos, relinks) or take their place in the card's replayed log
 * (forget, reschedule).
 */
export function slotOf(body: EventBody): string | null {
  switch (body.type) {
    case 'suspend': case 'bury': case 'triage': case 'flag': return body.card.key;
    case 'tag': return `${body.card.key}\u0000${body.tag}`;
    case 'option': return `${body.deck}\u0000${body.key}`;
    case 'answer': case 'undo': case 'relink': case 'forget': case 'reschedule': return null;
  }
}

/** The card an event is about (null for an option or a relink). */
export function cardOf(body: EventBody): CardRef | null {
  return 'card' in body ? body.card : null;
}

const DAY = 86_400_000;

/**
 * Clock skew worth a warning: an event more than a day in the future of this device's clock,
 * or a device whose clock went back more than a day between two of its own events.
 */
export function clockSkew(event: Pick<EventHeader, 'time'>, previousOfDevice: number | null, nowMs: number): string | null {
  if (event.time > nowMs + DAY) return `${Math.round((event.time - nowMs) / DAY)} days ahead of this clock`;
  if (previousOfDevice !== null && event.time < previousOfDevice - DAY) return `its clock went back ${Math.round((previousOfDevice - event.time) / DAY)} days between two of its events`;
  return null;
}

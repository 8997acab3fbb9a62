/**
 * The undo snapshot: what a card was before an answer, kept with the answer's log row (the
 * `reviews.before` column) so that `engram undo` can put it back. It is a typed value here,
 * not a private JSON shape of the collection, because the store's statistics also read it:
 * the interval a card had before the answer decides whether the answer counts as young or
 * mature. (A column of its own for that interval would let SQL stop reading the JSON; see
 * SCHEDULED_DAYS_BEFORE.)
 */
import { EngramError } from './errors.js';
import type { Memory } from './types.js';

/** The part of a card an answer changes and undo restores. */
export interface CardSchedule {
  memory: Memory;
  suspended: boolean;
  tags: string[];
  buriedUntil: number;
  /** The card text the user last saw answered (a re-import may change it later). */
  seenFront: string | null;
  seenBack: string | null;
}

export interface UndoSnapshot extends CardSchedule {
  /** Siblings the answer buried, with what their burial was before. */
  siblings: Array<{ id: number; buriedUntil: number }>;
}

/**
 * Where the card's interval before the answer sits in the stored snapshot, as an SQLite JSON
 * path. Built from the type's own keys, so renaming a field breaks the build instead of
 * silently breaking the statistics that read it.
 */
const SCHEDULED_DAYS_KEYS: readonly [keyof UndoSnapshot & 'memory', keyof Memory & 'scheduledDays'] = ['memory', 'scheduledDays'];
export const SCHEDULED_DAYS_BEFORE = `$.${SCHEDULED_DAYS_KEYS.join('.')}`;

export function encodeUndoSnapshot(snapshot: UndoSnapshot): string {
  return JSON.stringify(snapshot);
}

/** Reads a stored snapshot; a row written before siblings were recorded has none. */
export function decodeUndoSnapshot(text: string): UndoSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EngramError('the undo snapshot of the last answer is not JSON; cannot undo it');
  }
  const snapshot = readUndoSnapshot(value);
  if (!snapshot) throw new EngramError('the undo snapshot of the last answer is incomplete; cannot undo it');
  return snapshot;
}

/** An already parsed value (from a backup) as a snapshot, or null when it lacks what undo needs. */
export function readUndoSnapshot(value: unknown): UndoSnapshot | null {
  const v = value as Partial<UndoSnapshot> | null;
  if (!v || typeof v !== 'object' || !v.memory || typeof v.memory !== 'object' || typeof v.suspended !== 'boolean' || !Array.isArray(v.tags)) {
    return null;
  }
  return {
    memory: v.memory,
    suspended: v.suspended,
    tags: v.tags,
    buriedUntil: typeof v.buriedUntil === 'number' ? v.buriedUntil : 0,
    seenFront: v.seenFront ?? null,
    seenBack: v.seenBack ?? null,
    siblings: Array.isArray(v.siblings) ? v.siblings : [],
  };
}

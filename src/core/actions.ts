/**
 * The action journal's vocabulary: what one card action did, as a typed record. Every action a
 * learner takes on cards (an answer, suspend, bury, flag, forget, tag, reschedule) is one entry
 * of the journal (the `actions` table): `change` says what was done (the record sync carries as
 * an event), `before` what undo puts back. Undo takes the newest entry not yet undone, whatever
 * its kind, so `u` in the review and `engram undo` take actions back in the order they were made.
 * Plain data and pure functions only.
 */
import type { Grade, Memory } from './types.js';

/** Tags a user added or removed by hand (`engram tag`); applied again on every re-import of the note. */
export interface TagEdits {
  add: string[];
  remove: string[];
}

export const NO_TAG_EDITS: TagEdits = { add: [], remove: [] };

export const ACTION_KINDS = ['answer', 'suspend', 'unsuspend', 'bury', 'flag', 'forget', 'tag', 'reschedule'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** What an action did. Times are epoch ms; card ids are this database's. */
export type ActionChange =
  /** An answer; the review row holds its undo snapshot (`reviews.before`). */
  | { kind: 'answer'; cardId: number; reviewId: number; grade: Grade }
  | { kind: 'suspend' | 'unsuspend'; cardIds: number[] }
  | { kind: 'bury'; cardIds: number[]; until: number }
  /** 0 clears the flag; 1–4 red, orange, green, blue. */
  | { kind: 'flag'; cardIds: number[]; flag: number }
  /** Back to new, as Anki's "Reset": the review log is kept, the memory starts again. */
  | { kind: 'forget'; cardIds: number[] }
  | { kind: 'tag'; cardIds: number[]; add: string[]; remove: string[] }
  /** Due on the day `days` from now (Anki's "Set due date"); a review card stays in review. */
  | { kind: 'reschedule'; cardIds: number[]; days: number; due: number };

/** One card's fields as they were before an action: only the fields that action changes. */
export interface CardBefore {
  id: number;
  memory?: Memory;
  suspended?: boolean;
  buriedUntil?: number;
  flag?: number;
  tags?: string[];
  tagEdits?: TagEdits;
}

/** One entry of the journal. */
export interface JournalEntry {
  id: number;
  at: number;
  change: ActionChange;
  before: CardBefore[];
  /** When it was undone; null while it stands. */
  undoneAt: number | null;
}

/** The card ids an action touched. */
export function actionCardIds(change: ActionChange): number[] {
  return change.kind === 'answer' ? [change.cardId] : change.cardIds;
}

/** The flag colours, 1–4, as Anki names them. */
export const FLAG_COLORS = ['red', 'orange', 'green', 'blue'] as const;
export type FlagColor = (typeof FLAG_COLORS)[number];

export function flagColor(flag: number): FlagColor | null {
  return FLAG_COLORS[flag - 1] ?? null;
}

/** Tags after an edit: the `remove`s go, the `add`s come in (once each, in order). */
export function applyTagEdits(tags: readonly string[], edits: TagEdits): string[] {
  const removed = new Set(edits.remove);
  const out = tags.filter((t) => !removed.has(t));
  for (const t of edits.add) if (!out.includes(t)) out.push(t);
  return out;
}

/** A card's stored edits after one more `engram tag`: a later add cancels an earlier remove and the other way round. */
export function mergeTagEdits(stored: TagEdits, add: readonly string[], remove: readonly string[]): TagEdits {
  const adds = stored.add.filter((t) => !remove.includes(t));
  const removes = stored.remove.filter((t) => !add.includes(t));
  for (const t of add) if (!adds.includes(t)) adds.push(t);
  for (const t of remove) if (!removes.includes(t)) removes.push(t);
  return { add: adds, remove: removes };
}

/** A tag as `engram tag` takes it: a leading `#` is dropped; no spaces or commas; `a::b` nests. Null when not a tag. */
export function tagName(raw: string): string | null {
  const tag = raw.trim().replace(/^#/, '');
  return /^[^\s,#"]+$/u.test(tag) ? tag : null;
}

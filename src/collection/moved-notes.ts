/**
 * Notes that disappeared from an imported folder: either moved or renamed (the same cards turn
 * up in a file the database has not seen), or deleted. A moved note takes its cards and their
 * history to the new path; a deleted note's cards are retired (history kept, back if it returns).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedCard } from '../core/index.js';
import type { Store } from '../store/index.js';

export interface VanishedNote {
  id: number;
  path: string;
}

/**
 * Notes stored under the imported folders whose files no longer exist; `scanned` (files just found there) need no check.
 * `stored`: every stored note, already read (by path), used instead of asking the store for the notes under each folder
 * (then the notes come in no particular order: for telling whether any vanished).
 */
export function findVanishedNotes(store: Store, inputs: readonly string[], scanned: ReadonlySet<string>, stored?: ReadonlyMap<string, VanishedNote>): VanishedNote[] {
  const folders = inputs
    .map((input) => path.resolve(input))
    .filter((dir) => {
      try {
        return fs.statSync(dir).isDirectory();
      } catch {
        return false;
      }
    });
  const seen = new Set<number>();
  const vanished: VanishedNote[] = [];
  for (const dir of folders) {
    const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
    const under = stored ? [...stored.values()].filter((note) => startsWithLike(note.path, prefix)) : store.notesUnder(prefix);
    for (const note of under) {
      if (seen.has(note.id) || scanned.has(note.path) || fs.existsSync(note.path)) continue;
      seen.add(note.id);
      vanished.push(note);
    }
  }
  return vanished;
}

/** `path LIKE 'prefix%'` as SQLite's notesUnder matches it: ASCII letters in any case. */
function startsWithLike(file: string, prefix: string): boolean {
  if (file.length < prefix.length) return false;
  if (file.startsWith(prefix)) return true;
  return asciiLower(file.slice(0, prefix.length)) === asciiLower(prefix);
}

const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

const identity = (card: { front: string; back: string }): string => `${card.front.trim()}\u0000${card.back.trim()}`;

/**
 * The vanished note a new file most likely is: the one sharing the most cards word for word,
 * and at least half of the smaller side's cards, so two notes that merely share a card or two
 * are not confused.
 */
export function pickMovedNote(cards: readonly ParsedCard[], candidates: readonly VanishedNote[], store: Store): VanishedNote | null {
  if (cards.length === 0) return null;
  const incoming = new Set(cards.map(identity));
  let best: { note: VanishedNote; shared: number } | null = null;
  for (const note of candidates) {
    const stored = store.cardsOfNote(note.id);
    if (stored.length === 0) continue;
    const shared = new Set(stored.map(identity).filter((id) => incoming.has(id))).size;
    if (shared === 0 || shared * 2 < Math.min(incoming.size, stored.length)) continue;
    if (!best || shared > best.shared) best = { note, shared };
  }
  return best?.note ?? null;
}

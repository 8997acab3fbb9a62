/**
 * Schedules the Obsidian spaced-repetition plugin keeps in a vault's notes
 * (`<!--SR:!2026-12-20,30,250-->`: due day, interval, ease ×100) become the first memory of the
 * card they belong to, so review goes on where the plugin left off instead of starting new.
 * Only a card Engram has not stored yet is seeded: once a card is here, its own log decides.
 */
import { DEFAULT_DECK_OPTIONS, type Memory, type ParsedCard } from '../core/index.js';
import { parseSrComment, type SrTriple } from '../interop/index.js';
import { memoryFromSm2 } from '../scheduler/index.js';
import type { Collection } from './collection.js';

export type SrSeed = { memory: Memory } | { problem: string } | null;

/** The memory a new card starts with from its schedule comment; null when it has none (or is new in the plugin too). */
export function seedFromSrSchedule(
  col: Collection, card: ParsedCard, deckName: string, dataFile: ReadonlyMap<string, ReadonlyArray<SrTriple | null>> = new Map(),
): SrSeed {
  if (card.srSchedule === undefined) return null;
  let schedule: SrTriple | null | undefined;
  // `^sr-data-id-<id>#<n>`: the n-th schedule of that id in the plugin's schedule-data file (none read: the card starts new).
  const dataId = /^\^sr-data-id-([A-Za-z0-9_-]+)#(\d+)$/.exec(card.srSchedule);
  if (dataId) schedule = dataFile.get(dataId[1]!)?.[Number(dataId[2])];
  else {
    const parsed = parseSrComment(`<!--SR:${card.srSchedule}-->`);
    if (!parsed) return null;
    if (!parsed.ok) return { problem: parsed.message };
    schedule = parsed.schedules[0];
  }
  if (!schedule) return null;
  const deck = col.store.getDeckByName(deckName.trim());
  const options = deck ? col.deckOptions(deck.id) : DEFAULT_DECK_OPTIONS;
  // The plugin's due date is a day in the vault's time zone; the card is due when that study day starts.
  const [year, month, day] = schedule.due.split('-').map(Number) as [number, number, number];
  const due = new Date(year, month - 1, day, options.rolloverHour).getTime();
  return { memory: memoryFromSm2({ due, intervalDays: schedule.intervalDays, ease: schedule.ease }, options.weights) };
}

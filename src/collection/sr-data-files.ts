/**
 * Finds and reads the Obsidian Spaced Repetition plugin's schedule-data files for the folders
 * being imported (see parseSrDataFile for the format): any `schedule-data.sr.md` the scan found
 * (it is data, never a note), and in the vault's root (the nearest folder holding `.obsidian`)
 * the plugin's `data.json` and `<scheduleDataVaultLocation>/schedule-data.sr.md`
 * (default folder `Spaced Repetition`). Every file found must stay inside that root.
 */
import type { Problem } from '../core/index.js';
import { parseSrDataFile, type SrTriple } from '../interop/index.js';
import { readInputFile } from './read-input.js';
import { MAX_DATA_BYTES, srDataCandidates } from './sr-data-locate.js';

export { SR_DATA_FILE_NAME, isSrDataFile } from './sr-data-locate.js';

export interface SrDataIndex {
  /** Card id (the `^sr-data-id-` block id) → its schedules, one per card of the item. */
  cards: Map<string, Array<SrTriple | null>>;
  /** The files read. */
  files: string[];
  problems: Problem[];
}

export function loadSrDataFiles(inputs: readonly string[], scanned: readonly string[]): SrDataIndex {
  const index: SrDataIndex = { cards: new Map(), files: [], problems: [] };
  const candidates = srDataCandidates(inputs, scanned);
  for (const file of candidates) {
    const read = readInputFile(file, MAX_DATA_BYTES);
    if (!read.ok) { index.problems.push({ file, line: 0, message: read.message }); continue; }
    const parsed = parseSrDataFile(Buffer.from(read.bytes).toString('utf8'));
    if (!parsed.ok) {
      // data.json without schedules is the usual case (the plugin keeps them in the notes).
      if (!file.endsWith('data.json')) index.problems.push({ file, line: 0, message: `spaced-repetition schedule data: ${parsed.message}` });
      continue;
    }
    index.files.push(file);
    if (parsed.unreadable > 0) index.problems.push({ file, line: 0, message: `${parsed.unreadable} unreadable schedule entr${parsed.unreadable === 1 ? 'y' : 'ies'}; those cards start new` });
    for (const [id, schedules] of parsed.cards) if (!index.cards.has(id)) index.cards.set(id, schedules);
  }
  return index;
}

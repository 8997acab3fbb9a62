/**
 * The import of a folder where nothing changed, without the importer: every file found has the
 * size, mtime and read options stored with its note (so importNotes would not read it either),
 * no stored note under the imported folders vanished, and there is no Obsidian schedule-data
 * file to read. Then the result is known from the scan and the notes table alone: no file is
 * read, nothing is written, and the parsers, the paper code and the scheduler are never loaded.
 * Anything else, and every dry run, is left to importNotes, which is handed the scan so the
 * folders are not walked twice. tests/collection/import-unchanged.test.ts checks the result
 * equals importNotes' on unchanged vaults and that each kind of change falls through.
 */
import { fileClockNs, trace } from '../core/index.js';
import type { Collection } from './collection.js';
import type { ImportOptions, ImportResult } from './import-notes.js';
import { findVanishedNotes } from './moved-notes.js';
import { BULK_NOTE_LOOKUP, GONE_HASH, readContext, unchangedByStat } from './read-context.js';
import { scanPaths, type ScanResult } from './scan-files.js';
import { isSrDataFile, srDataCandidates } from './sr-data-locate.js';

/** A scan taken before an import, and when it began (see importNotes' racy-git note). */
export interface Prescan {
  scannedAt: bigint;
  scanned: ScanResult;
}

export type UnchangedImport = { unchanged: true; result: ImportResult } | { unchanged: false; prescan: Prescan };

export function importIfUnchanged(col: Collection, inputs: string[], options: ImportOptions = {}): UnchangedImport {
  trace('import: scanning');
  const scannedAt = fileClockNs();
  const scanned = scanPaths(inputs);
  const prescan = { scannedAt, scanned };
  const changed = { unchanged: false as const, prescan };
  trace(`import: ${scanned.files.length} files found`);
  if (options.dryRun) return changed;
  const found = scanned.files.map((f) => f.path);
  if (srDataCandidates(inputs, found).size > 0) return changed;
  const files = scanned.files.filter((f) => !isSrDataFile(f.path));
  const { readWith } = readContext(options, scannedAt);
  const store = col.store;
  // Many files: the notes table in one query, without a count per note; a few: one query each.
  const stored = files.length > BULK_NOTE_LOOKUP ? store.storedNotes() : null;
  trace('import: stored notes read');
  for (const file of files) {
    const known = stored ? stored.get(file.path) : store.knownNote(file.path);
    // The same test as importNotes' skip without reading.
    if (!known || !unchangedByStat(known, file, readWith)) return changed;
  }
  let unchangedCards: number;
  if (stored && stored.size === files.length) {
    // Each file matched a stored note of its own path and there are as many stored notes as
    // files: the files are every stored note, so none vanished and their cards are all notes' cards.
    unchangedCards = store.liveNoteCards();
  } else {
    const known = stored ? store.knownNotes() : null;
    const knownOf = (file: string) => (known ? known.get(file) : store.knownNote(file));
    unchangedCards = files.reduce((sum, file) => sum + (knownOf(file.path)?.liveCards ?? 0), 0);
    // A note found gone by an earlier import, with no live card, is left as it is by importNotes too.
    const vanished = findVanishedNotes(store, inputs, new Set(files.map((f) => f.path)), known ?? undefined);
    for (const note of vanished) {
      const gone = knownOf(note.path);
      if (!gone || gone.contentHash !== GONE_HASH || gone.liveCards > 0) return changed;
    }
  }
  trace('import: nothing vanished');
  options.onProgress?.(2 * files.length, 2 * files.length);
  return {
    unchanged: true,
    result: {
      files: files.length, skipped: scanned.errors.length, cards: { added: 0, updated: 0, unchanged: unchangedCards, retired: 0 },
      papers: 0, errors: [...scanned.errors], warnings: [], relinked: [], moved: [], removed: [], preview: [],
      suggestions: store.suggestionCount(), srSchedules: 0,
    },
  };
}

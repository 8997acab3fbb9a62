/**
 * What every file of one import is read with: the parser version and options stored with each
 * note's stat. Apart from read-notes.ts so that an import that reads nothing (every file skipped
 * by its stat, see import-unchanged.ts) does not load the parsers.
 */
import type { ProseCardsMode } from '../core/index.js';
import type { KnownNote } from '../store/index.js';

/** Bump when parsing changes, so unchanged files are parsed again once. */
export const PARSER_VERSION = '3';

/** The content hash of a note whose file the importer found gone (read again if it returns). */
export const GONE_HASH = 'gone';

/** Above this many files, an import looks up the stored notes in one query instead of one each. */
export const BULK_NOTE_LOOKUP = 50;

/**
 * Whether a stored note's stat says its file is as it was last read, so it is not read at all:
 * the same size, mtime and read options (a note with warnings or a broken example is stored
 * with no stat, so it is read every time).
 */
export function unchangedByStat(known: Pick<KnownNote, 'stat'>, file: { size: number; mtimeNs: bigint }, readWith: string): boolean {
  return known.stat !== null && known.stat.size === file.size && known.stat.mtimeNs === file.mtimeNs && known.stat.readWith === readWith;
}

/** What every file of one import is read with. */
export interface ReadContext {
  deck: string | null;
  proseCards: ProseCardsMode | null;
  /** The parser version and options, stored with a note's stat (a change reads every file again). */
  readWith: string;
  /** When the scan began (ns, the file clock): a file modified since cannot be trusted by its stat. */
  scannedAt: bigint;
}

export function readContext(options: { deck?: string; proseCards?: ProseCardsMode }, scannedAt: bigint): ReadContext {
  return {
    deck: options.deck ?? null, proseCards: options.proseCards ?? null, scannedAt,
    readWith: JSON.stringify([PARSER_VERSION, options.deck ?? null, options.proseCards ?? null]),
  };
}

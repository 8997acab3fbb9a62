/**
 * An import's first phase for one note file: read it, hash it, and parse it unless its hash is
 * the stored one. Plain data in and out, no database. (Reading half of a big import's files on a
 * worker thread was tried: on the shared 2-core machine it cost 1.5 s more CPU than it saved.)
 */
import crypto from 'node:crypto';
import type { ParsedCard, Problem } from '../core/index.js';
import type { NoteStat } from '../store/index.js';
import { parseNote } from '../notes/index.js';
import { extractPaperRefs, parsePapersNote } from '../papers/index.js';
import { cachedExampleReader, exampleFilesDigest, type ExampleReader } from './example-files.js';
import type { ParsedFile } from './import-plan.js';
import { readNote, type FoundFile } from './scan-files.js';
import { PARSER_VERSION, type ReadContext } from './read-context.js';

export { PARSER_VERSION, readContext, type ReadContext } from './read-context.js';

/** How close to the scan a file's mtime makes its stat untrustworthy (see trustedStat). */
const RACY_MARGIN_NS = 100_000_000n;
const RACY_MARGIN_COARSE_NS = 2_000_000_000n;

/** A file to read; `knownHash`: the stored content hash it is unchanged against (null: none, or a dry run). */
export interface ReadTask {
  file: FoundFile;
  knownHash: string | null;
}

export type ReadOutcome =
  /** Not imported: unreadable, or the note could not be parsed. */
  | { kind: 'failed'; errors: Problem[] }
  /** Its content hash is the stored one; `stat` is the one to remember for next time. */
  | { kind: 'unchanged'; stat: NoteStat | null }
  | { kind: 'parsed'; parsed: ParsedFile; errors: Problem[]; warnings: Problem[] };

/** Reads the tasks in order on this thread (one example-file cache for all). */
export function readNotes(tasks: readonly ReadTask[], context: ReadContext, readExample: ExampleReader = cachedExampleReader()): ReadOutcome[] {
  return tasks.map((task) => readOneNote(task, context, readExample));
}

export function readOneNote({ file, knownHash }: ReadTask, context: ReadContext, readExample: ExampleReader): ReadOutcome {
  const read = readNote(file.path, file.size);
  if (!read.ok) return { kind: 'failed', errors: [{ file: file.path, line: read.line, message: read.message }] };
  const examplesDigest = exampleFilesDigest(read.text, file.path, readExample);
  const hash = crypto.createHash('sha256').update(PARSER_VERSION).update('\0').update(context.deck ?? '').update('\0').update(read.bytes)
    .update('\0').update(examplesDigest).update(context.proseCards ? `\0prose:${context.proseCards}` : '').digest('hex');
  // A note that reads example files is hashed every time (editing only an example re-imports it).
  const stat = examplesDigest === '' ? trustedStat(file, context.readWith, context.scannedAt) : null;
  if (knownHash === hash) return { kind: 'unchanged', stat };
  const { note, errors, warnings } = parseNote(read.text, file.path);
  if (!note) return { kind: 'failed', errors };
  if (note.options['papers'] === true) {
    const declared = parsePapersNote(read.text, file.path);
    const retry = declared.problems.length > 0;
    return {
      kind: 'parsed', errors: declared.problems, warnings,
      parsed: {
        file, hash: retry ? `retry:${hash}` : hash, stat: retry ? null : stat, cards: [], noteDeck: note.deck, refs: [], isPapersNote: true, declared: declared.papers,
      },
    };
  }
  const exampleErrors = resolveExampleFiles(note.cards, file.path, readExample);
  // A note with a broken example reference or a warning is parsed again next time, so neither is forgotten.
  const retry = exampleErrors.length > 0 || warnings.length > 0;
  return {
    kind: 'parsed', errors: exampleErrors, warnings,
    parsed: {
      file, hash: retry ? `retry:${hash}` : hash, stat: retry ? null : stat, cards: note.cards, noteDeck: note.deck, refs: extractPaperRefs(read.text),
      isPapersNote: false, declared: [],
    },
  };
}

/**
 * The stat to store with a note read now, or null when it cannot be trusted next time: a file
 * modified at or after the scan began (less a margin for the file system's clock, which lags
 * the real one by up to a tick, or truncates to whole seconds) may be edited again within the
 * same mtime without its stat changing. Such a file is hashed next time (git's racy-clean rule).
 */
function trustedStat(file: FoundFile, readWith: string, scannedAt: bigint): NoteStat | null {
  const coarse = file.mtimeNs % 1_000_000_000n === 0n;
  const margin = coarse ? RACY_MARGIN_COARSE_NS : RACY_MARGIN_NS;
  if (file.mtimeNs >= scannedAt - margin) return null;
  return { size: file.size, mtimeNs: file.mtimeNs, readWith };
}

/** Reads each card's example file into its `example`; a refused or missing file is an error at the `example:` line, and the card keeps no example. */
function resolveExampleFiles(cards: ParsedCard[], noteFile: string, readExample: ExampleReader): Problem[] {
  const errors: Problem[] = [];
  const reported = new Set<number>();
  for (const card of cards) {
    if (!card.exampleFile) continue;
    const read = readExample(card.exampleFile, noteFile);
    if (read.ok) card.example = read.spec;
    else if (!reported.has(card.exampleFile.line)) {
      reported.add(card.exampleFile.line);
      errors.push({ file: noteFile, line: card.exampleFile.line, message: read.message });
    }
  }
  return errors;
}

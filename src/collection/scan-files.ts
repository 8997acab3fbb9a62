/**
 * Finds the Markdown files to import and reads them safely. Folders are walked recursively,
 * hidden folders and node_modules skipped, and each real directory visited once so a symlink
 * loop cannot trap the walk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sourcePathProblem } from '../core/index.js';
import { readInputFile } from './read-input.js';

export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

export interface FoundFile {
  /** Absolute path of the file. */
  path: string;
  /** Deck name to use when neither --deck nor the note names one: the folders below the imported folder (`a/b/x.md` → `a::b`), the imported folder's name for a note directly in it, the file name for a file imported alone. */
  defaultDeck: string;
  /** Size and modification time (ns) when the folder was scanned, to skip unchanged files without reading them. */
  size: number;
  mtimeNs: bigint;
}

export interface ScanResult {
  files: FoundFile[];
  errors: Array<{ file: string; line: number; message: string }>;
}

/** The order of String.prototype.localeCompare (the default locale and options), without its per-call set-up. */
const byName = new Intl.Collator();

export function scanPaths(inputs: string[]): ScanResult {
  const files: FoundFile[] = [];
  const errors: ScanResult['errors'] = [];
  const seenFiles = new Set<string>();
  const visitedDirs = new Set<string>();

  /** `resolved`: the file's absolute, normalized path when the caller has it (a folder's entry). */
  const addFile = (file: string, defaultDeck: string, stat: fs.BigIntStats, knownReal?: string, resolved = path.resolve(file)) => {
    let real: string;
    try {
      real = knownReal ?? fs.realpathSync(file);
    } catch {
      return;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    // The stored path goes to the user's editor (`o`) and into backups, which refuse such paths.
    const problem = sourcePathProblem(resolved);
    if (problem) {
      errors.push({ file, line: 0, message: `${problem}; rename the file to import it` });
      return;
    }
    files.push({ path: resolved, defaultDeck, size: Number(stat.size), mtimeNs: stat.mtimeNs });
  };

  const walk = (dir: string, root: string, top: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (error) {
      errors.push({ file: dir, line: 0, message: `cannot read folder: ${(error as Error).message}` });
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: dir, line: 0, message: `cannot read folder: ${(error as Error).message}` });
      return;
    }
    entries.sort((a, b) => byName.compare(a.name, b.name));
    const deck = folderDeck(top, dir);
    // `dir` is absolute and normalized, and an entry's name holds no separator: its path and
    // its real path are a plain join (path.join per entry cost more than the join itself).
    const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
    const realPrefix = real.endsWith(path.sep) ? real : `${real}${path.sep}`;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = `${prefix}${entry.name}`;
      let stat: fs.BigIntStats;
      try {
        stat = fs.statSync(full, { bigint: true });
      } catch {
        continue; // dangling symlink
      }
      const isNote = stat.isFile() && entry.name.toLowerCase().endsWith('.md');
      // A folder may come from a stranger: a link in it must not pull in files from elsewhere
      // (as example paths may not), e.g. ~/.ssh or another vault.
      if (entry.isSymbolicLink() && (isNote || stat.isDirectory()) && !isInside(full, root)) {
        errors.push({ file: full, line: 0, message: 'is a link that leads outside the imported folder; skipped' });
        continue;
      }
      if (stat.isDirectory()) walk(full, root, top);
      // A plain file's real path is its real folder's plus its name: no realpath call per note.
      else if (isNote) addFile(full, deck, stat, entry.isSymbolicLink() ? undefined : `${realPrefix}${entry.name}`, full);
    }
  };

  for (const input of inputs) {
    let stat: fs.BigIntStats;
    try {
      stat = fs.statSync(input, { bigint: true });
    } catch {
      errors.push({ file: input, line: 0, message: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) walk(path.resolve(input), realOrSelf(input), path.resolve(input));
    else if (stat.isFile()) addFile(input, path.basename(input).replace(/\.md$/i, ''), stat);
    else errors.push({ file: input, line: 0, message: 'not a file or folder' });
  }
  return { files, errors };
}

/** The deck of a note found in `dir` under the imported folder `top`: `top/a/b` → `a::b`; `top` itself → its name. */
export function folderDeck(top: string, dir: string): string {
  const below = path.relative(top, dir);
  if (below === '') return path.basename(top);
  return below.split(path.sep).join('::');
}

function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Whether `file` resolves (links followed) to `root` or a place inside it (`root` is a real path). */
function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, realOrSelf(file));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export type ReadResult = { ok: true; text: string; bytes: Buffer } | { ok: false; line: number; message: string };

/** Reads a note as UTF-8, refusing files that are too big, binary or not valid UTF-8. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** `size`: the file's size from the scan, which saves a stat (the read itself still refuses a file grown past the limit). */
export function readNote(file: string, size?: number): ReadResult {
  let bytes: Buffer;
  try {
    size ??= fs.statSync(file).size;
    if (size > MAX_NOTE_BYTES) return { ok: false, line: 0, message: `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit` };
  } catch (error) {
    return { ok: false, line: 0, message: `cannot read: ${(error as Error).message}` };
  }
  const read = readInputFile(file, MAX_NOTE_BYTES);
  if (!read.ok) return { ok: false, line: 0, message: read.message };
  bytes = read.bytes;
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, line: lineAt(bytes, nul), message: 'binary file (contains NUL bytes), skipped' };
  try {
    const text = utf8.decode(bytes);
    return { ok: true, text, bytes };
  } catch {
    return { ok: false, line: lineAt(bytes, firstInvalidUtf8(bytes)), message: 'not valid UTF-8, skipped' };
  }
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefix validity would mis-handle cut sequences; a linear scan of lines is simple and bounded by 5 MB.
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end + 1;
  }
  return 0;
}

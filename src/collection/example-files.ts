/**
 * Reads the example file a card points to. Notes may come from strangers, so a reference may
 * only name a file below the note's own folder: absolute paths, `..` segments and symlinks that
 * resolve outside are refused, and the file must be a small UTF-8 .ts/.js file. The code is
 * stored with the card, so the review never touches the file system.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExampleFileRef, ExampleSpec } from '../core/index.js';
import { codeLines, formatLineRanges, rangesPastEnd, readExampleLine, readPredictLine, splitFragment } from '../notes/index.js';

export const MAX_EXAMPLE_BYTES = 64 * 1024;

export type ExampleRead = { ok: true; spec: ExampleSpec } | { ok: false; message: string };

const LANGS: Record<string, ExampleSpec['lang']> = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js' };

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export type ExampleReader = (ref: ExampleFileRef, noteFile: string) => ExampleRead;

export const readExampleFile: ExampleReader = (ref, noteFile) => {
  const written = ref.path;
  if (path.isAbsolute(written) || /^[a-zA-Z]:[\\/]/.test(written) || written.startsWith('\\') || written.startsWith('~')) {
    return { ok: false, message: `example path '${written}' is absolute; give a path relative to the note, inside its folder` };
  }
  if (written.split(/[\\/]/).includes('..')) {
    return { ok: false, message: `example path '${written}' goes up with '..'; examples must stay inside the note's folder` };
  }
  const lang = LANGS[path.extname(written).toLowerCase()];
  if (!lang) return { ok: false, message: `example '${written}' is not a .ts or .js file` };

  const folder = path.dirname(noteFile);
  let real: string;
  let realFolder: string;
  try {
    realFolder = fs.realpathSync(folder);
    real = fs.realpathSync(path.resolve(folder, written));
  } catch {
    return { ok: false, message: `example file '${written}' not found (looked in ${path.join(folder, written)})` };
  }
  if (!isInside(real, realFolder)) {
    return { ok: false, message: `example '${written}' is a link that leads outside the note's folder; refused` };
  }
  let bytes: Buffer;
  try {
    const stat = fs.statSync(real);
    if (!stat.isFile()) return { ok: false, message: `example '${written}' is not a file` };
    if (stat.size > MAX_EXAMPLE_BYTES) return { ok: false, message: `example '${written}' is ${Math.ceil(stat.size / 1024)} KB, over the ${MAX_EXAMPLE_BYTES / 1024} KB limit` };
    bytes = fs.readFileSync(real);
  } catch (error) {
    return { ok: false, message: `cannot read example '${written}': ${(error as Error).message}` };
  }
  let code: string;
  try {
    code = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `example '${written}' is not valid UTF-8` };
  }
  if (code.includes('\0')) return { ok: false, message: `example '${written}' is a binary file` };
  code = code.replace(/^\uFEFF/, '');
  let stored = written.replace(/\\/g, '/');
  if (ref.shown && ref.shown.length > 0) {
    const past = rangesPastEnd(ref.shown, codeLines(code).length);
    if (past) return { ok: false, message: `predict range of '${written}': ${past}` };
    stored += `#${formatLineRanges(ref.shown)}`;
  }
  return { ok: true, spec: { lang, code, line: 0, path: stored } };
};

/**
 * readExampleFile, once per note and path for as long as the reader lives (one import): the
 * content digest, both sides of a two-way card and every card under a frontmatter `example`
 * would otherwise each read the same file.
 */
export function cachedExampleReader(): ExampleReader {
  const reads = new Map<string, ExampleRead>();
  return (ref, noteFile) => {
    const key = `${noteFile}\u0000${ref.path}\u0000${ref.shown ? formatLineRanges(ref.shown) : ''}`;
    let read = reads.get(key);
    if (!read) {
      read = readExampleFile(ref, noteFile);
      reads.set(key, read);
    }
    return read;
  };
}

/**
 * A digest of every example file the note's text points to, so editing only an example file
 * still re-imports the note (unchanged notes are skipped by content hash); '' for a note with
 * no example line.
 */
export function exampleFilesDigest(noteText: string, noteFile: string, read: ExampleReader = readExampleFile): string {
  // Most notes have no example at all: one scan of the text instead of one regex per line.
  if (!/example:|predict:/i.test(noteText)) return '';
  const hash = crypto.createHash('sha256');
  let examples = 0;
  for (const line of noteText.split('\n')) {
    const raw = line.replace(/\r$/, '');
    const written = readExampleLine(raw) ?? readPredictLine(raw);
    if (written === null) continue;
    examples++;
    const example = read({ path: splitFragment(written).path, line: 0 }, noteFile);
    hash.update(written).update('\0').update(example.ok ? example.spec.code : `error:${example.message}`).update('\0');
  }
  // Prose such as "For example:" passes the quick test above without an example line: such a
  // note reads no example file, so it has no digest (and keeps its stat, like any other note).
  return examples === 0 ? '' : hash.digest('hex');
}

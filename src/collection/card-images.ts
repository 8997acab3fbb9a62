/**
 * The pictures a card shows and the files they are. A note's `![[diagram.png]]` or
 * `![alt](fig.png)` is looked up relative to the note, then from the vault's root (the nearest
 * folder above the note holding `.obsidian`, else the note's own folder), and for a bare
 * `![[name.png]]` by name inside that root, as Obsidian does. A picture from an Anki package is
 * `media/<file>` beside the database. Card text comes from strangers: a path may never lead out
 * of that root (no absolute paths, `..` or links that resolve outside), only regular picture
 * files are taken, and their size is capped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Card } from '../core/index.js';
import { MEDIA_FOLDER } from './media-files.js';

/** Largest picture file read to draw or open. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Folders looked through for a bare `![[name.png]]` before giving up. */
const MAX_SEARCH_DIRS = 2000;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp|svg|avif)$/i;

export interface ImageRef {
  /** The path as written (embed target, or Markdown link destination). */
  written: string;
  /** Obsidian embed (`![[…]]`): a bare name is found anywhere in the vault. */
  embed: boolean;
  /** What to call it on screen: its file name. */
  name: string;
}

// `![[target|size]]`, `![alt](dest "title")` / `![alt](<dest>)`.
const EMBED = /!\[\[([^[\]\n|#]+)(?:[|#][^[\]\n]*)?\]\]/g;
const MARKDOWN = /!\[[^\]\n]*\]\(\s*(<[^>\n]*>|[^)\n]+?)(?:\s+"[^"\n]*")?\s*\)/g;

/** The picture references in a card side, in order, without repeats; embeds of notes are not pictures. */
export function imageRefs(text: string): ImageRef[] {
  const found: Array<{ at: number; ref: ImageRef }> = [];
  for (const m of text.matchAll(EMBED)) {
    const written = m[1]!.trim();
    if (IMAGE_EXT.test(written)) found.push({ at: m.index, ref: { written, embed: true, name: baseName(written) } });
  }
  for (const m of text.matchAll(MARKDOWN)) {
    let written = m[1]!.trim().replace(/^<|>$/g, '');
    try { written = decodeURI(written); } catch { /* keep it as written */ }
    if (IMAGE_EXT.test(written.split(/[?#]/)[0]!)) found.push({ at: m.index, ref: { written, embed: false, name: baseName(written.split(/[?#]/)[0]!) } });
  }
  const seen = new Set<string>();
  return found.sort((a, b) => a.at - b.at).map((f) => f.ref).filter((ref) => !seen.has(ref.written) && seen.add(ref.written));
}

/** The side without its picture references (they are drawn, or named, below the text); lines left empty go. */
export function withoutImageRefs(text: string): string {
  const isImage = (whole: string, target: string) => (IMAGE_EXT.test(target.split(/[?#|]/)[0]!.trim()) ? '\u0000' : whole);
  const stripped = text
    .replace(EMBED, (whole, target: string) => isImage(whole, target))
    .replace(MARKDOWN, (whole, dest: string) => isImage(whole, dest.replace(/^<|>$/g, '')));
  return stripped
    .split('\n')
    .filter((line) => !(line.includes('\u0000') && line.replace(/\u0000/g, '').trim() === ''))
    .map((line) => line.replace(/[ \t]*\u0000[ \t]*/g, ' ').trimEnd())
    .join('\n')
    .trim();
}

export interface CardImage extends ImageRef {
  /** The side it is on. */
  side: 'front' | 'back';
  /** The file, real path, inside the allowed root; null when refused or missing (see `problem`). */
  file: string | null;
  problem?: string;
  /** The folder nothing may leave (real path): the vault, the note's folder or the media folder. */
  root: string | null;
}

/** Every picture of the card, both sides, resolved to a file or with the reason it is not one. */
export function cardImages(card: Pick<Card, 'front' | 'back' | 'source'>, dbPath: string): CardImage[] {
  const out: CardImage[] = [];
  for (const side of ['front', 'back'] as const) {
    for (const ref of imageRefs(card[side])) out.push({ ...ref, side, ...resolveImage(ref, card.source?.file ?? null, dbPath) });
  }
  return out;
}

type Resolved = { file: string | null; problem?: string; root: string | null };

/** Where a reference points, refused unless it stays inside the note's vault (or the media folder). */
export function resolveImage(ref: ImageRef, noteFile: string | null, dbPath: string): Resolved {
  const written = ref.written;
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^[a-zA-Z]:[\\/]/.test(written)) return { file: null, root: null, problem: 'not a local file' };
  if (path.isAbsolute(written) || /^[a-zA-Z]:[\\/]/.test(written) || written.startsWith('\\') || written.startsWith('~')) {
    return { file: null, root: null, problem: 'an absolute path; refused' };
  }
  let root: string;
  const candidates: string[] = [];
  if (noteFile) {
    const folder = path.dirname(noteFile);
    root = realOrNull(vaultRoot(folder)) ?? '';
    if (!root) return { file: null, root: null, problem: "the note's folder is gone" };
    candidates.push(path.resolve(folder, written), path.resolve(root, written));
  } else {
    const base = path.dirname(path.resolve(dbPath));
    root = realOrNull(path.join(base, MEDIA_FOLDER)) ?? '';
    if (!root) return { file: null, root: null, problem: 'no media folder beside the database' };
    candidates.push(path.resolve(base, written));
  }
  const inside = (file: string) => isInside(file, root);
  // Refused before the file system is asked: a path that leaves the root by its very text.
  if (!candidates.some((c) => inside(c) || inside(realOrNull(path.dirname(c)) ?? ''))) {
    return { file: null, root, problem: 'leads outside the imported folder; refused' };
  }
  for (const candidate of candidates) {
    const real = realOrNull(candidate);
    if (real && inside(real)) return checkFile(real, root);
    if (real) return { file: null, root, problem: 'a link that leads outside the imported folder; refused' };
  }
  if (noteFile && ref.embed && !/[\\/]/.test(written)) {
    const found = findByName(root, written);
    if (found) return checkFile(found, root);
  }
  return { file: null, root, problem: 'not found' };
}

function checkFile(file: string, root: string): Resolved {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { file: null, root, problem: 'not a file' };
    if (stat.size > MAX_IMAGE_BYTES) return { file: null, root, problem: `over ${MAX_IMAGE_BYTES / 1048576} MB` };
  } catch {
    return { file: null, root, problem: 'not found' };
  }
  return { file, root };
}

/** The nearest folder at or above `folder` that holds `.obsidian` (an Obsidian vault), else `folder`. */
function vaultRoot(folder: string): string {
  let dir = path.resolve(folder);
  for (let i = 0; i < 12; i++) {
    if (fs.existsSync(path.join(dir, '.obsidian'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.resolve(folder);
}

/** A file named `name` under `root`, breadth first, hidden folders and links skipped, bounded. */
function findByName(root: string, name: string): string | null {
  const queue = [root];
  for (let seen = 0; queue.length > 0 && seen < MAX_SEARCH_DIRS; seen++) {
    const dir = queue.shift()!;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { continue; }
    for (const entry of entries) {
      if (entry.isFile() && entry.name === name) return path.join(dir, entry.name);
    }
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') queue.push(path.join(dir, entry.name));
  }
  return null;
}

/** Whether `file` is `root` or below it (both already absolute; `root` a real path). */
export function isInside(file: string, root: string): boolean {
  if (!file || !root) return false;
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function realOrNull(file: string): string | null {
  try { return fs.realpathSync(file); } catch { return null; }
}

function baseName(written: string): string {
  return written.split(/[\\/]/).pop() || written;
}

/** A card's picture with its bytes (null when refused, missing or unreadable). */
export interface LoadedImage extends CardImage {
  bytes: Uint8Array | null;
}

/** cardImages, with each file read (within MAX_IMAGE_BYTES) for drawing. */
export function loadCardImages(card: Pick<Card, 'front' | 'back' | 'source'>, dbPath: string): LoadedImage[] {
  return cardImages(card, dbPath).map((image) => {
    if (!image.file) return { ...image, bytes: null };
    try {
      const bytes = fs.readFileSync(image.file);
      return bytes.length <= MAX_IMAGE_BYTES ? { ...image, bytes } : { ...image, bytes: null, problem: `over ${MAX_IMAGE_BYTES / 1048576} MB` };
    } catch (error) {
      return { ...image, bytes: null, problem: `cannot read it: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
    }
  });
}

/**
 * An Anki package's pictures: which ones the cards show, which file in the zip holds each, and
 * the safe name it is stored under. The package is untrusted: its names are never paths (only a
 * sanitized last segment survives, prefixed with a hash of the bytes so two names cannot
 * collide), only picture types are taken, and every file and the total are capped before
 * inflating. Pure apart from the in-memory unzip.
 */
import { unzipSync } from 'fflate';

export interface MediaLimits { maxFiles: number; maxFileBytes: number; maxTotalBytes: number }
export const MEDIA_LIMITS: MediaLimits = { maxFiles: 2000, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'svg', 'avif']);
const IMAGE_REF = /\[image: ([^\]\n]*)\]/g;

/** The picture names `[image: x]` placeholders (from htmlToText) point at, in order, without repeats. */
export function imageRefs(text: string): string[] {
  return [...new Set([...text.matchAll(IMAGE_REF)].map((m) => m[1]!.trim()).filter(Boolean))];
}

/** `[image: x]` → a Markdown image of the stored file; a picture not stored keeps its placeholder. */
export function linkImages(text: string, stored: ReadonlyMap<string, string>): string {
  return text.replace(IMAGE_REF, (whole, name: string) => {
    const file = stored.get(name.trim());
    return file ? `![${name.trim().replace(/[[\]]/g, '')}](${file})` : whole;
  });
}

/** A name safe as one file name in the media folder, or null when it is not a picture. */
export function sanitizeMediaName(name: string): string | null {
  const last = name.split(/[/\\]/).pop() ?? '';
  const clean = last.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^[.\s]+/, '').trim();
  const ext = /\.([a-z0-9]+)$/i.exec(clean)?.[1]?.toLowerCase();
  if (!ext || !IMAGE_EXTENSIONS.has(ext) || clean.length === ext.length + 1) return null;
  return clean.length > 120 ? `${clean.slice(0, 110)}.${ext}` : clean;
}

export interface PackageMedia {
  files: Map<string, Uint8Array>;
  skipped: Array<{ name: string; reason: string }>;
}

/** The wanted pictures out of the package, each within the limits; the others with the reason. */
export function readPackageMedia(zip: Uint8Array, wanted: readonly string[], limits: MediaLimits = MEDIA_LIMITS): PackageMedia {
  const skipped: PackageMedia['skipped'] = [];
  const files = new Map<string, Uint8Array>();
  if (wanted.length === 0) return { files, skipped };
  let map: Record<string, unknown> = {};
  const sizes = new Map<string, number>();
  try {
    const meta = unzipSync(zip, { filter: (f) => { sizes.set(f.name, f.originalSize); return f.name === 'media' && f.originalSize <= 16 * 1024 * 1024; } });
    const parsed = meta['media'] ? JSON.parse(new TextDecoder().decode(meta['media'])) as unknown : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) map = parsed as Record<string, unknown>;
  } catch {
    return { files, skipped: wanted.map((name) => ({ name, reason: 'the package has no readable media list' })) };
  }
  const entryOf = new Map<string, string>();
  for (const [entry, name] of Object.entries(map)) if (typeof name === 'string' && !entryOf.has(name)) entryOf.set(name, entry);
  const take = new Map<string, string>();
  let total = 0;
  for (const name of wanted) {
    const entry = entryOf.get(name);
    const size = entry === undefined ? undefined : sizes.get(entry);
    if (entry === undefined || size === undefined) skipped.push({ name, reason: 'not in the package' });
    else if (!sanitizeMediaName(name)) skipped.push({ name, reason: 'not a picture' });
    else if (size > limits.maxFileBytes) skipped.push({ name, reason: `over the ${Math.round(limits.maxFileBytes / 1048576)} MB limit for one file` });
    else if (take.size >= limits.maxFiles) skipped.push({ name, reason: `over the limit of ${limits.maxFiles} files` });
    else if (total + size > limits.maxTotalBytes) skipped.push({ name, reason: `over the ${Math.round(limits.maxTotalBytes / 1048576)} MB limit for all media` });
    else { take.set(entry, name); total += size; }
  }
  const entries = unzipSync(zip, { filter: (f) => take.has(f.name) && f.originalSize <= limits.maxFileBytes });
  for (const [entry, name] of take) {
    const bytes = entries[entry];
    if (bytes && bytes.length <= limits.maxFileBytes) files.set(name, bytes);
    else skipped.push({ name, reason: 'could not be extracted' });
  }
  return { files, skipped };
}

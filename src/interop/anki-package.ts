/**
 * Opens an Anki package (.apkg, a zip) held in memory and takes out its SQLite collection.
 * The package is untrusted: only the collection entry is inflated, its declared size is
 * capped before inflating (fflate inflates into a buffer of exactly that size, so a lying
 * header cannot make it grow), and entry names are never used as paths.
 */
import { unzipSync } from 'fflate';
import { EngramError } from '../core/index.js';

export const MAX_COLLECTION_BYTES = 512 * 1024 * 1024;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface AnkiPackage {
  collection: Uint8Array;
  /** Which entry held it: `collection.anki21` or `collection.anki2`. */
  entry: string;
  /** Media files listed in the package (not imported). */
  mediaCount: number;
}

export function readAnkiPackage(bytes: Uint8Array, label: string, maxBytes = MAX_COLLECTION_BYTES): AnkiPackage {
  const sizes = new Map<string, number>();
  const unzip = (filter: (f: { name: string; originalSize: number }) => boolean) => {
    try {
      return unzipSync(bytes, { filter });
    } catch (error) {
      throw new EngramError(`${label}: not a readable Anki package (zip: ${(error as Error).message})`);
    }
  };
  unzip((f) => {
    sizes.set(f.name, f.originalSize);
    return false;
  });
  const entry = sizes.has('collection.anki21') ? 'collection.anki21' : sizes.has('collection.anki21b') ? null : sizes.has('collection.anki2') ? 'collection.anki2' : undefined;
  if (entry === null) {
    throw new EngramError(`${label}: this package uses Anki's newer compressed format (collection.anki21b); export from Anki with 'Support older Anki versions' checked`);
  }
  if (entry === undefined) throw new EngramError(`${label}: not an Anki package (no collection.anki2 or collection.anki21 inside)`);
  const size = sizes.get(entry) ?? 0;
  if (size > maxBytes) throw new EngramError(`${label}: the collection inside is ${Math.round(size / 1048576)} MB, over the ${Math.round(maxBytes / 1048576)} MB limit`);
  const wanted = new Set([entry, 'media']);
  const files = unzip((f) => wanted.has(f.name) && f.originalSize <= maxBytes);
  const collection = files[entry];
  if (!collection || collection.length > maxBytes) throw new EngramError(`${label}: could not extract ${entry}`);
  if (new TextDecoder().decode(collection.subarray(0, 16)) !== SQLITE_MAGIC) {
    throw new EngramError(`${label}: ${entry} is not an SQLite database`);
  }
  return { collection, entry, mediaCount: countMedia(files['media']) };
}

function countMedia(media: Uint8Array | undefined): number {
  if (!media) return 0;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(media)) as unknown;
    return typeof parsed === 'object' && parsed !== null ? Object.keys(parsed).length : 0;
  } catch {
    return 0;
  }
}

/**
 * Pictures imported with cards live in a `media/` folder beside the database, each under a
 * content-addressed name (`<hash>-<sanitized name>`), so importing again rewrites nothing and two
 * packages' `image.png` never overwrite each other. A file is written to a temporary name and
 * renamed, and every path is checked to stay inside the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EngramError, nodeCrypto } from '../core/index.js';
// The module itself, not the interop index: that would bring the backup format's zod schemas
// (built when loaded) into the review's start, which shows pictures through this file.
import { sanitizeMediaName } from '../interop/anki-media.js';

export const MEDIA_FOLDER = 'media';

/** Stores the files; returns each original name → its path relative to the database's folder. */
export function storeMediaFiles(dbPath: string, files: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const stored = new Map<string, string>();
  if (files.size === 0) return stored;
  const dir = path.resolve(path.dirname(dbPath), MEDIA_FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of files) {
    const safe = sanitizeMediaName(name);
    if (!safe) continue;
    const fileName = `${nodeCrypto().createHash('sha256').update(bytes).digest('hex').slice(0, 10)}-${safe}`;
    const target = path.resolve(dir, fileName);
    if (path.dirname(target) !== dir) throw new EngramError(`media name '${name}' would leave the media folder`);
    if (!fs.existsSync(target)) {
      const tmp = `${target}.${process.pid}.partial`;
      fs.writeFileSync(tmp, bytes, { flag: 'wx', mode: 0o644 });
      fs.renameSync(tmp, target);
    }
    stored.set(name, `${MEDIA_FOLDER}/${fileName}`);
  }
  return stored;
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';

/**
 * Where the database lives: `--db`, else $ENGRAM_DB, else `data/engram.db` when engram runs
 * from its project checkout (as `npm start` does), else the user's XDG data directory.
 */
export function resolveDbPath(flag: string | undefined): string {
  if (flag) return flag;
  const fromEnv = process.env['ENGRAM_DB'];
  if (fromEnv) return fromEnv;
  const root = projectRoot();
  if (root && fs.existsSync(path.join(root, 'data')) && fs.existsSync(path.join(root, '.git'))) {
    return path.join(root, 'data', 'engram.db');
  }
  return path.join(envPaths('engram', { suffix: '' }).data, 'engram.db');
}

/** The package root this program runs from (the folder above dist/), if it looks like one. */
export function projectRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, '..'), path.resolve(here, '../..')]) {
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  return null;
}

/** The decks that ship with engram. */
export function bundledDecksDir(): string | null {
  const root = projectRoot();
  const dir = root ? path.join(root, 'decks') : null;
  return dir && fs.existsSync(dir) ? dir : null;
}

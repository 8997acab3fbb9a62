/**
 * `engram backup`: a consistent copy of the live database through SQLite's online backup API
 * (other processes may keep answering cards meanwhile), in a `backups/` folder beside the
 * database, named by the time of `now()`, keeping the newest N.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, now } from '../core/index.js';
import type { Collection } from './collection.js';

export const DEFAULT_KEEP = 10;

export interface BackupResult {
  path: string;
  bytes: number;
  /** Older backups removed by rotation. */
  deleted: string[];
}

export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

/** `engram-20261201T090000Z.db` for `engram.db`: the stem keeps backups of different databases apart. */
export function backupName(dbPath: string, time: number, attempt = 0): string {
  const stem = path.basename(dbPath).replace(/\.[^.]*$/, '') || 'engram';
  const stamp = new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${stem}-${stamp}${attempt > 0 ? `-${attempt}` : ''}.db`;
}

export async function backupDatabase(col: Collection, options: { keep?: number; onStep?: (remainingPages: number) => void } = {}): Promise<BackupResult> {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError(`--keep must be a whole number of at least 1 (got ${keep})`);
  if (col.store.path === ':memory:') throw new UsageError('an in-memory database has no place for backups');
  const dir = backupsDir(col.store.path);
  fs.mkdirSync(dir, { recursive: true });
  const time = now();
  let attempt = 0;
  while (fs.existsSync(path.join(dir, backupName(col.store.path, time, attempt)))) attempt++;
  const target = path.join(dir, backupName(col.store.path, time, attempt));
  const partial = `${target}.partial`;
  try {
    // Small steps let other connections write between them; SQLite restarts the copy when
    // they do, so the result is always one consistent moment.
    await col.store.db.backup(partial, {
      progress: ({ remainingPages }) => {
        options.onStep?.(remainingPages);
        return 256;
      },
    });
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { path: target, bytes: fs.statSync(target).size, deleted: rotate(dir, col.store.path, keep) };
}

/** Deletes all but the newest `keep` backups of this database (names sort by time). */
function rotate(dir: string, dbPath: string, keep: number): string[] {
  const stem = path.basename(dbPath).replace(/\.[^.]*$/, '') || 'engram';
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}-(\\d{8}T\\d{6}Z)(?:-(\\d+))?\\.db$`);
  const backups = fs.readdirSync(dir)
    .map((name) => ({ name, m: pattern.exec(name) }))
    .filter((b): b is { name: string; m: RegExpExecArray } => b.m !== null)
    .sort((a, b) => (a.m[1]! < b.m[1]! ? 1 : a.m[1]! > b.m[1]! ? -1 : Number(b.m[2] ?? 0) - Number(a.m[2] ?? 0)));
  const old = backups.slice(keep).map((b) => path.join(dir, b.name));
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
}

/**
 * `engram backup`: a consistent copy of the live database through SQLite's online backup API
 * (other processes may keep answering cards meanwhile), in a `backups/` folder beside the
 * database, named by the time of `now()`, keeping the newest N.
 *
 * Rotation goes by the order the files were really written (the file system's birth time, else
 * its modification time), not by the time in the name: ENGRAM_NOW may have named a backup after
 * a later day. The file just written is never removed. A database's backups are told apart from
 * another's by its whole file name (`notes.db` → `notes-….db`, `notes.sqlite` → `notes-….sqlite`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, now, processAlive } from '../core/index.js';
import type { Collection } from './collection.js';

export const DEFAULT_KEEP = 10;

export interface BackupResult {
  path: string;
  bytes: number;
  /** Older backups removed by rotation. */
  deleted: string[];
  /** Unfinished copies left by killed backups, removed before this one. */
  stale: string[];
}

export function backupsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

/** The database file name split so that backups keep its extension: `notes.sqlite` → (`notes`, `.sqlite`). */
function nameParts(dbPath: string): { stem: string; ext: string } {
  const base = path.basename(dbPath);
  const ext = path.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  return stem ? { stem, ext } : { stem: 'engram', ext: ext || '.db' };
}

/** `engram-20261201T090000Z.db` for `engram.db`, `notes-20261201T090000Z.sqlite` for `notes.sqlite`. */
export function backupName(dbPath: string, time: number, attempt = 0): string {
  const { stem, ext } = nameParts(dbPath);
  const stamp = new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${stem}-${stamp}${attempt > 0 ? `-${attempt}` : ''}${ext}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Backups of this database; `partial` matches unfinished copies (`<name>.<pid>.partial`, or `<name>.partial` of older engrams). */
function backupPattern(dbPath: string, partial = false): RegExp {
  const { stem, ext } = nameParts(dbPath);
  const tail = partial ? '(?:\\.(\\d+))?\\.partial(?:-journal|-wal|-shm)?' : '';
  return new RegExp(`^${escapeRegExp(stem)}-\\d{8}T\\d{6}Z(?:-\\d+)?${escapeRegExp(ext)}${tail}$`);
}

export async function backupDatabase(col: Collection, options: { keep?: number; onStep?: (remainingPages: number) => void } = {}): Promise<BackupResult> {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError(`--keep must be a whole number of at least 1 (got ${keep})`);
  if (col.store.path === ':memory:') throw new UsageError('an in-memory database has no place for backups');
  const dir = backupsDir(col.store.path);
  fs.mkdirSync(dir, { recursive: true });
  const stale = removeStalePartials(dir, col.store.path);
  const time = now();
  let attempt = 0;
  while (fs.existsSync(path.join(dir, backupName(col.store.path, time, attempt)))) attempt++;
  const target = path.join(dir, backupName(col.store.path, time, attempt));
  const partial = `${target}.${process.pid}.partial`;
  await removedOnSignal(partial, async () => {
    try {
      await col.store.backupTo(partial, options.onStep ? { onStep: options.onStep } : {});
      fs.renameSync(partial, target);
    } catch (error) {
      removeCopy(partial);
      throw error;
    }
  });
  return { path: target, bytes: fs.statSync(target).size, deleted: rotate(dir, col.store.path, target, keep), stale };
}

/**
 * Runs `work` with SIGINT/SIGTERM handlers that delete `file` (an unfinished copy) and then end
 * the process the way the signal would have.
 */
async function removedOnSignal<T>(file: string, work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeCopy(file);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** An unfinished copy and the journal SQLite keeps beside it while writing. */
function removeCopy(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Unfinished copies of this database's backups whose process is gone (killed with -9, power cut). */
function removeStalePartials(dir: string, dbPath: string): string[] {
  const pattern = backupPattern(dbPath, true);
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = match[1] === undefined ? null : Number(match[1]);
    if (pid !== null && processAlive(pid)) continue;
    const file = path.join(dir, name);
    // Older engrams named partials without a pid: only ones untouched for an hour are surely dead.
    if (pid === null && Date.now() - fs.statSync(file).mtimeMs < 3_600_000) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}

/** Deletes all but the newest `keep` backups of this database, by the order they were written; never `justWritten`. */
function rotate(dir: string, dbPath: string, justWritten: string, keep: number): string[] {
  const pattern = backupPattern(dbPath);
  const others = fs.readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => path.join(dir, name))
    .filter((file) => file !== justWritten)
    .map((file) => ({ file, stat: fs.statSync(file) }));
  // Birth time is not changed by opening a backup later; where the file system has none it reads 0.
  const useBirth = others.every((b) => b.stat.birthtimeMs > 0);
  const written = (s: fs.Stats) => (useBirth ? s.birthtimeMs : s.mtimeMs);
  others.sort((a, b) => written(b.stat) - written(a.stat) || (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
  const old = others.slice(keep - 1).map((b) => b.file);
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
}

/**
 * Opens (or creates) the SQLite database: WAL, foreign keys, a busy timeout so two engram
 * processes wait for each other instead of failing, and the migration ladder. Before
 * migrating an existing database, a copy of the file is written beside it (and checked).
 *
 * Nothing is changed in a file that is not an Engram database (another program's SQLite
 * file passed to --db), not even its journal mode. A database Engram cannot write (a
 * read-only file, folder or mount) is opened read-only: read commands work, writes fail
 * with SQLITE_READONLY, which the CLI reports as one line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { EngramError, now, storageErrorMessage } from '../core/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/**
 * better-sqlite3 is CommonJS. Required directly, it skips what an ESM import of it costs at
 * start-up: Node's loader first scans its source for export names (cjs-module-lexer), about
 * 4 ms of every command before the database opens.
 */
export const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
export type Db = BetterSqlite3.Database;

/** How long a command waits for another engram process to finish writing before it gives up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Tables every Engram database has had since the first schema: how an Engram database is told from another program's. */
const ENGRAM_TABLES = ['decks', 'notes', 'cards', 'reviews'];

export interface OpenResult {
  db: Db;
  /** Path of the copy made before migrating, if one was made. */
  backupPath: string | null;
  created: boolean;
  /** The file cannot be written: opened read-only. */
  readOnly: boolean;
}

export function openDatabase(file: string): OpenResult {
  const inMemory = file === ':memory:';
  const existed = !inMemory && fs.existsSync(file) && fs.statSync(file).size > 0;
  const readOnly = existed && !writable(file);
  if (!inMemory && !existed) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = readOnly ? openReadOnly(file) : new Database(file);
  } catch (error) {
    throw new EngramError(`cannot open database ${file}: ${storageErrorMessage(error, file) ?? (error as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read before anything is written: a foreign or a newer database is refused untouched.
    const version = db.pragma('user_version', { simple: true }) as number;
    refuseForeign(db, file, version);
    if (version > SCHEMA_VERSION) {
      throw new EngramError(
        `database ${file} has schema version ${version}, newer than this engram understands (${SCHEMA_VERSION}); upgrade engram`,
      );
    }
    db.pragma('foreign_keys = ON');
    // Sorts, DISTINCT and GROUP BY build temporary b-trees; SQLite's default keeps them in
    // temporary files, and opening one costs system calls each time (the queue counts of 100
    // decks took 60–110 ms with files, 27–30 ms in memory). Engram's temporary b-trees are
    // small: one deck's cards for today, one day's answers.
    db.pragma('temp_store = MEMORY');
    if (readOnly) {
      if (version < SCHEMA_VERSION) {
        throw new EngramError(`database ${file} is read-only and needs an upgrade (schema ${version} → ${SCHEMA_VERSION}): make it writable once`);
      }
      return { db, backupPath: null, created: false, readOnly: true };
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    let backupPath: string | null = null;
    if (version < SCHEMA_VERSION) {
      if (existed && version > 0) backupPath = backupBeforeMigration(db, file, version);
      migrate(db, version);
    }
    return { db, backupPath, created: !existed, readOnly: false };
  } catch (error) {
    db.close();
    if (error instanceof EngramError) throw error;
    throw new EngramError(`cannot open database ${file}: ${storageErrorMessage(error, file) ?? (error as Error).message}`);
  }
}

/** Whether engram may write the file and create its WAL files beside it (root may write anything but a read-only mount). */
function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A read-only connection. A WAL database in a folder engram cannot write has no `-shm` file
 * to share, and SQLite cannot read it that way; when no `-wal` holds unmerged changes, the
 * file itself is read into memory instead (its header marked as a rollback-journal database,
 * which is what it is once the WAL is merged).
 */
function openReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw error;
    const image = fs.readFileSync(file);
    if (image.length >= 20 && image[18] === 2 && image[19] === 2) {
      image[18] = 1;
      image[19] = 1;
    }
    return new Database(image, { readonly: true });
  }
}

/** Refuses a database that has tables but is not Engram's: another program's file must not gain Engram's tables. */
function refuseForeign(db: Db, file: string, version: number): void {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>)
    .map((t) => t.name);
  if (tables.length === 0) return;
  const engram = version > 0 && ENGRAM_TABLES.every((t) => tables.includes(t));
  if (engram) return;
  const shown = tables.slice(0, 3).join(', ') + (tables.length > 3 ? `, … (${tables.length} tables)` : '');
  throw new EngramError(`${file} is not an Engram database (it has other tables: ${shown}); nothing was changed. Pass --db a new file or an Engram database`);
}

/**
 * A copy of the database before migrating it. A copy that could not be written whole (a
 * full disk) is removed, and the migration does not run: the database stays as it was.
 */
function backupBeforeMigration(db: Db, file: string, version: number): string {
  const target = `${file}.v${version}.${new Date(now()).toISOString().replace(/[:.]/g, '-')}.bak`;
  try {
    // VACUUM INTO writes a consistent copy, WAL contents included.
    db.prepare('VACUUM INTO ?').run(target);
    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      const copied = copy.pragma('user_version', { simple: true }) as number;
      const check = copy.pragma('quick_check', { simple: true }) as string;
      if (copied !== version || check !== 'ok') throw new Error(`the copy ${target} is incomplete`);
    } finally {
      copy.close();
    }
    return target;
  } catch (error) {
    fs.rmSync(target, { force: true });
    const reason = storageErrorMessage(error, target) ?? (error as Error).message;
    throw new EngramError(`cannot upgrade database ${file}: the copy made before upgrading failed (${reason}); nothing was changed`);
  }
}

/**
 * Runs every pending migration in ONE transaction: an upgrade is all or nothing, and a new
 * database is created with one commit instead of one per migration (5.9 ms to 5.1 ms). BEGIN
 * IMMEDIATE so two processes racing to create or upgrade a database migrate once: the second
 * finds user_version already current.
 */
function migrate(db: Db, from: number): void {
  if (from >= MIGRATIONS.length) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let version = db.pragma('user_version', { simple: true }) as number; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version]!);
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

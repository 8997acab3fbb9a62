/**
 * Opens (or creates) the SQLite database: WAL, foreign keys, a busy timeout so two engram
 * processes wait for each other instead of failing, and the migration ladder. Before
 * migrating an existing database, a copy of the file is written beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EngramError, now } from '../core/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

/** How long a command waits for another engram process to finish writing before it gives up. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenResult {
  db: Db;
  /** Path of the copy made before migrating, if one was made. */
  backupPath: string | null;
  created: boolean;
}

export function openDatabase(file: string): OpenResult {
  const inMemory = file === ':memory:';
  const existed = !inMemory && fs.existsSync(file) && fs.statSync(file).size > 0;
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new EngramError(`cannot open database ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new EngramError(
        `database ${file} has schema version ${version}, newer than this engram understands (${SCHEMA_VERSION}); upgrade engram`,
      );
    }
    let backupPath: string | null = null;
    if (version < SCHEMA_VERSION) {
      if (existed && version > 0) backupPath = backupBeforeMigration(db, file, version);
      migrate(db, version);
    }
    return { db, backupPath, created: !existed };
  } catch (error) {
    db.close();
    if (error instanceof EngramError) throw error;
    throw new EngramError(`cannot open database ${file}: ${(error as Error).message}`);
  }
}

function backupBeforeMigration(db: Db, file: string, version: number): string {
  const target = `${file}.v${version}.${new Date(now()).toISOString().replace(/[:.]/g, '-')}.bak`;
  // VACUUM INTO writes a consistent copy, WAL contents included.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

function migrate(db: Db, from: number): void {
  for (let version = from; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version]!;
    // BEGIN IMMEDIATE so two processes racing to create a new database migrate once.
    db.exec('BEGIN IMMEDIATE');
    try {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current === version) {
        db.exec(sql);
        db.pragma(`user_version = ${version + 1}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

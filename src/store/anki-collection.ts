/**
 * Reads the rows of a foreign Anki collection (legacy schema 11). The file comes from an
 * untrusted package: it is written to a fresh private temp directory under our own name,
 * opened read-only with the schema's SQL functions distrusted, read, and deleted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database, type Db } from './open-store.js';
import { EngramError, processAlive } from '../core/index.js';

/** The raw rows; `src/interop` gives them meaning (same shapes, declared there too: the store does not import domains). */
export interface AnkiCollectionRows {
  models: string;
  decks: string;
  conf: string;
  notes: Array<{ id: number; mid: number | string; flds: string; tags: string }>;
  cards: Array<{ id: number; nid: number; did: number | string; ord: number; queue: number }>;
  revlog: Array<{ id: number; cid: number; ease: number; time: number; type: number }>;
}

const TEMP_PREFIX = 'engram-anki-';

export function readAnkiCollection(bytes: Uint8Array, label: string): AnkiCollectionRows {
  removeStaleTempDirs();
  // The pid in the name lets a later run tell a killed import's leftovers from a running one's.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
  const file = path.join(dir, 'collection.sqlite');
  try {
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    let db: Db;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new EngramError(`${label}: cannot open the Anki collection (${(error as Error).message})`);
    }
    // SQLite holds the file open: unlinked now, a process killed while reading (the import is
    // synchronous, so no signal handler could run) leaves nothing behind.
    fs.rmSync(dir, { recursive: true, force: true });
    try {
      db.pragma('trusted_schema = OFF');
      db.pragma('cell_size_check = ON');
      const col = db.prepare('SELECT models, decks, conf FROM col LIMIT 1').get() as { models: string; decks: string; conf: string } | undefined;
      if (!col) throw new EngramError(`${label}: the Anki collection has no col row`);
      return {
        models: String(col.models ?? '{}'),
        decks: String(col.decks ?? '{}'),
        conf: String(col.conf ?? '{}'),
        notes: checkedRows(db.prepare('SELECT id, mid, flds, tags FROM notes ORDER BY id').all(), 'notes', NOTE_COLUMNS, label),
        cards: checkedRows(db.prepare('SELECT id, nid, did, ord, queue FROM cards ORDER BY id').all(), 'cards', CARD_COLUMNS, label),
        revlog: checkedRows(db.prepare('SELECT id, cid, ease, time, type FROM revlog ORDER BY id').all(), 'revlog', REVLOG_COLUMNS, label),
      };
    } catch (error) {
      if (error instanceof EngramError) throw error;
      throw new EngramError(`${label}: not a readable Anki collection (${(error as Error).message})`);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Temp folders of imports whose process is gone (killed while the collection was being written). */
function removeStaleTempDirs(): void {
  let names: string[];
  try {
    names = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^engram-anki-(\d+)-/.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    try {
      // Only our own: another user's leftovers are theirs to clean.
      if (fs.lstatSync(path.join(os.tmpdir(), name)).uid !== process.getuid?.()) continue;
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}

type ColumnType = 'number' | 'text' | 'number or text';

const NOTE_COLUMNS = { id: 'number', mid: 'number or text', flds: 'text', tags: 'text' } as const;
const CARD_COLUMNS = { id: 'number', nid: 'number', did: 'number or text', ord: 'number', queue: 'number' } as const;
const REVLOG_COLUMNS = { id: 'number', cid: 'number', ease: 'number', time: 'number', type: 'number' } as const;

function fits(value: unknown, type: ColumnType): boolean {
  const number = typeof value === 'number' && Number.isFinite(value);
  if (type === 'number') return number;
  if (type === 'text') return typeof value === 'string';
  return number || typeof value === 'string';
}

/**
 * SQLite keeps whatever type a value was written with, whatever the column says, so the rows
 * of a foreign package are checked against the types the converter relies on before it sees them.
 */
function checkedRows<T>(rows: unknown[], table: string, columns: Record<string, ColumnType>, label: string): T[] {
  for (const [i, row] of rows.entries()) {
    for (const [column, type] of Object.entries(columns)) {
      const value = (row as Record<string, unknown>)[column];
      if (!fits(value, type)) {
        const got = value === null ? 'NULL' : typeof value === 'string' ? 'text' : typeof value;
        throw new EngramError(`${label}: the Anki collection is damaged: ${table}.${column} of row ${i + 1} is ${got}, expected ${type}`);
      }
    }
  }
  return rows as T[];
}

/**
 * Reads the rows of a foreign Anki collection (legacy schema 11). The file comes from an
 * untrusted package: it is written to a fresh private temp directory under our own name,
 * opened read-only with the schema's SQL functions distrusted, read, and deleted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EngramError } from '../core/index.js';

/** The raw rows; `src/interop` gives them meaning (same shapes, declared there too: the store does not import domains). */
export interface AnkiCollectionRows {
  models: string;
  decks: string;
  conf: string;
  notes: Array<{ id: number; mid: number | string; flds: string; tags: string }>;
  cards: Array<{ id: number; nid: number; did: number | string; ord: number; queue: number }>;
  revlog: Array<{ id: number; cid: number; ease: number; time: number; type: number }>;
}

export function readAnkiCollection(bytes: Uint8Array, label: string): AnkiCollectionRows {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-anki-'));
  const file = path.join(dir, 'collection.sqlite');
  try {
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new EngramError(`${label}: cannot open the Anki collection (${(error as Error).message})`);
    }
    try {
      db.pragma('trusted_schema = OFF');
      db.pragma('cell_size_check = ON');
      const col = db.prepare('SELECT models, decks, conf FROM col LIMIT 1').get() as { models: string; decks: string; conf: string } | undefined;
      if (!col) throw new EngramError(`${label}: the Anki collection has no col row`);
      return {
        models: String(col.models ?? '{}'),
        decks: String(col.decks ?? '{}'),
        conf: String(col.conf ?? '{}'),
        notes: db.prepare('SELECT id, mid, flds, tags FROM notes ORDER BY id').all() as AnkiCollectionRows['notes'],
        cards: db.prepare('SELECT id, nid, did, ord, queue FROM cards ORDER BY id').all() as AnkiCollectionRows['cards'],
        revlog: db.prepare('SELECT id, cid, ease, time, type FROM revlog ORDER BY id').all() as AnkiCollectionRows['revlog'],
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

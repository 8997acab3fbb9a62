/** Opening a database: foreign files refused untouched, storage errors named in one line. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { storageErrorMessage } from '../../src/core/index.js';
import { Store } from '../../src/store/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-open-'));
  dirs.push(dir);
  return dir;
}
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function foreignDatabase(file: string, userVersion = 0): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org')`);
  db.pragma(`user_version = ${userVersion}`);
  db.close();
}

describe('another program\'s SQLite file', () => {
  for (const userVersion of [0, 2, 74]) {
    it(`is refused with one line and left exactly as it was (user_version ${userVersion})`, () => {
      const file = path.join(tempDir(), 'places.sqlite');
      foreignDatabase(file, userVersion);
      const before = digest(file);
      expect(() => Store.open(file)).toThrow(/places\.sqlite is not an Engram database \(it has other tables: moz_places\); nothing was changed/);
      expect(digest(file)).toBe(before);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()).toEqual([{ name: 'moz_places' }]);
      db.close();
    });
  }

  it('an empty SQLite file is still taken as a new database', () => {
    const file = path.join(tempDir(), 'empty.db');
    new Database(file).close();
    const store = Store.open(file);
    expect(store.listDecks()).toEqual([]);
    store.close();
  });
});

describe('a full database', () => {
  it('fails a write as a whole, with a one-line message naming the file', () => {
    const file = path.join(tempDir(), 'full.db');
    const col = Collection.open(file);
    const card = col.addCard('D', 'Q?', 'A');
    // No page may be added: the next write that needs one fails as on a full disk.
    const pages = col.store.db.pragma('page_count', { simple: true }) as number;
    col.store.db.pragma(`max_page_count = ${pages}`);
    let failure: unknown = null;
    try {
      for (let i = 0; i < 200; i++) col.addCard('D', `Question ${i} ${'x'.repeat(2000)}?`, 'A');
    } catch (error) {
      failure = error;
    }
    expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
    expect(storageErrorMessage(failure, file)).toBe(`no space left on the disk (writing ${file}): the write was not saved`);
    expect(col.cards({}).length).toBeLessThan(201);
    expect(col.getCard(card.id).front).toBe('Q?');
    col.close();
  });

  it('names a read-only or busy database, and is silent about other errors', () => {
    expect(storageErrorMessage(Object.assign(new Error('x'), { code: 'SQLITE_READONLY' }), '/d/e.db')).toMatch(/^\/d\/e\.db is read-only/);
    expect(storageErrorMessage(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }), '/d/e.db')).toMatch(/busy/);
    expect(storageErrorMessage(Object.assign(new Error('x'), { code: 'ENOSPC', path: '/b/x.bak' }), '/d/e.db')).toMatch(/writing \/b\/x\.bak/);
    expect(storageErrorMessage(new TypeError('bug'), '/d/e.db')).toBeNull();
  });
});

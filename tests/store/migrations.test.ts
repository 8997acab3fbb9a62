import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, SCHEMA_VERSION } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { NOTES_SQL } from '../../src/store/tables/notes.js';
import { QUEUE_SQL } from '../../src/store/tables/queue.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-store-'));
  dirs.push(dir);
  return dir;
}

describe('opening the store', () => {
  it('creates a new database at the latest schema with WAL and foreign keys, without a backup', () => {
    const file = path.join(tempDir(), 'new.db');
    const store = Store.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(store.backupPath).toBeNull();
    store.close();
  });

  it('copies an existing database before migrating it, and the copy keeps the data', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(2);
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO decks (name, options, created_at) VALUES ('Old', '{}', 1)`).run();
    old.close();

    const store = Store.open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.backupPath).not.toBeNull();
    expect(fs.existsSync(store.backupPath!)).toBe(true);
    const copy = new Database(store.backupPath!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM decks').all()).toEqual([{ name: 'Old' }]);
    copy.close();
    expect(store.getDeckByName('Old')?.name).toBe('Old');
    store.close();

    // Opening again migrates nothing and copies nothing.
    const again = Store.open(file);
    expect(again.backupPath).toBeNull();
    again.close();
  });

  it('upgrades all or nothing: a migration that fails undoes the ones before it in the same upgrade', () => {
    const file = path.join(tempDir(), 'half.db');
    const from = SCHEMA_VERSION - 2;
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, from)) old.exec(sql);
    old.pragma(`user_version = ${from}`);
    // The last migration drops index cards_new to make it anew: without one there, it fails.
    expect(MIGRATIONS.at(-1)).toMatch(/DROP INDEX cards_new;/);
    old.exec('DROP INDEX cards_new');
    const tablesBefore = old.prepare("SELECT name FROM sqlite_schema ORDER BY name").pluck().all();
    old.close();

    expect(() => Store.open(file)).toThrow(/no such index: cards_new/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(from);
    expect(after.prepare("SELECT name FROM sqlite_schema ORDER BY name").pluck().all()).toEqual(tablesBefore);
    after.close();
  });

  it('refuses a database from a newer engram', () => {
    const file = path.join(tempDir(), 'future.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => Store.open(file)).toThrow(/newer than this engram understands/);
  });

  it('rolls back a transaction as a whole', () => {
    const store = Store.open(path.join(tempDir(), 'tx.db'));
    expect(() =>
      store.transaction(() => {
        store.insertDeck('A', 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.listDecks()).toEqual([]);
    store.close();
  });
});

describe('the import\'s note lookup', () => {
  it('counts each note\'s live cards from the note index alone, never from the cards\' rows', () => {
    const store = Store.open(path.join(tempDir(), 'plan.db'));
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${NOTES_SQL.knownNotes}`).all() as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail)).toContainEqual(expect.stringMatching(/USING COVERING INDEX cards_note \(note_id=\? AND retired=\?\)/));
    store.close();
  });
});

describe("the queue's key reads", () => {
  // The review's first frame and the deck counts read thousands of keys at a million cards:
  // from the index alone, in its order (no sort), they are a fraction of the table lookups.
  it.each([
    ['reviewDueKeys', [1, 2, 3, 4], /^SEARCH cards USING COVERING INDEX cards_review_keys \(deck_id=\? AND due<\?\)$/],
    ['newCardKeys', [1, 2, 3], /^SEARCH cards USING COVERING INDEX cards_new \(deck_id=\?\)$/],
  ] as const)('%s reads its index alone, already in order', (name, params, search) => {
    const store = Store.open(path.join(tempDir(), 'keys.db'));
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${QUEUE_SQL[name]}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
    expect(plan).toEqual([expect.stringMatching(search)]);
    store.close();
  });

  it('the per-deck counts read the key index, and never a card row', () => {
    const store = Store.open(path.join(tempDir(), 'counts.db'));
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${QUEUE_SQL.deckToday}`).all({ deck: 1, dayEnd: 2, now: 3, reviews: 4, newFetch: 5 }) as Array<{ detail: string }>)
      .map((row) => row.detail).filter((d) => d.startsWith('SEARCH cards') || d.startsWith('SCAN cards'));
    expect(plan).toEqual([
      expect.stringMatching(/^SEARCH cards USING COVERING INDEX cards_review_keys \(deck_id=\? AND due<\?\)$/),
      expect.stringMatching(/^SEARCH cards USING COVERING INDEX cards_new \(deck_id=\?\)$/),
    ]);
    store.close();
  });
});

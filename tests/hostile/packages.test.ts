/** Crafted Anki packages for `engram import-anki`: each refused with one line, exit 1, nothing written (no temp files left either). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { writeZip } from '../interop/anki-fixture.js';
import { NOW, expectRefused } from './helpers.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
  expect(env.run(['add', '--deck', 'Mine', '--front', 'q', '--back', 'a'], { now: NOW }).code).toBe(0);
});
afterEach(() => env.cleanup());

const NOTE_ID = 1_700_000_000_000;
const CARD_ID = NOTE_ID + 1;
const BASIC = {
  1: {
    name: 'Basic', type: 0, flds: [{ name: 'Front', ord: 0 }, { name: 'Back', ord: 1 }],
    tmpls: [{ ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }],
  },
};

/** A collection whose tables declare no column types, so every crafted value keeps its type. */
function collection(values: { tags?: unknown; revlog?: unknown[] } = {}): Uint8Array {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-hostile-'));
  try {
    const file = path.join(tmp, 'c.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE col (models, decks, conf); CREATE TABLE notes (id, mid, flds, tags);
      CREATE TABLE cards (id, nid, did, ord, queue); CREATE TABLE revlog (id, cid, ease, time, type);`);
    db.prepare('INSERT INTO col VALUES (?, ?, ?)').run(JSON.stringify(BASIC), JSON.stringify({ 5: { name: 'X' } }), '{}');
    db.prepare('INSERT INTO notes VALUES (?, 1, ?, ?)').run(NOTE_ID, 'q\x1fa', values.tags === undefined ? '' : values.tags);
    db.prepare('INSERT INTO cards VALUES (?, ?, 5, 0, 0)').run(CARD_ID, NOTE_ID);
    db.prepare('INSERT INTO revlog VALUES (?, ?, ?, ?, ?)').run(CARD_ID + 10, CARD_ID, 3, 5000, 1);
    if (values.revlog) db.prepare('INSERT INTO revlog VALUES (?, ?, ?, ?, ?)').run(...values.revlog);
    db.close();
    return new Uint8Array(fs.readFileSync(file));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const pkg = (entries: Record<string, Uint8Array>) => writeZip(path.join(env.dir, 'crafted.apkg'), entries);
const text = (s: string) => new TextEncoder().encode(s);

describe('hostile Anki packages', () => {
  const times: Array<[string, number]> = [
    ['a review dated 9e15 (year 287,000)', 9e15],
    ['a review dated in the year -29719', Date.UTC(-29719, 0, 1)],
    ['a review dated a fraction of a millisecond', 1_700_000_000_000.5],
  ];
  for (const [name, at] of times) {
    it(name, () => {
      const file = pkg({ 'collection.anki2': collection({ revlog: [at, CARD_ID, 3, 5000, 1] }) });
      expectRefused(env, ['import-anki', file], new RegExp(`^engram: crafted\\.apkg: revlog\\.id of a review of card ${CARD_ID}: .* is not a time between 1970 and 2200`));
    });
  }

  it('a review time of NULL', () => {
    const file = pkg({ 'collection.anki2': collection({ revlog: [null, CARD_ID, 3, 5000, 1] }) });
    expectRefused(env, ['import-anki', file], /crafted\.apkg: the Anki collection is damaged: revlog\.id of row \d+ is NULL/);
  });

  it('note tags that are a number', () => {
    const file = pkg({ 'collection.anki2': collection({ tags: 42 }) });
    expectRefused(env, ['import-anki', file], /crafted\.apkg: the Anki collection is damaged: notes\.tags of row 1 is number, expected text/);
  });

  it('not a zip', () => {
    const file = env.write('crafted.apkg', Buffer.from('MZ\x90\x00 not a zip at all'));
    expectRefused(env, ['import-anki', file], /crafted\.apkg: not a readable Anki package \(zip: /);
  });

  it('a zip without a collection, whose entries climb out of the folder', () => {
    const file = pkg({ '../../escaped.txt': text('out'), '/etc/evil': text('abs') });
    expectRefused(env, ['import-anki', file], /crafted\.apkg: not an Anki package \(no collection\.anki2 or collection\.anki21 inside\)/);
    expect(fs.existsSync(path.join(env.dir, '..', '..', 'escaped.txt'))).toBe(false);
  });

  it('only the newer zstd collection', () => {
    const file = pkg({ 'collection.anki21b': text('zstd') });
    expectRefused(env, ['import-anki', file], /crafted\.apkg: this package uses Anki's newer compressed format/);
  });

  it('a collection entry that is not SQLite', () => {
    const file = pkg({ 'collection.anki2': text('SELECT * FROM cards; -- not a database') });
    expectRefused(env, ['import-anki', file], /crafted\.apkg: collection\.anki2 is not an SQLite database/);
  });

  it('/dev/zero', () => {
    expectRefused(env, ['import-anki', '/dev/zero'], /^engram: \/dev\/zero: not a regular file\n$/);
  });

  it('a FIFO', () => {
    const fifo = path.join(env.dir, 'deck.apkg');
    execFileSync('mkfifo', [fifo]);
    expectRefused(env, ['import-anki', fifo], /deck\.apkg: not a regular file/);
  });

  it('a folder', () => {
    fs.mkdirSync(path.join(env.dir, 'folder.apkg'));
    expectRefused(env, ['import-anki', path.join(env.dir, 'folder.apkg')], /folder\.apkg: is a folder, not a file/);
  });
});

/**
 * An .apkg is untrusted: SQLite columns hold whatever type the package's author put in them,
 * and the `col` JSON may be any shape. A damaged package fails with one line naming the file
 * (exit 1, no stack trace) and writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { Collection } from '../../src/collection/index.js';
import { importAnki } from '../../src/collection/anki-import.js';
import { EngramError } from '../../src/core/index.js';
import { writeZip } from './anki-fixture.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';
const NOTE_ID = 1_700_000_000_000;
const CARD_ID = NOTE_ID + 1;
const BASIC = {
  1: {
    name: 'Basic', type: 0, flds: [{ name: 'Front', ord: 0 }, { name: 'Back', ord: 1 }],
    tmpls: [{ ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }],
  },
};

interface Hostile {
  models?: unknown;
  /** The `col.models` text as is (not JSON-encoded). */
  rawModels?: string;
  flds?: unknown;
  tags?: unknown;
  revlog?: unknown[];
}

/** A package whose tables have no declared column types, so every value keeps the type given. */
function apkg(name: string, h: Hostile): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-hostile-'));
  try {
    const file = path.join(tmp, 'c.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE col (models, decks, conf); CREATE TABLE notes (id, mid, flds, tags);
      CREATE TABLE cards (id, nid, did, ord, queue); CREATE TABLE revlog (id, cid, ease, time, type);`);
    db.prepare('INSERT INTO col VALUES (?, ?, ?)').run(h.rawModels ?? JSON.stringify(h.models ?? BASIC), JSON.stringify({ 5: { name: 'X' } }), '{}');
    db.prepare('INSERT INTO notes VALUES (?, 1, ?, ?)').run(NOTE_ID, h.flds === undefined ? 'q\x1fa' : h.flds, h.tags === undefined ? '' : h.tags);
    db.prepare('INSERT INTO cards VALUES (?, ?, 5, 0, 0)').run(CARD_ID, NOTE_ID);
    if (h.revlog) db.prepare('INSERT INTO revlog VALUES (?, ?, ?, ?, ?)').run(...h.revlog);
    db.close();
    return writeZip(path.join(env.dir, name), { 'collection.anki2': new Uint8Array(fs.readFileSync(file)) });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const inCollection = <T>(fn: (col: Collection) => T): T => withCollectionAt(env.db, NOW, fn);

/** In-process: the import throws an EngramError naming the package and the damaged part, and writes nothing. */
function expectCleanFailure(file: string, what: RegExp): void {
  const thrown = inCollection((col) => {
    try {
      importAnki(col, file);
      return null;
    } catch (error) {
      return error;
    }
  });
  expect(thrown).toBeInstanceOf(EngramError);
  expect((thrown as EngramError).message).toMatch(new RegExp(`^${path.basename(file).replace('.', '\\.')}: .*${what.source}`));
  expect((thrown as EngramError).message).not.toContain('\n');
  expect(inCollection((col) => col.cards({}))).toEqual([]);
}

describe('engram import-anki with a damaged package', () => {
  it('fails through the CLI with one line naming the file, exit 1, no stack trace', () => {
    const r = env.run(['import-anki', apkg('null-tags.apkg', { tags: null })], { now: NOW });
    expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect(r.stderr).toMatch(/^engram: null-tags\.apkg: .*notes\.tags/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.code).toBe(1);
  });

  it('a note whose tags are NULL', () => {
    expectCleanFailure(apkg('null-tags.apkg', { tags: null }), /notes\.tags/);
  });

  it('a note whose fields are NULL', () => {
    expectCleanFailure(apkg('null-fields.apkg', { flds: null }), /notes\.flds/);
  });

  it('a review log row whose id (its time) is text', () => {
    expectCleanFailure(apkg('text-revlog.apkg', { revlog: ['abc', CARD_ID, 3, 5000, 1] }), /revlog\.id/);
  });

  it('a note type whose field and template lists hold nulls', () => {
    const models = { 1: { name: 'Basic', type: 0, flds: [null, { name: 'Back' }], tmpls: [null] } };
    expect(inCollection((col) => importAnki(col, apkg('null-model-parts.apkg', { models }))).file).toMatch(/null-model-parts\.apkg$/);
  });

  it('note types that are not JSON: the message names the package', () => {
    expectCleanFailure(apkg('bad-json.apkg', { rawModels: '{"1": ' }), /note types are not valid JSON/);
  });

  it('a well-formed package still imports', () => {
    const r = inCollection((col) => importAnki(col, apkg('fine.apkg', { revlog: [CARD_ID + 10, CARD_ID, 3, 5000, 1] })));
    expect(r.cards).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(r.reviews).toBe(1);
  });
});

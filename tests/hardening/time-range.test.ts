/**
 * Issue 12, item 7: times outside a plausible range (1970..2200) are refused at every way in
 * (JSON backup, Anki package, ENGRAM_NOW) with one line naming the field, before anything is
 * written; before, they were accepted and later crashed `show`, `cards` and the CSV export.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PLAUSIBLE_TIME, timeProblem } from '../../src/core/index.js';
import { buildApkg, IDS, REVLOG } from '../interop/anki-fixture.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';

describe('timeProblem', () => {
  it('accepts 1970 through 2200 and names the field otherwise', () => {
    expect(timeProblem(0, 'due')).toBeNull();
    expect(timeProblem(Date.UTC(2026, 0, 1), 'due')).toBeNull();
    expect(timeProblem(MAX_PLAUSIBLE_TIME, 'due')).toBeNull();
    expect(timeProblem(MAX_PLAUSIBLE_TIME + 1, 'due')).toMatch(/^due: .*1970.*2200/);
    expect(timeProblem(9e15, 'reviewedAt')).toMatch(/^reviewedAt: /);
    expect(timeProblem(-1, 'x')).toMatch(/^x: /);
    expect(timeProblem(Number.NaN, 'x')).toMatch(/^x: /);
    expect(timeProblem(1.5, 'x')).toMatch(/^x: /);
  });
});

describe('engram import-backup with out-of-range times', () => {
  const exported = (edit: (doc: any) => void) => {
    const id = env.json(['add', '--deck', 'D', '--front', 'q', '--back', 'a'], { now: NOW }).id;
    env.json(['answer', String(id), 'good'], { now: NOW });
    const doc = JSON.parse(env.run(['export'], { now: NOW }).stdout);
    edit(doc);
    return env.write('edited.json', JSON.stringify(doc));
  };

  for (const [where, field, edit] of [
    ['reviews[0].reviewedAt', 'reviewedAt', (doc: any) => { doc.reviews[0].reviewedAt = 9e15; }],
    ['cards[0].due', 'due', (doc: any) => { doc.cards[0].due = 9e15; }],
    ['cards[0].lastReview', 'lastReview', (doc: any) => { doc.cards[0].lastReview = 8.64e15; }],
    ['decks[0].createdAt', 'createdAt', (doc: any) => { doc.decks[0].createdAt = 9e15; }],
  ] as const) {
    it(`${where} = 9e15 is refused naming ${field}`, () => {
      const file = exported(edit);
      const fresh = path.join(env.dir, 'fresh.db');
      const r = env.run(['--db', fresh, 'import-backup', file], { now: NOW });
      expect(r.stderr).not.toMatch(/unexpected error|RangeError|\n\s+at /);
      expect(r.stderr).toMatch(new RegExp(`^engram: .*edited\\.json: not a valid engram backup: ${where.replace(/[[\].]/g, '\\$&')}: .*1970.*2200.*\\n$`));
      expect(r.code).toBe(1);
      expect(env.json(['--db', fresh, 'cards'])).toEqual([]);
    });
  }
});

describe('engram import-anki with out-of-range review times', () => {
  for (const [label, at] of [['9e15', 9e15], ['year -29719', Date.UTC(-29719, 0, 1)]] as const) {
    it(`a review dated ${label} is refused with one line naming revlog.id`, () => {
      const revlog: typeof REVLOG = [...REVLOG, [IDS.basicForward, at, 3, 1, 1000]];
      const pkg = buildApkg(env.dir, 'deck.apkg', 'collection.anki2', revlog);
      const r = env.run(['import-anki', pkg], { now: NOW });
      expect(r.stderr).not.toMatch(/unexpected error|SqliteError|\n\s+at /);
      expect(r.stderr).toMatch(/^engram: deck\.apkg: .*revlog.*\.id.*1970.*2200.*\n$/);
      expect(r.code).toBe(1);
      expect(env.json(['cards'])).toEqual([]);
    });
  }

  it('the fixture package still imports, and its JSON backup restores', () => {
    const pkg = buildApkg(env.dir);
    expect(env.run(['import-anki', pkg], { now: NOW }).code).toBe(0);
    const backup = env.write('b.json', env.run(['export'], { now: NOW }).stdout);
    expect(env.run(['--db', path.join(env.dir, 'fresh.db'), 'import-backup', backup], { now: NOW }).code).toBe(0);
  });
});

describe('ENGRAM_NOW', () => {
  for (const value of ['0', '12', 'tomorrow', '1800-01-01T00:00:00Z', '2300-01-01T00:00:00Z', 'Mon, 01 Dec 2026 09:00:00 GMT']) {
    it(`${JSON.stringify(value)} is refused with one line naming ENGRAM_NOW`, () => {
      expect(env.run(['add', '--deck', 'D', '--front', 'q', '--back', 'a'], { now: NOW }).code).toBe(0);
      const r = env.run(['due'], { now: value });
      expect(r.stderr).toMatch(/^engram: ENGRAM_NOW .*\n$/);
      expect(r.code).toBe(2);
    });
  }

  it('is refused up front, also by commands that never read the clock (lint, decks on an empty database)', () => {
    const note = env.write('notes/a.md', 'Question::Answer\n');
    for (const args of [['lint', note], ['decks']]) {
      const r = env.run(args, { now: '0' });
      expect(r.stderr, args.join(' ')).toBe('engram: ENGRAM_NOW is not an ISO time: 0\n');
      expect(r.code, args.join(' ')).toBe(2);
    }
  });

  for (const value of ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.250+01:00', '2026-12-01']) {
    it(`${value} is accepted`, () => {
      expect(env.run(['decks'], { now: value }).code).toBe(0);
    });
  }
});

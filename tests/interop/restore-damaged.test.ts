/**
 * `engram import-backup` reads a file anyone may have edited: a value the database cannot hold
 * (a time that is not a whole number of milliseconds) is refused with one line naming the
 * field, before anything is written, never with a stack trace.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { buildBackup } from '../../src/collection/export.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';

/** An export of a one-card collection (made in-process: only import-backup is under test), edited. */
function exportedWith(edit: (doc: { cards: Array<Record<string, unknown>>; decks: Array<Record<string, unknown>> }) => void): string {
  const doc = withCollectionAt(env.db, NOW, (col) => {
    col.addCard('D', 'q', 'a');
    return JSON.parse(JSON.stringify(buildBackup(col)));
  });
  edit(doc);
  return env.write('edited.json', JSON.stringify(doc));
}

describe('engram import-backup with values the database cannot hold', () => {
  for (const [field, value] of [['due', 1e300], ['createdAt', 1.5], ['lastReview', 12.25]] as const) {
    it(`a card whose ${field} is ${value}`, () => {
      const file = exportedWith((doc) => {
        doc.cards[0]![field] = value;
      });
      const fresh = path.join(env.dir, 'fresh.db');
      const r = env.run(['--db', fresh, 'import-backup', file], { now: NOW });
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
      expect(r.stderr).toMatch(new RegExp(`^engram: .*edited\\.json: not a valid engram backup: cards\\[0\\]\\.${field}: .+\\n$`));
      expect(r.code).toBe(1);
      withCollectionAt(fresh, NOW, (col) => expect(col.cards({})).toEqual([]));
    });
  }

  it('an exported backup still restores', () => {
    const file = exportedWith(() => {});
    const r = env.json(['--db', path.join(env.dir, 'fresh.db'), 'import-backup', file], { now: NOW });
    expect(r).toMatchObject({ cards: 1, decks: 1 });
  });
});

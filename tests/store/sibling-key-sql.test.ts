/**
 * The queue's counts group cards by note item in SQLite (store deckToday) and in TypeScript
 * (onePerItem, siblingKeyOf): the two must name the same sibling key for every item key.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { siblingKeyOf } from '../../src/core/index.js';
import { siblingKeySql } from '../../src/store/tables/queue.js';
import { prng } from '../helpers/prng.js';

const db = new Database(':memory:');
const sqlSibling = db.prepare(`SELECT ${siblingKeySql('@k')} AS k`).pluck();

describe('siblingKeySql', () => {
  it.each([
    'anki:1:0', 'anki:1234567890123:17', 'anki:1:', 'anki::1', 'anki:1', 'anki:', 'anki:1:2:3', 'anki:1:2x', 'anki:x:1',
    'anki:1:-1', 'anki: 1:2', 'Anki:1:2', 'xanki:1:2', 'anki:1:2\n', 'anki:١:2', 'item:3', 'lecture.md#h2/3', '', 'anki:12:34:',
  ])('names the sibling of %j as siblingKeyOf does', (key) => {
    expect(sqlSibling.get({ k: key })).toBe(siblingKeyOf(key));
  });

  it('agrees with siblingKeyOf on random keys made of the characters that matter', () => {
    const rnd = prng(20261203);
    const alphabet = ['anki:', 'anki:', '1', '2', '0', ':', ':', 'x', ' ', '\n'];
    for (let i = 0; i < 3000; i++) {
      let key = '';
      const n = 1 + Math.floor(rnd() * 7);
      for (let j = 0; j < n; j++) key += alphabet[Math.floor(rnd() * alphabet.length)];
      expect({ key, sql: sqlSibling.get({ k: key }) }).toEqual({ key, sql: siblingKeyOf(key) });
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { backupDatabase } from '../../src/collection/backup.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { setNow } from '../../src/core/index.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';
const fronts = (db: string) => withCollectionAt(db, NOW, (col) => col.cards({}).map((c) => `${c.front}|${c.memory.state}`));

describe('engram backup', () => {
  it('writes a copy to backups/ beside the database, named by the time, that holds the same rows', () => {
    const id = withCollectionAt(env.db, NOW, (col) => {
      const first = col.addCard('B', 'q1', 'a1').id;
      col.addCard('B', 'q2', 'a2');
      col.answer(first, 'good');
      return first;
    });
    const r = env.run(['backup'], { now: NOW });
    expect(r.code).toBe(0);
    const copy = r.stdout.trim();
    expect(copy).toBe(path.join(env.dir, 'backups', 'engram-20261201T090000Z.db'));
    expect(fronts(copy)).toEqual(fronts(env.db));
    expect(fronts(copy)).toContain('q1|learning');
    const show = (db: string) => withCollectionAt(db, NOW, (col) => col.reviewsOf(id));
    expect(show(copy)).toEqual(show(env.db));
  });

  it('keeps the newest N and deletes older ones', async () => {
    withCollectionAt(env.db, NOW, (col) => col.addCard('B', 'q', 'a'));
    const times = ['2026-12-01T09:00:00Z', '2026-12-02T09:00:00Z', '2026-12-03T09:00:00Z', '2026-12-04T09:00:00Z'];
    // In-process for the rule; the command's JSON and usage error below.
    for (const now of times) {
      const col = Collection.open(env.db);
      setNow(Date.parse(now));
      try {
        await backupDatabase(col, { keep: 2 });
      } finally {
        setNow(null);
        col.close();
      }
    }
    // A second backup in the same second gets a suffix instead of overwriting.
    const same = env.json(['backup', '--keep', '3'], { now: times[3] });
    expect(path.basename(same.path)).toBe('engram-20261204T090000Z-1.db');
    expect(same.deleted.map((f: string) => path.basename(f))).toEqual([]);
    expect(fs.readdirSync(path.join(env.dir, 'backups')).sort()).toEqual([
      'engram-20261203T090000Z.db', 'engram-20261204T090000Z-1.db', 'engram-20261204T090000Z.db',
    ]);
    const trimmed = env.json(['backup', '--keep', '1'], { now: '2026-12-05T09:00:00Z' });
    expect(trimmed.deleted).toHaveLength(3);
    expect(fs.readdirSync(path.join(env.dir, 'backups'))).toEqual(['engram-20261205T090000Z.db']);
    expect(env.run(['backup', '--keep', '0']).code).toBe(2);
  });

  it('is one consistent moment while another connection writes during the copy', async () => {
    const col = Collection.open(env.db);
    const writer = new Database(env.db);
    try {
      const filler = 'x'.repeat(4000);
      col.store.transaction(() => {
        for (let i = 0; i < 1500; i++) col.addCard('Big', `card ${i}`, `${filler} ${i}`);
      });
      writer.pragma('busy_timeout = 5000');
      const deckId = (writer.prepare(`SELECT id FROM decks WHERE name = 'Big'`).get() as { id: number }).id;
      const addCard = writer.prepare(`INSERT INTO cards (deck_id, kind, front, back, item_key, due, new_position, created_at, modified_at)
        VALUES (?, 'manual', ?, 'w', ?, 0, 100000 + ?, 0, 0)`);
      const addReview = writer.prepare(`INSERT INTO reviews (card_id, grade, reviewed_at, elapsed_days, state_before, state_after, before)
        VALUES (?, 'good', 0, 0, 'new', 'learning', '{}')`);
      // Each write is a card with its review, in one transaction: a torn copy would show one without the other.
      const write = writer.transaction((n: number) => {
        const id = Number(addCard.run(deckId, `writer ${n}`, `w${n}`, n).lastInsertRowid);
        addReview.run(id);
      });
      let steps = 0;
      let written = 0;
      const result = await backupDatabase(col, {
        keep: 5,
        onStep: () => {
          steps++;
          if (written < 4) write(written++);
        },
      });
      expect(steps).toBeGreaterThan(4);
      expect(written).toBe(4);

      const copy = new Database(result.path, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n;
        const writerCards = count(`SELECT COUNT(*) AS n FROM cards WHERE front LIKE 'writer %'`);
        const writerReviews = count(`SELECT COUNT(*) AS n FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.front LIKE 'writer %'`);
        expect(writerReviews).toBe(writerCards);
        // SQLite restarts the copy after a write from another connection, so it ends with all of them.
        expect(writerCards).toBe(4);
        expect(count('SELECT COUNT(*) AS n FROM cards')).toBe(1504);
      } finally {
        copy.close();
      }
    } finally {
      writer.close();
      col.close();
    }
  });
});

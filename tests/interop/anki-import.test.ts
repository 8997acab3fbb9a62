import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Collection, schedulerOptions } from '../../src/collection/index.js';
import { importAnki } from '../../src/collection/anki-import.js';
import { replayReviews } from '../../src/scheduler/index.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { buildBackup } from '../../src/collection/export.js';
import { IDS, REVLOG, T0, buildApkg, writeZip } from './anki-fixture.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = new Date(T0 + 10 * 86_400_000).toISOString();

interface CardOut { id: number; deck: string; front: string; back: string; kind: string; state: string; suspended: boolean; reps: number; tags: string[] }

/** The cards as `engram cards --json` shows them, read in-process. */
function cards(): CardOut[] {
  return inCollection((col) => col.cards({}).map((c) => ({
    id: c.id, deck: c.deck, front: c.front, back: c.back, kind: c.kind, state: c.memory.state, suspended: c.suspended,
    reps: c.memory.reps, tags: c.tags,
  })));
}

function inCollection<T>(fn: (col: Collection) => T, now: string | number = NOW): T {
  return withCollectionAt(env.db, now, fn);
}

const importIn = (file: string, options: { deck?: string } = {}) => inCollection((col) => importAnki(col, file, options));

describe('engram import-anki', () => {
  it('imports Basic (and reversed) and Cloze notes with converted text, decks, tags and flags', () => {
    const apkg = buildApkg(env.dir);
    const result = env.json(['import-anki', apkg], { now: NOW });
    expect(result.cards).toEqual({ added: 4, updated: 0, unchanged: 0 });
    expect(result.reviews).toBe(5);
    expect(result.decks).toEqual(['Default', 'Geo::Capitals']);
    expect(result.media).toBe(1);

    const all = cards();
    const byFront = new Map(all.map((c) => [c.front, c]));
    const forward = byFront.get('What is **2 & 2**?\nThink hard');
    expect(forward).toMatchObject({ back: '4', kind: 'basic', deck: 'Default', state: 'review', reps: 3, suspended: false, tags: ['math', 'arithmetic'] });
    expect(byFront.get('4')).toMatchObject({ back: 'What is **2 & 2**?\nThink hard', kind: 'reversed', state: 'new', suspended: true });
    expect(byFront.get('[city] is the capital of Australia.')).toMatchObject({
      back: '**Canberra** is the capital of Australia.\n\nSee the *map*', kind: 'cloze', deck: 'Geo::Capitals', reps: 2,
    });
    expect(byFront.get('Canberra is the capital of [...].')).toMatchObject({
      back: 'Canberra is the capital of **Australia**.\n\nSee the *map*', kind: 'cloze', state: 'new',
    });
    expect(all).toHaveLength(4);

    const log = inCollection((col) => col.reviewsOf(forward!.id));
    expect(log.map((r) => r.grade)).toEqual(['good', 'good', 'easy']);
    expect(log.map((r) => r.stateBefore)).toEqual(['new', 'learning', 'review']);
  });

  it('re-importing the same package adds nothing, and --deck puts new cards in one deck', () => {
    const apkg = buildApkg(env.dir);
    importIn(apkg, { deck: 'Anki' });
    const again = importIn(apkg);
    expect(again.cards).toEqual({ added: 0, updated: 0, unchanged: 4 });
    expect(again.reviews).toBe(0);
    const all = cards();
    expect(all).toHaveLength(4);
    expect(new Set(all.map((c) => c.deck))).toEqual(new Set(['Anki']));
    expect(inCollection((col) => buildBackup(col)).reviews).toHaveLength(5);
  });

  it('schedules each card as replaying its Anki answers in Engram would, with the log kept', () => {
    const apkg = buildApkg(env.dir);
    const col = Collection.open(env.db);
    try {
      importAnki(col, apkg);
      for (const cid of [IDS.basicForward, IDS.clozeOne]) {
        const key = cid === IDS.basicForward ? `anki:${IDS.basicNote}:0` : `anki:${IDS.clozeNote}:0`;
        const card = col.cards({}).find((c) => c.itemKey === key)!;
        const answers = REVLOG.filter(([id, , ease]) => id === cid && ease > 0);
        const grades = ['again', 'hard', 'good', 'easy'] as const;
        const expected = replayReviews(cid, answers.map(([, at, ease]) => ({ grade: grades[ease - 1]!, time: at })), schedulerOptions(col.deckOptions(card.deckId)));
        expect(card.memory).toEqual(expected);
        expect(card.memory.state).not.toBe('new');
        const log = col.reviewsOf(card.id);
        expect(log.map((r) => r.reviewedAt)).toEqual(answers.map(([, at]) => at));
        expect(log.map((r) => r.durationMs)).toEqual(answers.map(([, , , , ms]) => ms));
        expect(log.at(-1)!.stateAfter).toBe(card.memory.state);
      }
    } finally {
      col.close();
    }
  });

  it('rejects a file that is not a zip with one line naming the file', () => {
    const bad = env.write('broken.apkg', 'this is not a zip file at all');
    const r = env.run(['import-anki', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^engram: broken\.apkg: not a readable Anki package/);
    expect(cards()).toEqual([]);
  });

  it('explains what to do with a newer zstd package (collection.anki21b)', () => {
    const apkg = writeZip(path.join(env.dir, 'new.apkg'), { 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]), meta: new Uint8Array([8, 3]) });
    const r = env.run(['import-anki', apkg]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("'Support older Anki versions' checked");
  });

  it('refuses a zip whose collection is not SQLite, and a zip without a collection', () => {
    const notSqlite = writeZip(path.join(env.dir, 'fake.apkg'), { 'collection.anki2': new TextEncoder().encode('hello') });
    const r1 = env.run(['import-anki', notSqlite]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/fake\.apkg: collection\.anki2 is not an SQLite database/);
    const empty = writeZip(path.join(env.dir, 'empty.apkg'), { 'notes.txt': new TextEncoder().encode('x') });
    const r2 = env.run(['import-anki', empty]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/empty\.apkg: not an Anki package/);
    expect(fs.readdirSync(env.dir).filter((f) => !/\.(apkg|db(-wal|-shm)?)$/.test(f))).toEqual([]);
  });

  it('treats the cards of one Anki note as siblings: one a day, the others buried when it is answered', () => {
    importIn(buildApkg(env.dir));
    const clozes = cards().filter((c) => c.kind === 'cloze');
    expect(clozes.map((c) => c.state).sort()).toEqual(['learning', 'new']);
    // Graduate the learning one; on the day it is due again, both clozes could be shown.
    const learning = clozes.find((c) => c.state === 'learning')!;
    const fresh = clozes.find((c) => c.state === 'new')!;
    const due = inCollection((col) => col.answer(learning.id, 'easy').memory.due);
    inCollection((col) => {
      const queue = col.queue().cards.map((c) => c.id);
      expect(queue.filter((id) => id === learning.id || id === fresh.id)).toHaveLength(1);
      col.answer(queue.find((id) => id === learning.id || id === fresh.id)!, 'good');
      const other = queue.includes(learning.id) ? fresh : learning;
      expect(col.getCard(other.id).buriedUntil).toBeGreaterThan(due + 60_000);
    }, due + 60_000);
  });

  it('re-importing a later export appends the answers given in Anki since, to the log and the schedule', () => {
    importIn(buildApkg(env.dir));
    const forward = cards().find((c) => c.kind === 'basic')!;
    const before = inCollection((col) => col.getCard(forward.id));
    expect(inCollection((col) => col.reviewsOf(forward.id))).toHaveLength(3);

    const later: typeof REVLOG = [...REVLOG, [IDS.basicForward, T0 + 9 * 86_400_000, 1, 1, 7000]];
    const again = importIn(buildApkg(env.dir, 'later.apkg', 'collection.anki2', later));
    expect(again.cards).toMatchObject({ added: 0, updated: 1 });
    expect(again.reviews).toBe(1);
    const after = inCollection((col) => col.getCard(forward.id));
    expect(inCollection((col) => col.reviewsOf(forward.id)).map((r) => r.grade)).toEqual(['good', 'good', 'easy', 'again']);
    expect(after.memory.lapses).toBe(before.memory.lapses + 1);
    expect(after.memory.state).toBe('relearning');

    // Importing the same later package again adds nothing more.
    expect(importIn(path.join(env.dir, 'later.apkg'))).toMatchObject({ reviews: 0, cards: { updated: 0 } });
  });
});

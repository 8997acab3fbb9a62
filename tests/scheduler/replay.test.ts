import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setNow, type Grade } from '../../src/core/index.js';
import { Collection, schedulerOptions } from '../../src/collection/collection.js';
import { replaySchedules } from '../../src/collection/load-balance.js';
import { replayReviews } from '../../src/scheduler/index.js';

const dirs: string[] = [];
afterEach(() => {
  setNow(null);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempCollection(): Collection {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-replay-'));
  dirs.push(dir);
  return Collection.open(path.join(dir, 'engram.db'));
}

/** A small deterministic PRNG so the sequence of grades is varied but repeatable. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('the review log is the source of truth', () => {
  it('replaying the log gives the same card states as answering live', () => {
    const col = tempCollection();
    const start = Date.parse('2026-12-01T09:00:00Z');
    setNow(start);
    const ids = Array.from({ length: 6 }, (_, i) => col.addCard('Replay', `front ${i}`, `back ${i}`).id);
    const random = prng(42);
    const grades: Grade[] = ['again', 'hard', 'good', 'easy'];
    // Answer each card whenever it is due, for ~120 simulated days, with fuzz on.
    for (let step = 0; step < 60; step++) {
      for (const id of ids) {
        const card = col.getCard(id);
        setNow(Math.max(card.memory.due, start) + Math.floor(random() * 3_600_000));
        const weights = [0.15, 0.15, 0.55, 0.15];
        let r = random();
        let g = 0;
        while (r > weights[g]! && g < 3) r -= weights[g++]!;
        col.answer(id, grades[g]!);
      }
    }
    // Load balance is on by default: the deck's log replays in time order across its cards.
    const replayed = replaySchedules(col, col.getCard(ids[0]!).deckId);
    for (const id of ids) {
      expect(col.reviewsOf(id).length).toBe(60);
      expect(replayed.get(id)).toEqual(col.getCard(id).memory);
    }
    // A replay that drops one answer must differ: the comparison can fail.
    const card = col.getCard(ids[0]!);
    const log = col.reviewsOf(ids[0]!).slice(1);
    const wrong = replayReviews(card.createdAt, log.map((r) => ({ grade: r.grade, time: r.reviewedAt })), schedulerOptions(col.deckOptions(card.deckId)));
    expect(wrong).not.toEqual(card.memory);
    col.close();
  });

  it('without load balance, each card replays on its own (replayReviews)', () => {
    const col = tempCollection();
    const start = Date.parse('2026-12-01T09:00:00Z');
    setNow(start);
    const ids = Array.from({ length: 4 }, (_, i) => col.addCard('Replay', `front ${i}`, `back ${i}`).id);
    col.setOption('Replay', 'loadBalance', 'false');
    const random = prng(7);
    for (let step = 0; step < 30; step++) {
      for (const id of ids) {
        setNow(Math.max(col.getCard(id).memory.due, start) + Math.floor(random() * 3_600_000));
        col.answer(id, random() < 0.15 ? 'again' : 'good');
      }
    }
    for (const id of ids) {
      const card = col.getCard(id);
      const log = col.reviewsOf(id).map((r) => ({ grade: r.grade, time: r.reviewedAt }));
      expect(replayReviews(card.createdAt, log, schedulerOptions(col.deckOptions(card.deckId)))).toEqual(card.memory);
    }
    col.close();
  });
});

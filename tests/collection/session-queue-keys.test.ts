/**
 * The review's first frame reads today's queue by card keys and loads only its first cards
 * whole (the rest follow right after, as a `loaded` action). On random collections (decks at
 * their limits, siblings, learning cards coming due, new and review cards mixed, answers today)
 * the session must show exactly the cards, in exactly the order, with the same counts, as the
 * session started from the whole queue.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY, setNow } from '../../src/core/index.js';
import { newMemory } from '../../src/scheduler/index.js';
import { flattenTree, type Collection } from '../../src/collection/index.js';
import { createController, firstFrameState, startingState, toSessionCard } from '../../src/tui/index.js';
import { initialSession, sessionCounts, sessionReducer, type SessionState } from '../../src/tui/session-reducer.js';
import { openEmptyCollection, useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);
const DECKS = ['a', 'a::b', 'a::b::c', 'e', 'f::g'];
const GRADES = ['again', 'hard', 'good', 'easy'] as const;

/** `n` cards in random decks, made at `createdAt`; a share `anki` of them Anki siblings (`anki:<note>:<ord>`, `notes` notes). */
function insertRandomCards(col: Collection, rnd: () => number, shape: { n: number; anki: number; notes: number; createdAt: number }): number[] {
  const ids: number[] = [];
  col.store.transaction(() => {
    for (let i = 0; i < shape.n; i++) {
      const item = rnd() < shape.anki ? `anki:${Math.floor(rnd() * shape.notes)}:${Math.floor(rnd() * 3)}` : `item:${i}`;
      ids.push(col.store.insertCard({
        deckId: col.ensureDeck(DECKS[Math.floor(rnd() * DECKS.length)]!), noteId: null, kind: 'manual', front: `q${i}`, back: `a${i}`, source: null,
        breadcrumb: [], itemKey: item, tags: [], memory: newMemory(shape.createdAt), createdAt: shape.createdAt, status: 'accepted',
      }));
    }
  });
  return ids;
}

/** The same collection for the same seed (the clock is set by the caller's steps). */
function randomCollection(col: Collection, seed: number): void {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const ids = insertRandomCards(col, rnd, { n: 80, anki: 0.5, notes: 8, createdAt: NOW - 40 * DAY });
  for (const deck of DECKS) {
    if (rnd() < 0.7) col.setOption(deck, 'newPerDay', String(Math.floor(rnd() * 12)));
    if (rnd() < 0.6) col.setOption(deck, 'learningSteps', pick(['1m 10m', '10m', '6h 1d']));
    if (rnd() < 0.7) col.setOption(deck, 'reviewsPerDay', String(Math.floor(rnd() * 10)));
  }
  for (let t = NOW - 30 * DAY; t < NOW; t += Math.floor(rnd() * 3 * DAY) + 3_600_000) {
    setNow(t);
    for (const id of ids) if (rnd() < 0.12) col.answer(id, pick(GRADES));
  }
  setNow(NOW - 3_600_000);
  for (const id of ids) if (rnd() < 0.1) col.answer(id, pick(GRADES));
  setNow(NOW);
}

/** Shows and answers cards until the session is done: the ids shown and the counts on screen at each. */
function walk(col: Collection, start: SessionState, seed: number, loadAfter: number | null): Array<[number, ReturnType<typeof sessionCounts>]> {
  const rnd = prng(seed);
  const controller = createController(col);
  let state = start;
  let time = NOW;
  const shown: Array<[number, ReturnType<typeof sessionCounts>]> = [];
  for (let step = 0; step < 400; step++) {
    // After a first frame that had the queue's first card only, the queue is read before any
    // key acts (use-review-input.ts).
    if (state.unqueued) state = sessionReducer(state, { type: 'queued', main: controller.loadQueue!(), now: time });
    if (step === loadAfter) {
      const ids = state.main.filter((c) => c.pending).map((c) => c.id);
      state = sessionReducer(state, { type: 'loaded', cards: controller.loadPending!(ids) });
    }
    if (!state.current) {
      // Wait for a learning card to come due, as the session's tick does.
      if (state.learning.length === 0) break;
      time = Math.max(time + 60_000, state.learning[0]!.due);
      setNow(time);
      state = sessionReducer(state, { type: 'tick', now: time });
      continue;
    }
    const card = state.current;
    expect(card.pending).toBeFalsy();
    shown.push([card.id, sessionCounts(state)]);
    const grade = GRADES[Math.floor(rnd() * GRADES.length)]!;
    time += 20_000;
    setNow(time);
    const r = controller.answer(card.id, grade, 5000);
    state = sessionReducer(state, { type: 'graded', grade, reviewId: r.reviewId, actionId: r.actionId, now: time, card: r.card, buriedIds: r.buriedIds });
  }
  return shown;
}

describe('the review started from card keys', () => {
  it.each([1, 2, 3, 4, 5])('queues the same cards in the same order as the whole queue (random collection %i)', (seed) => {
    const col = temp.col();
    randomCollection(col, seed * 104_729);
    for (const deck of [undefined, ...flattenTree(col.deckTree()).map(({ node }) => node.name)]) {
      const whole = col.sessionQueue(deck);
      const keys = col.sessionQueueKeys(deck);
      expect({ deck, ids: keys.main.map((k) => k.id) }).toEqual({ deck, ids: whole.main.map((c) => c.id) });
      expect(keys.main.map((k) => [k.state, k.due])).toEqual(whole.main.map((c) => [c.memory.state, c.memory.due]));
      expect(col.cardsByIds(keys.main.map((k) => k.id))).toEqual(whole.main);
      // Loaded whole (every card) or in part and then filled in: the same starting state.
      const full = initialSession({ main: whole.main.map(toSessionCard), learning: whole.learning.map(toSessionCard), now: NOW, learnAheadMs: whole.learnAheadMs });
      expect(startingState(col, deck, Infinity)).toEqual(full);
      const part = startingState(col, deck, 2);
      expect(sessionCounts(part)).toEqual(sessionCounts(full));
      const pending = part.main.filter((c) => c.pending).map((c) => c.id);
      expect(sessionReducer(part, { type: 'loaded', cards: createController(col).loadPending!(pending) })).toEqual(full);
      // The first frame from the queue's first card and counts alone: the same card, the same
      // counts; once the queue and its cards arrive, the same state as the whole queue's.
      const first = firstFrameState(col, deck);
      expect({ deck, current: first.current, counts: sessionCounts(first), learning: first.learning }).toEqual({ deck, current: full.current, counts: sessionCounts(full), learning: full.learning });
      const controller = createController(col, deck);
      const queued = sessionReducer(first, { type: 'queued', main: controller.loadQueue!(), now: NOW });
      expect(queued.unqueued).toBeUndefined();
      expect(sessionCounts(queued)).toEqual(sessionCounts(full));
      const loaded = sessionReducer(queued, { type: 'loaded', cards: controller.loadPending!(queued.main.filter((c) => c.pending).map((c) => c.id)) });
      expect(loaded).toEqual(full);
    }
  });

  it.each([1, 2, 3, 4])('shows the same cards with the same counts through a whole session (random collection %i)', (seed) => {
    const lazy = temp.col();
    const whole = openEmptyCollection(path.join(temp.dir(), 'whole.db'));
    const fromFirstFrame = (seed: number) => {
      const col = openEmptyCollection(path.join(temp.dir(), 'first-frame.db'));
      try {
        randomCollection(col, seed * 7919);
        return walk(col, firstFrameState(col), seed, seed % 4);
      } finally {
        col.close();
      }
    };
    try {
      randomCollection(lazy, seed * 7919);
      randomCollection(whole, seed * 7919);
      const queue = whole.sessionQueue();
      const fullStart = initialSession({ main: queue.main.map(toSessionCard), learning: queue.learning.map(toSessionCard), now: NOW, learnAheadMs: queue.learnAheadMs });
      const a = walk(whole, fullStart, seed, null);
      setNow(NOW);
      const b = walk(lazy, startingState(lazy, undefined, 3), seed, seed % 3);
      expect(a.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      // From the first card and counts only, the queue read before the first key.
      const c = fromFirstFrame(seed);
      expect(c).toEqual(a);
    } finally {
      whole.close();
    }
  });
});

/** New and review cards only (no learning card due): the first frame's card comes from the main queue. */
function reviewsAndNews(col: Collection, seed: number, reviews: boolean): void {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const ids = insertRandomCards(col, rnd, { n: 70, anki: 0.4, notes: 10, createdAt: NOW - 90 * DAY });
  for (const deck of DECKS) {
    if (rnd() < 0.7) col.setOption(deck, 'newPerDay', String(Math.floor(rnd() * 8)));
    if (rnd() < 0.7) col.setOption(deck, 'reviewsPerDay', String(Math.floor(rnd() * 8)));
  }
  // `easy` on a new card schedules it as a review: due by now if answered long enough ago. Cards
  // answered at the same moment come due together (the queue orders them by id).
  for (const id of ids) {
    if (reviews && rnd() < 0.5) {
      setNow(NOW - pick([30, 45, 60]) * DAY);
      col.answer(id, 'easy');
    }
  }
  setNow(NOW);
}

describe('the review started from its first card and counts', () => {
  it.each([[1, true], [2, true], [3, true], [4, true], [5, false], [6, false]])('shows the main queue\'s first card, then the same cards and counts as the whole queue (collection %i, reviews: %s)', (seed, reviews) => {
    const whole = temp.col();
    const first = openEmptyCollection(path.join(temp.dir(), 'first.db'));
    try {
      reviewsAndNews(whole, seed * 31, reviews);
      reviewsAndNews(first, seed * 31, reviews);
      const queue = whole.sessionQueue();
      expect(queue.learning).toEqual([]);
      expect(queue.main.length).toBeGreaterThan(2);
      const fullStart = initialSession({ main: queue.main.map(toSessionCard), learning: [], now: NOW, learnAheadMs: queue.learnAheadMs });
      const start = firstFrameState(first);
      expect(start.current).toEqual(fullStart.current);
      expect(start.main).toEqual([]);
      expect(sessionCounts(start)).toEqual(sessionCounts(fullStart));
      const a = walk(whole, fullStart, seed, null);
      setNow(NOW);
      // The queue read before the first key, its pending cards' text at the first step or later.
      const b = walk(first, start, seed, seed % 3);
      expect(b).toEqual(a);
    } finally {
      first.close();
    }
  });
});

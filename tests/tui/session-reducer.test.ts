import { describe, expect, it } from 'vitest';
import { initialSession, sessionCounts, sessionReducer, type SessionCard, type SessionState } from '../../src/tui/session-reducer.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const MIN = 60_000;

function card(id: number, state: SessionCard['state'] = 'new', due = T0): SessionCard {
  return { id, deck: 'D', front: `front ${id}`, back: `back ${id}`, breadcrumb: [], state, due, source: null, edited: false, hasExample: false };
}

function start(main: SessionCard[], learning: SessionCard[] = []): SessionState {
  return initialSession({ main, learning, now: T0, learnAheadMs: 20 * MIN });
}

describe('session reducer', () => {
  it('starts on the first card, question side, and reveals the answer', () => {
    const s = start([card(1), card(2)]);
    expect(s.phase).toBe('question');
    expect(s.current?.id).toBe(1);
    expect(sessionCounts(s)).toEqual({ new: 2, learning: 0, review: 0 });
    const revealed = sessionReducer(s, { type: 'reveal' });
    expect(revealed.phase).toBe('answer');
    expect(revealed.current?.id).toBe(1);
  });

  it('grading moves to the next card and counts it', () => {
    let s = sessionReducer(start([card(1), card(2, 'review')]), { type: 'reveal' });
    s = sessionReducer(s, { type: 'graded', grade: 'easy', reviewId: 10, actionId: 10, now: T0 + MIN, card: card(1, 'review', T0 + 5 * 86_400_000), buriedIds: [] });
    expect(s.current?.id).toBe(2);
    expect(s.phase).toBe('question');
    expect(s.reviewed).toBe(1);
    expect(s.history).toEqual([{ actionId: 10, kind: 'answer', cardId: 1, grade: 'easy' }]);
    expect(sessionCounts(s)).toEqual({ new: 0, learning: 0, review: 1 });
  });

  it('requeues a learning card and brings it back when due, before the main queue', () => {
    let s = sessionReducer(start([card(1), card(2), card(3)]), { type: 'reveal' });
    s = sessionReducer(s, { type: 'graded', grade: 'again', reviewId: 1, actionId: 1, now: T0, card: card(1, 'learning', T0 + MIN), buriedIds: [] });
    expect(s.current?.id).toBe(2);
    expect(sessionCounts(s)).toEqual({ new: 2, learning: 1, review: 0 });
    expect(s.again).toBe(1);
    // Answered two minutes later: card 1 is due again and comes before card 3.
    s = sessionReducer(sessionReducer(s, { type: 'reveal' }), { type: 'graded', grade: 'good', reviewId: 2, actionId: 2, now: T0 + 2 * MIN, card: card(2, 'learning', T0 + 12 * MIN), buriedIds: [] });
    expect(s.current?.id).toBe(1);
    expect(s.main.map((c) => c.id)).toEqual([3]);
  });

  it('shows a learning card early only when nothing else is left (learn-ahead)', () => {
    let s = sessionReducer(start([card(1)]), { type: 'reveal' });
    s = sessionReducer(s, { type: 'graded', grade: 'good', reviewId: 1, actionId: 1, now: T0, card: card(1, 'learning', T0 + 10 * MIN), buriedIds: [] });
    expect(s.phase).toBe('question');
    expect(s.current?.id).toBe(1);
  });

  it('ends the session, keeping learning cards beyond the learn-ahead limit for later', () => {
    let s = sessionReducer(start([card(1)]), { type: 'reveal' });
    s = sessionReducer(s, { type: 'graded', grade: 'hard', reviewId: 1, actionId: 1, now: T0, card: card(1, 'learning', T0 + 30 * MIN), buriedIds: [] });
    expect(s.phase).toBe('done');
    expect(s.current).toBeNull();
    expect(s.learning.map((c) => c.id)).toEqual([1]);
    // A tick after the card is within the window resumes the session.
    expect(sessionReducer(s, { type: 'tick', now: T0 + 5 * MIN }).phase).toBe('done');
    const resumed = sessionReducer(s, { type: 'tick', now: T0 + 11 * MIN });
    expect(resumed.phase).toBe('question');
    expect(resumed.current?.id).toBe(1);
  });

  it('undo puts the card back on screen and takes back the counts', () => {
    let s = sessionReducer(start([card(1), card(2)]), { type: 'reveal' });
    s = sessionReducer(s, { type: 'graded', grade: 'again', reviewId: 7, actionId: 7, now: T0, card: card(1, 'learning', T0 + MIN), buriedIds: [] });
    s = sessionReducer(s, { type: 'undone', now: T0, kind: 'answer', card: card(1), main: [card(1), card(2)], learning: [] });
    expect(s.current?.id).toBe(1);
    expect(s.phase).toBe('question');
    expect(s.main.map((c) => c.id)).toEqual([2]);
    expect(s.learning).toEqual([]);
    expect(s.reviewed).toBe(0);
    expect(s.again).toBe(0);
    expect(s.history).toEqual([]);
  });

  it('drops siblings buried by an answer from the queue', () => {
    let s = sessionReducer(start([card(1), card(2), card(3)]), { type: 'reveal' });
    s = sessionReducer(s, { type: 'graded', grade: 'good', reviewId: 1, actionId: 1, now: T0, card: card(1, 'review', T0 + 86_400_000), buriedIds: [3] });
    expect(s.current?.id).toBe(2);
    expect(s.main).toEqual([]);
  });

  it('suspend and bury skip to the next card; the last one ends the session', () => {
    let s = start([card(1), card(2)]);
    s = sessionReducer(s, { type: 'removed', reason: 'suspended', actionId: 99, now: T0 });
    expect(s.current?.id).toBe(2);
    expect(s.notice).toBe('suspended');
    s = sessionReducer(s, { type: 'removed', reason: 'buried', actionId: 99, now: T0 });
    expect(s.phase).toBe('done');
    expect(s.reviewed).toBe(0);
  });

  it('starts done when nothing is due', () => {
    expect(start([]).phase).toBe('done');
  });

  it('ignores a grade for a card that is not on screen', () => {
    const s = sessionReducer(start([card(1), card(2)]), { type: 'reveal' });
    expect(sessionReducer(s, { type: 'graded', grade: 'good', reviewId: 1, actionId: 1, now: T0, card: card(2), buriedIds: [] })).toBe(s);
  });

  it('keeps example output only for the card it ran on', () => {
    let s = sessionReducer(start([card(1), card(2)]), { type: 'reveal' });
    s = sessionReducer(s, { type: 'example-started', cardId: 1 });
    expect(s.example).toEqual({ cardId: 1, running: true, text: '', ok: true });
    s = sessionReducer(s, { type: 'example-finished', cardId: 1, text: 'hello', ok: true });
    expect(s.example?.text).toBe('hello');
    s = sessionReducer(s, { type: 'graded', grade: 'good', reviewId: 1, actionId: 1, now: T0, card: card(1, 'review', T0 + 86_400_000), buriedIds: [] });
    expect(s.example).toBeNull();
    expect(sessionReducer(s, { type: 'example-finished', cardId: 1, text: 'late', ok: true }).example).toBeNull();
  });

  describe('a first frame with the queue\'s first card only', () => {
    const first = () => initialSession({ main: [card(1, 'review')], learning: [], now: T0, learnAheadMs: 0, unqueued: { new: 2, review: 1 } });

    it('counts the cards not queued yet, and takes the queue when it comes, without its card on screen', () => {
      const s = first();
      expect(s.current?.id).toBe(1);
      expect(s.main).toEqual([]);
      expect(sessionCounts(s)).toEqual({ new: 2, learning: 0, review: 2 });
      const queued = sessionReducer(s, { type: 'queued', main: [card(1, 'review'), card(2, 'review'), card(3), card(4)], now: T0 + MIN });
      expect(queued.unqueued).toBeUndefined();
      expect(queued.current?.id).toBe(1);
      expect(queued.main.map((c) => c.id)).toEqual([2, 3, 4]);
      expect(sessionCounts(queued)).toEqual(sessionCounts(s));
      // A second arrival (the timer after a key already read it) changes nothing.
      expect(sessionReducer(queued, { type: 'queued', main: [card(9)], now: T0 + 2 * MIN })).toBe(queued);
    });

    it('is not done while the queue is unread, and goes on once it arrives', () => {
      let s = sessionReducer(sessionReducer(first(), { type: 'reveal' }), {
        type: 'graded', grade: 'good', reviewId: 1, actionId: 1, now: T0, card: card(1, 'review', T0 + 9 * 86_400_000), buriedIds: [],
      });
      expect(s.phase).toBe('question');
      expect(s.current).toBeNull();
      s = sessionReducer(s, { type: 'queued', main: [card(2, 'review'), card(3)], now: T0 + MIN });
      expect(s.current?.id).toBe(2);
      expect(sessionCounts(s)).toEqual({ new: 1, learning: 0, review: 1 });
    });

    it('a learning card due now comes first; the main queue\'s first card waits in the queue', () => {
      const s = initialSession({ main: [card(5, 'review')], learning: [card(7, 'learning', T0 - MIN)], now: T0, learnAheadMs: 0, unqueued: { new: 1, review: 0 } });
      expect(s.current?.id).toBe(7);
      const queued = sessionReducer(s, { type: 'queued', main: [card(5, 'review'), card(6)], now: T0 });
      expect(queued.main.map((c) => c.id)).toEqual([5, 6]);
      expect(sessionCounts(queued)).toEqual(sessionCounts(s));
    });
  });
});

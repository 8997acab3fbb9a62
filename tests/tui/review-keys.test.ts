import { describe, expect, it } from 'vitest';
import { reviewCommandFor } from '../../src/tui/review-keys.js';
import { initialSession, sessionReducer, type SessionCard, type SessionState } from '../../src/tui/session-reducer.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const LIMITS = { maxScroll: 10, page: 4 };

function card(id: number, extra: Partial<SessionCard> = {}): SessionCard {
  return { id, deck: 'D', front: `front ${id}`, back: `back ${id}`, breadcrumb: [], state: 'new', due: T0, source: null, edited: false, hasExample: false, ...extra };
}

function start(cards: SessionCard[]): SessionState {
  return initialSession({ main: cards, learning: [], now: T0, learnAheadMs: 0 });
}

const answerSide = (s: SessionState) => sessionReducer(s, { type: 'reveal' });

describe('review key map', () => {
  it('reveals with space or enter on the question side only; grades with 1-4 on the answer side only', () => {
    const question = start([card(1)]);
    expect(reviewCommandFor(question, ' ', {}, LIMITS)).toEqual({ type: 'reveal' });
    expect(reviewCommandFor(question, '', { return: true }, LIMITS)).toEqual({ type: 'reveal' });
    expect(reviewCommandFor(question, '3', {}, LIMITS)).toBeNull();
    const answer = answerSide(question);
    expect(reviewCommandFor(answer, ' ', {}, LIMITS)).toBeNull();
    expect(['1', '2', '3', '4'].map((k) => reviewCommandFor(answer, k, {}, LIMITS))).toEqual([
      { type: 'grade', grade: 'again' }, { type: 'grade', grade: 'hard' }, { type: 'grade', grade: 'good' }, { type: 'grade', grade: 'easy' },
    ]);
  });

  it('while help is shown, only ?, q and escape do anything, and they close it', () => {
    const help = sessionReducer(start([card(1)]), { type: 'toggle-help' });
    expect(reviewCommandFor(help, 'q', {}, LIMITS)).toEqual({ type: 'toggle-help' });
    expect(reviewCommandFor(help, '', { escape: true }, LIMITS)).toEqual({ type: 'toggle-help' });
    expect(reviewCommandFor(help, ' ', {}, LIMITS)).toBeNull();
    expect(reviewCommandFor(help, 's', {}, LIMITS)).toBeNull();
  });

  it('scrolls by line and page within the body', () => {
    const s = { ...answerSide(start([card(1)])), scroll: 9 };
    expect(reviewCommandFor(s, 'j', {}, LIMITS)).toEqual({ type: 'scroll', to: 10 });
    expect(reviewCommandFor(s, '', { pageDown: true }, LIMITS)).toEqual({ type: 'scroll', to: 10 });
    expect(reviewCommandFor(s, '', { upArrow: true }, LIMITS)).toEqual({ type: 'scroll', to: 8 });
    expect(reviewCommandFor({ ...s, scroll: 2 }, '', { pageUp: true }, LIMITS)).toEqual({ type: 'scroll', to: 0 });
    // A scroll position past a body that shrank counts from the end.
    expect(reviewCommandFor({ ...s, scroll: 50 }, 'k', {}, LIMITS)).toEqual({ type: 'scroll', to: 9 });
  });

  it('undo names the last answer of the session, or says there is none', () => {
    const s = start([card(1), card(2)]);
    expect(reviewCommandFor(s, 'u', {}, LIMITS)).toEqual({ type: 'notice', text: 'nothing to undo in this session' });
    const graded = sessionReducer(answerSide(s), { type: 'graded', grade: 'good', reviewId: 42, actionId: 42, now: T0, card: card(1, { state: 'review' }), buriedIds: [] });
    expect(reviewCommandFor(graded, 'u', {}, LIMITS)).toEqual({ type: 'undo', actionId: 42 });
  });

  it('r runs an example only on the answer side of a card that has one; o opens only a card from a note', () => {
    const plain = answerSide(start([card(1)]));
    expect(reviewCommandFor(plain, 'r', {}, LIMITS)).toEqual({ type: 'notice', text: 'this card has no example' });
    expect(reviewCommandFor(plain, 'o', {}, LIMITS)).toEqual({ type: 'notice', text: 'this card was added by hand; it has no source note' });
    const rich = start([card(1, { hasExample: true, source: { file: 'a.md', line: 3 } })]);
    expect(reviewCommandFor(rich, 'r', {}, LIMITS)).toBeNull();
    expect(reviewCommandFor(answerSide(rich), 'r', {}, LIMITS)).toEqual({ type: 'run-example' });
    expect(reviewCommandFor(rich, 'o', {}, LIMITS)).toEqual({ type: 'open-source' });
  });

  it('quits with q or escape, and does nothing but quit, help and undo when the session is done', () => {
    const done = sessionReducer(answerSide(start([card(1)])), { type: 'removed', reason: 'buried', actionId: 99, now: T0 });
    expect(done.current).toBeNull();
    expect(reviewCommandFor(done, 'q', {}, LIMITS)).toEqual({ type: 'quit' });
    expect(reviewCommandFor(done, 's', {}, LIMITS)).toBeNull();
    expect(reviewCommandFor(done, '?', {}, LIMITS)).toEqual({ type: 'toggle-help' });
  });
});

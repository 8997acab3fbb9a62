/** The review's card-action keys and the typed-answer flow, as pure key map + reducer steps. */
import { describe, expect, it } from 'vitest';
import { predictionKey } from '../../src/tui/prediction-keys.js';
import { typedWordsLine } from '../../src/tui/body-lines.js';
import { reviewCommandFor } from '../../src/tui/review-keys.js';
import { initialSession, sessionReducer, type SessionAction, type SessionCard, type SessionState } from '../../src/tui/session-reducer.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const LIMITS = { maxScroll: 10, page: 4 };

function card(id: number, extra: Partial<SessionCard> = {}): SessionCard {
  return { id, deck: 'D', front: `front ${id}`, back: `back ${id}`, breadcrumb: [], state: 'new', due: T0, source: null, edited: false, hasExample: false, ...extra };
}
const start = (cards: SessionCard[]) => initialSession({ main: cards, learning: [], now: T0, learnAheadMs: 0 });
const run = (s: SessionState, ...actions: SessionAction[]) => actions.reduce(sessionReducer, s);

describe('f then a digit', () => {
  it('f asks for the flag; 0-4 set it on either side; any other key cancels without acting', () => {
    const s = start([card(1)]);
    expect(reviewCommandFor(s, 'f', {}, LIMITS)).toEqual({ type: 'flag-pending' });
    const pending = run(s, { type: 'flag-pending' });
    expect(pending.notice).toContain('1 red');
    expect(['0', '1', '4'].map((k) => reviewCommandFor(pending, k, {}, LIMITS))).toEqual([
      { type: 'flag', flag: 0 }, { type: 'flag', flag: 1 }, { type: 'flag', flag: 4 },
    ]);
    // On the answer side, a digit after f is a flag, not a grade; q and esc cancel instead of quitting.
    const answerPending = run(s, { type: 'reveal' }, { type: 'flag-pending' });
    expect(reviewCommandFor(answerPending, '3', {}, LIMITS)).toEqual({ type: 'flag', flag: 3 });
    expect(reviewCommandFor(answerPending, '5', {}, LIMITS)).toEqual({ type: 'flag-cancel' });
    expect(reviewCommandFor(answerPending, 'q', {}, LIMITS)).toEqual({ type: 'flag-cancel' });
    expect(reviewCommandFor(answerPending, '', { escape: true }, LIMITS)).toEqual({ type: 'flag-cancel' });
    expect(run(answerPending, { type: 'flag-cancel' })).toMatchObject({ flagPending: false, notice: null, phase: 'answer' });
  });

  it('flagged sets the flag on the card on screen and records the action for undo; undo of a flag keeps the card and the phase', () => {
    let s = run(start([card(1), card(2)]), { type: 'reveal' }, { type: 'flag-pending' }, { type: 'flagged', cardId: 1, flag: 2, actionId: 7 });
    expect(s.current).toMatchObject({ id: 1, flag: 2 });
    expect(s).toMatchObject({ flagPending: false, notice: 'flagged orange', phase: 'answer' });
    expect(s.history).toEqual([{ actionId: 7, kind: 'flag', cardId: 1 }]);
    expect(reviewCommandFor(s, 'u', {}, LIMITS)).toEqual({ type: 'undo', actionId: 7 });
    s = run(s, { type: 'undone', now: T0, kind: 'flag', card: card(1, { flag: 0 }), main: [], learning: [] });
    expect(s.current).toMatchObject({ id: 1, flag: 0 });
    expect(s.main.map((c) => c.id)).toEqual([2]);
    expect(s).toMatchObject({ phase: 'answer', history: [], notice: 'undone: flag' });
  });
});

describe('u undoes the last action of any kind, in order', () => {
  it('after an answer and a suspend, u names the suspend first, then the answer; undoing a suspend does not touch the counts', () => {
    let s = run(start([card(1), card(2), card(3)]), { type: 'reveal' },
      { type: 'graded', grade: 'again', reviewId: 1, actionId: 11, now: T0, card: card(1, { state: 'learning', due: T0 + 60_000 }), buriedIds: [] });
    s = run(s, { type: 'removed', reason: 'suspended', actionId: 12, now: T0 });
    expect(s.history.map((h) => [h.kind, h.cardId])).toEqual([['answer', 1], ['suspend', 2]]);
    expect(reviewCommandFor(s, 'u', {}, LIMITS)).toEqual({ type: 'undo', actionId: 12 });
    s = run(s, { type: 'undone', now: T0, kind: 'suspend', card: card(2), main: [card(2), card(3)], learning: [card(1, { state: 'learning', due: T0 + 60_000 })] });
    expect(s.current?.id).toBe(2);
    expect([s.reviewed, s.again, s.notice]).toEqual([1, 1, 'undone: suspend']);
    expect(reviewCommandFor(s, 'u', {}, LIMITS)).toEqual({ type: 'undo', actionId: 11 });
    s = run(s, { type: 'undone', now: T0, kind: 'answer', card: card(1), main: [card(1), card(2), card(3)], learning: [] });
    expect([s.current?.id, s.reviewed, s.again, s.history.length]).toEqual([1, 0, 0, 0]);
  });
});

describe('a typed-answer card', () => {
  it('takes letters as text, checks on enter, and enter on the checked answer confirms the suggested grade', () => {
    let s = start([card(1, { typeIn: true })]);
    expect(s.prediction).toMatchObject({ cardId: 1, status: 'typing', typed: '' });
    for (const ch of 'sfu') {
      const action = predictionKey(s, ch, {});
      expect(action).toEqual({ type: 'predict-type', text: ch });
      s = run(s, action as SessionAction);
    }
    expect(s.prediction?.typed).toBe('sfu');
    expect(predictionKey(s, '', { return: true })).toBe('submit');
    // space does not reveal a typed card: only the check does
    expect(run(s, { type: 'reveal' }).phase).toBe('question');
    s = run(s, { type: 'predict-submitted', cardId: 1 }, {
      type: 'predict-checked', cardId: 1,
      outcome: { correct: false, suggested: 'hard', diff: [], output: '', ok: true, words: [{ text: 'sfu', mark: 'wrong' }] },
    });
    expect(s.phase).toBe('answer');
    expect(reviewCommandFor(s, '', { return: true }, LIMITS)).toEqual({ type: 'grade', grade: 'hard' });
    expect(reviewCommandFor(s, '1', {}, LIMITS)).toEqual({ type: 'grade', grade: 'again' });
  });
});

describe('the typed answer\'s word diff on screen', () => {
  it('colours right green, wrong red struck through, missing yellow underlined; without colour git-style marks; text sanitised', () => {
    const words = [{ text: 'Canberra', mark: 'right' }, { text: 'citty', mark: 'wrong' }, { text: 'city', mark: 'missing' }] as const;
    expect(typedWordsLine(words, false)).toBe('Canberra [-citty-] {+city+}');
    expect(typedWordsLine(words, true)).toBe('\x1b[32mCanberra\x1b[39m \x1b[31m\x1b[9mcitty\x1b[29m\x1b[39m \x1b[33m\x1b[4mcity\x1b[24m\x1b[39m');
    expect(typedWordsLine([{ text: 'a\x1b]0;pwned\x07b', mark: 'wrong' }], false)).not.toContain('\x1b');
  });
});

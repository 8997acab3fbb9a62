/**
 * Custom study (`engram review --query Q`): the queue is exactly what the query selects among
 * the cards the review can show; scheduled mode answers as usual (studying ahead); preview mode
 * leaves every schedule and the review log alone, and the optimizer, stats and calibration
 * never see its answers. Driven through the review's controller, as the screen drives it.
 */
import { describe, expect, it } from 'vitest';
import { DAY, now, setNow, type Card } from '../../src/core/index.js';
import { collectionStats } from '../../src/collection/stats.js';
import { calibrationOf } from '../../src/collection/calibration.js';
import { readReviewLog } from '../../src/store/optimize.js';
import { reviewSession } from '../../src/tui/index.js';
import { sessionReducer, type SessionState } from '../../src/tui/session-reducer.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.parse('2026-12-01T12:00:00Z');
const t = useTempCollection(T0);

function fill() {
  const col = t.col();
  const a = col.addCard('ml::fusion', 'fusion one', 'x').id;
  const b = col.addCard('ml::fusion', 'fusion two', 'y').id;
  const c = col.addCard('ml::align', 'align', 'z').id;
  const d = col.addCard('bio', 'fusion in cells', 'w').id;
  const e = col.addCard('ml', 'fusion suspended', 'v').id;
  col.suspend(e, true);
  // a was studied: due in the future (not due today)
  col.answer(a, 'easy');
  return { a, b, c, d, e };
}

/** What the screen does on a key: the controller's effect, then the reducer. */
function answer(state: SessionState, controller: ReturnType<typeof reviewSession>['controller'], grade: 'again' | 'good'): SessionState {
  const card = state.current!;
  const result = controller.answer(card.id, grade, 1000);
  return sessionReducer(state, { type: 'graded', grade, reviewId: result.reviewId, now: now(), card: result.card, buriedIds: result.buriedIds });
}

const memories = (cards: Card[]) => cards.map((c) => ({ id: c.id, memory: c.memory, tags: c.tags, suspended: c.suspended, modifiedAt: c.modifiedAt }));

describe('the custom queue', () => {
  it('is exactly what the query selects, due or not, suspended left out, earliest due first, up to --limit', () => {
    const { a, b, d } = fill();
    const col = t.col();
    const queue = col.customQueue({ query: 'fusion' }).cards;
    expect(queue.map((c) => c.id).sort()).toEqual([a, b, d].sort());
    expect(queue.map((c) => c.memory.due)).toEqual([...queue.map((c) => c.memory.due)].sort((x, y) => x - y));
    expect(queue[queue.length - 1]!.id).toBe(a); // not due for days: studied ahead, last
    expect(col.customQueue({ query: 'fusion', limit: 2 }).cards).toHaveLength(2);
    expect(col.customQueue({ query: 'deck:ml::fusion' }).cards.map((c) => c.id).sort()).toEqual([a, b].sort());
    // `engram due` would not show a (not due)
    expect(col.queue().cards.map((c) => c.id)).not.toContain(a);
  });
});

describe('scheduled mode', () => {
  it('answers reschedule as usual, a card not yet due included (studied ahead)', () => {
    const { a } = fill();
    const col = t.col();
    const before = col.getCard(a);
    const { initial, controller } = reviewSession(col, undefined, { query: `deck:ml::fusion` });
    let state = initial;
    while (state.current && state.current.id !== a) state = answer(state, controller, 'good');
    expect(state.current?.id).toBe(a);
    setNow(T0 + 1000);
    state = answer(state, controller, 'good');
    const after = col.getCard(a);
    expect(after.memory.reps).toBe(before.memory.reps + 1);
    expect(after.memory.lastReview).toBe(T0 + 1000);
    expect(col.reviewsOf(a)).toHaveLength(2);
  });
});

describe('preview mode (cram)', () => {
  it('writes no FSRS state, no review row, and logs preview answers apart', () => {
    const { a, b, d } = fill();
    const col = t.col();
    const cardsBefore = memories(col.findCards('').cards);
    const logBefore = readReviewLog(col.store);
    const statsBefore = collectionStats(col);
    const deckIds = col.store.listDecks().map((x) => x.id);
    const calibrationBefore = calibrationOf(col, deckIds);
    const { initial, controller } = reviewSession(col, undefined, { query: 'fusion', preview: true });
    expect(initial.notice).toMatch(/preview/);
    expect(controller.intervals(a)).toEqual({ again: '1m', hard: 'done', good: 'done', easy: 'done' });
    let state = initial;
    const first = state.current!.id;
    state = answer(state, controller, 'again'); // comes back in a minute
    state = answer(state, controller, 'good');
    state = answer(state, controller, 'good');
    // the again card comes back (due in a minute, within the learn-ahead window) once the rest are done
    expect(state.current?.id).toBe(first);
    expect(state.main).toHaveLength(0);
    state = answer(state, controller, 'good');
    expect(state.phase).toBe('done');

    expect(memories(col.findCards('').cards)).toEqual(cardsBefore);
    expect(readReviewLog(col.store)).toEqual(logBefore);
    const statsAfter = collectionStats(col);
    expect(statsAfter.totalReviews).toBe(statsBefore.totalReviews);
    expect(statsAfter.heatmap).toEqual(statsBefore.heatmap);
    expect(statsAfter.time).toEqual(statsBefore.time);
    expect(statsAfter.counts).toEqual(statsBefore.counts);
    expect(calibrationOf(col, deckIds)).toEqual(calibrationBefore);
    const previews = [a, b, d].flatMap((id) => col.store.previewReviewsOfCard(id));
    expect(previews).toHaveLength(4);
    expect(col.store.previewReviewsOfCard(first).map((p) => p.grade)).toEqual(['again', 'good']);
  });

  it('undo takes back the preview answer and puts the card back in front', () => {
    fill();
    const col = t.col();
    const { initial, controller } = reviewSession(col, undefined, { query: 'fusion', preview: true });
    let state = initial;
    const first = state.current!.id;
    state = answer(state, controller, 'good');
    const second = state.current!.id;
    const last = state.history[state.history.length - 1]!;
    const undone = controller.undo(last.reviewId);
    state = sessionReducer(state, { type: 'undone', now: T0, ...undone });
    expect(state.current?.id).toBe(first);
    expect(col.store.previewReviewsOfCard(first)).toHaveLength(0);
    expect([state.current!.id, ...state.main.map((c) => c.id)]).toContain(second);
    expect(state.main).toHaveLength(2);
  });
});

describe('optimizer input', () => {
  it('preview answers never reach the review log the optimizer reads', () => {
    const { b } = fill();
    const col = t.col();
    const before = readReviewLog(col.store).length;
    for (let i = 0; i < 5; i++) {
      setNow(T0 + i * DAY);
      col.previewAnswer(b, i % 2 ? 'again' : 'good');
    }
    expect(readReviewLog(col.store)).toHaveLength(before);
    expect(col.store.previewReviewsOfCard(b)).toHaveLength(5);
    expect(col.getCard(b).memory.state).toBe('new');
  });
});

/** The collection side of asking a card again within the quiz session: when, and in which question. */
import { describe, expect, it } from 'vitest';
import { setNow } from '../../src/core/index.js';
import { PAPER_DECK, paperQuiz, reaskingAfter } from '../../src/collection/quiz.js';
import { PAPERS, useQuizCollection } from './fixture.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const MINUTE = 60_000;
const collection = useQuizCollection(T0);

describe('asking a card again in the session', () => {
  it('"again" on a new card queues a fresh question of it, due at its learning step; "easy" does not', () => {
    const col = collection();
    const [first, second] = paperQuiz(col, { seed: 7 }).questions;
    const failed = col.answer(first!.cardId, 'again', 1000);
    const again = reaskingAfter(col, first!, failed);
    expect(again).not.toBeNull();
    expect(again!.due).toBe(failed.memory.due);
    expect(again!.due).toBeGreaterThan(T0);
    expect(again!.question).toMatchObject({ cardId: first!.cardId, answer: { key: first!.answer.key } });
    expect(again!.question.id).not.toBe(first!.id);
    expect(reaskingAfter(col, second!, col.answer(second!.cardId, 'easy', 1000))).toBeNull();
  });

  it('a step due beyond the deck\'s learn-ahead window waits for a later quiz', () => {
    const col = collection();
    col.setOption(PAPER_DECK, 'learnAheadMinutes', '0');
    const [first] = paperQuiz(col, { seed: 7 }).questions;
    const failed = col.answer(first!.cardId, 'again', 1000);
    expect(failed.memory.due).toBeGreaterThan(T0);
    expect(reaskingAfter(col, first!, failed)).toBeNull();
  });

  it('a new quiz puts learning cards within the learn-ahead window last and leaves later ones out; --count counts cards', () => {
    const col = collection();
    const start = paperQuiz(col, { seed: 3 }).questions;
    const soon = start[0]!.cardId;
    const later = start[1]!.cardId;
    col.answer(soon, 'again', 1000);
    // "again" on a new card is due in a minute, "good" at the 10-minute step: beyond a 5-minute window.
    col.answer(later, 'good', 1000);
    col.setOption(PAPER_DECK, 'learnAheadMinutes', '5');
    const ids = paperQuiz(col, { seed: 3 }).questions.map((q) => q.cardId);
    expect(ids.at(-1)).toBe(soon);
    expect(ids).not.toContain(later);
    expect(ids).toHaveLength(PAPERS.length - 1);
    setNow(T0 + 10 * MINUTE);
    const afterwards = paperQuiz(col, { seed: 3 }).questions.map((q) => q.cardId);
    expect(afterwards.slice(0, 2).sort()).toEqual([soon, later].sort());
    expect(paperQuiz(col, { seed: 3, count: 2 }).questions).toHaveLength(2);
  });
});

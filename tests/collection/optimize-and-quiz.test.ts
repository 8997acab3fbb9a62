/**
 * Optimize and the paper quiz through the use-case layer, beside tests/optimize and tests/quiz:
 * the review threshold of a fit, and the Papers deck's own daily limits.
 */
import { describe, expect, it } from 'vitest';
import { MIN_REVIEWS, optimizeWeights } from '../../src/collection/optimize.js';
import { answerQuizQuestion, paperQuiz } from '../../src/collection/quiz.js';
import { setNow } from '../../src/core/index.js';
import { declare } from '../quiz/fixture.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);

describe('optimize below the threshold', () => {
  it('with too few reviews says how many more are needed and changes no deck', async () => {
    const col = temp.col();
    const id = col.addCard('Small', 'q', 'a').id;
    for (const grade of ['again', 'good', 'good'] as const) col.answer(id, grade);
    expect(await optimizeWeights(col, { deck: 'Small' })).toEqual({
      status: 'too-few-reviews', deck: 'Small', reviews: 3, minimum: MIN_REVIEWS, needed: MIN_REVIEWS - 3,
    });
    expect(col.getOptions('Small')[0]!.options.weights).toBeNull();
  });

  it('names an unknown deck', async () => {
    await expect(optimizeWeights(temp.col(), { deck: 'Nope' })).rejects.toThrow(/no deck named 'Nope'/);
  });
});

describe('the paper quiz and the Papers deck\'s limits', () => {
  it('asks at most newPerDay new paper cards a day, and more after the rollover', () => {
    const col = temp.col();
    declare(col.store);
    paperQuiz(col, { seed: 1 }); // makes the Papers deck and its cards
    col.setOption('Papers', 'newPerDay', '2');
    const first = paperQuiz(col, { seed: 1 }).questions;
    expect(first).toHaveLength(2);
    for (const q of first) answerQuizQuestion(col, q.id, q.choices ? String(q.choices.findIndex((c) => c.key === q.answer.key) + 1) : q.answer.title, { grade: 'easy' });
    expect(paperQuiz(col, { seed: 1 }).questions).toHaveLength(0);
    setNow(Date.parse('2026-12-02T04:00:00Z'));
    const next = paperQuiz(col, { seed: 1 }).questions;
    expect(next).toHaveLength(2);
    expect(next.map((q) => q.cardId)).not.toContain(first[0]!.cardId);
  });
});

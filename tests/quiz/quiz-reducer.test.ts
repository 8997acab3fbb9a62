import { describe, expect, it } from 'vitest';
import { buildQuestion } from '../../src/quiz/index.js';
import { initialQuiz, quizReducer, quizScore, type QuizAction, type QuizState } from '../../src/tui/quiz/quiz-reducer.js';
import { quizPapers } from './fixture.js';

const pool = quizPapers();
const choice = buildQuestion(1, pool[0]!, pool, 'choose-paper', 5);
const typed = buildQuestion(2, pool[1]!, pool, 'type-paper', 5);

const run = (state: QuizState, ...actions: QuizAction[]) => actions.reduce(quizReducer, state);
const right = { type: 'judged', verdict: { correct: true, match: 'exact', picked: null }, suggested: 'easy', given: 'TFN', durationMs: 900 } as const;
const wrong = { type: 'judged', verdict: { correct: false, match: 'wrong', picked: 2 }, suggested: 'again', given: 'x', durationMs: 900 } as const;

describe('quiz reducer', () => {
  it('starts on the first question, or done when there is none', () => {
    expect(initialQuiz([choice, typed])).toMatchObject({ phase: 'asking', current: choice, queue: [typed], total: 2 });
    expect(initialQuiz([]).phase).toBe('done');
  });

  it('types only into a typed question, erases, then judges into feedback', () => {
    let state = run(initialQuiz([choice]), { type: 'typed', text: 'a' });
    expect(state.typed).toBe('');
    state = run(initialQuiz([typed]), { type: 'typed', text: 'LM' }, { type: 'typed', text: 'Fx' }, { type: 'erase' });
    expect(state.typed).toBe('LMF');
    state = quizReducer(state, right);
    expect(state.phase).toBe('feedback');
    expect(state.feedback).toMatchObject({ suggested: 'easy', given: 'TFN' });
    expect(quizReducer(state, { type: 'typed', text: 'z' }).typed).toBe('LMF');
  });

  it('saving moves to the next question and counts the score; the last one ends the quiz', () => {
    let state = run(initialQuiz([choice, typed]), wrong, { type: 'saved', grade: 'again', reviewId: 10 });
    expect(state).toMatchObject({ phase: 'asking', current: typed, typed: '', feedback: null });
    state = run(state, { type: 'typed', text: 'LMF' }, right, { type: 'saved', grade: 'good', reviewId: 11 });
    expect(state.phase).toBe('done');
    expect(quizScore(state)).toEqual({ answered: 2, correct: 1 });
    expect(state.history.map((h) => [h.question.id, h.grade, h.reviewId])).toEqual([[choice.id, 'again', 10], [typed.id, 'good', 11]]);
  });

  it('saving is ignored outside feedback, undo asks the last saved question again', () => {
    const start = initialQuiz([choice, typed]);
    expect(quizReducer(start, { type: 'saved', grade: 'good', reviewId: 1 })).toBe(start);
    let state = run(start, right, { type: 'saved', grade: 'easy', reviewId: 7 }, { type: 'typed', text: 'abc' });
    state = quizReducer(state, { type: 'undone' });
    expect(state).toMatchObject({ phase: 'asking', current: choice, queue: [typed], typed: '', notice: 'undone', history: [] });
    expect(quizReducer(state, { type: 'undone' })).toBe(state);
  });
});

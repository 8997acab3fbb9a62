import { describe, expect, it } from 'vitest';
import { askAgainQuestion, buildQuestion } from '../../src/quiz/index.js';
import { initialQuiz, quizProgress, quizReducer, quizScore, type QuizAction, type QuizState } from '../../src/tui/quiz/quiz-reducer.js';
import { quizPapers } from './fixture.js';

const pool = quizPapers();
const choice = buildQuestion(1, pool[0]!, pool, 'choose-paper', 5);
const typed = buildQuestion(2, pool[1]!, pool, 'type-paper', 5);
const third = buildQuestion(3, pool[2]!, pool, 'choose-idea', 5);
const T = Date.parse('2026-12-01T09:00:00Z');
const choiceAgain = { question: askAgainQuestion(choice, pool[0]!, pool), due: T + 60_000 };
const typedAgain = { question: askAgainQuestion(typed, pool[1]!, pool), due: T + 30_000 };

const run = (state: QuizState, ...actions: QuizAction[]) => actions.reduce(quizReducer, state);
const right = { type: 'judged', verdict: { correct: true, match: 'exact', picked: null }, suggested: 'easy', given: 'TFN', durationMs: 900 } as const;
const wrong = { type: 'judged', verdict: { correct: false, match: 'wrong', picked: 2 }, suggested: 'again', given: 'x', durationMs: 900 } as const;

describe('quiz reducer', () => {
  it('starts on the first question, or done when there is none', () => {
    expect(initialQuiz([choice, typed])).toMatchObject({ phase: 'asking', current: choice, queue: [typed], again: [] });
    expect(quizProgress(initialQuiz([choice, typed]))).toEqual({ position: 1, total: 2, again: 0 });
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
    expect(quizScore(state)).toEqual({ answered: 2, correct: 1, papers: 2 });
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

  it('a card queued to be asked again comes after the other questions, in a fresh question, and the counts grow', () => {
    let state = run(initialQuiz([choice, typed, third]), wrong, { type: 'saved', grade: 'again', reviewId: 1, again: choiceAgain });
    expect(state).toMatchObject({ current: typed, queue: [third], again: [choiceAgain] });
    expect(quizProgress(state)).toEqual({ position: 2, total: 4, again: 1 });
    // A second failure due sooner is asked before the first one.
    state = run(state, wrong, { type: 'saved', grade: 'again', reviewId: 2, again: typedAgain });
    expect(state.again).toEqual([typedAgain, choiceAgain]);
    state = run(state, right, { type: 'saved', grade: 'good', reviewId: 3, again: null });
    expect(state).toMatchObject({ phase: 'asking', current: typedAgain.question, currentDue: typedAgain.due, queue: [], again: [choiceAgain] });
    expect(quizProgress(state)).toEqual({ position: 4, total: 5, again: 2 });
    state = run(state, right, { type: 'saved', grade: 'good', reviewId: 4 });
    expect(state.current).toBe(choiceAgain.question);
    state = run(state, right, { type: 'saved', grade: 'good', reviewId: 5 });
    expect(state.phase).toBe('done');
    expect(quizScore(state)).toEqual({ answered: 5, correct: 3, papers: 3 });
    expect(state.history.map((h) => h.question.id)).toEqual([choice.id, typed.id, third.id, typedAgain.question.id, choiceAgain.question.id]);
  });

  it('the re-asking is a fresh question of the same card: another seed and, when there is one, another form', () => {
    expect(choiceAgain.question.cardId).toBe(choice.cardId);
    expect(choiceAgain.question.seed).not.toBe(choice.seed);
    expect(choiceAgain.question.form).not.toBe(choice.form);
    expect(askAgainQuestion(choice, pool[0]!, pool)).toEqual(choiceAgain.question);
    const alone = [pool[0]!];
    const onlyTyped = buildQuestion(9, pool[0]!, alone, 'type-paper', 3);
    expect(askAgainQuestion(onlyTyped, pool[0]!, alone)).toMatchObject({ form: 'type-paper', cardId: 9 });
  });

  it('undo takes back the re-asking the answer queued, waiting or already on screen', () => {
    const failed = run(initialQuiz([choice, typed]), wrong, { type: 'saved', grade: 'again', reviewId: 1, again: choiceAgain });
    let state = quizReducer(failed, { type: 'undone' });
    expect(state).toMatchObject({ phase: 'asking', current: choice, currentDue: null, queue: [typed], again: [], history: [] });
    expect(quizProgress(state)).toEqual({ position: 1, total: 2, again: 0 });

    // The last question fails and its re-asking (due first) is on screen at once; undo removes it from there.
    state = run(failed, wrong, { type: 'saved', grade: 'again', reviewId: 2, again: typedAgain });
    expect(state).toMatchObject({ current: typedAgain.question, currentDue: typedAgain.due, again: [choiceAgain] });
    state = quizReducer(state, { type: 'undone' });
    expect(state).toMatchObject({ current: typed, currentDue: null, again: [choiceAgain], queue: [] });
    expect(state.history.map((h) => h.reviewId)).toEqual([1]);

    // Undoing an answer while a re-asking is on screen puts that re-asking back to wait.
    state = run(failed, right, { type: 'saved', grade: 'good', reviewId: 2 });
    expect(state.currentDue).toBe(T + 60_000);
    state = quizReducer(state, { type: 'undone' });
    expect(state).toMatchObject({ current: typed, currentDue: null, again: [choiceAgain], queue: [] });
  });
});

/**
 * The paper quiz session as a pure state machine: asking (a choice or a typed title), then
 * feedback (right or wrong, the correct answer, a suggested grade the user may override), then
 * the next question. Effects (grading, saving, undo) happen outside and come back as actions.
 */
import type { Grade } from '../../core/index.js';
import type { Question, Verdict } from '../../quiz/index.js';

export type QuizPhase = 'asking' | 'feedback' | 'done';

export interface QuizFeedback {
  verdict: Verdict;
  suggested: Grade;
  /** What the user answered, as typed or the text of the choice picked. */
  given: string;
  durationMs: number;
}

export interface QuizState {
  phase: QuizPhase;
  current: Question | null;
  queue: Question[];
  /** The title being typed, for a typed question. */
  typed: string;
  feedback: QuizFeedback | null;
  /** Saved answers, newest last, for undo. */
  history: Array<{ question: Question; reviewId: number; grade: Grade; correct: boolean }>;
  total: number;
  notice: string | null;
}

export type QuizAction =
  | { type: 'typed'; text: string }
  | { type: 'erase' }
  | { type: 'judged'; verdict: Verdict; suggested: Grade; given: string; durationMs: number }
  | { type: 'saved'; grade: Grade; reviewId: number }
  | { type: 'undone' }
  | { type: 'notice'; text: string | null };

export function initialQuiz(questions: Question[]): QuizState {
  const [current = null, ...queue] = questions;
  return {
    phase: current ? 'asking' : 'done', current, queue, typed: '', feedback: null, history: [], total: questions.length, notice: null,
  };
}

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'typed':
      return state.phase === 'asking' && state.current && !state.current.choices ? { ...state, typed: state.typed + action.text, notice: null } : state;
    case 'erase':
      return state.phase === 'asking' ? { ...state, typed: state.typed.slice(0, -1) } : state;
    case 'judged': {
      if (state.phase !== 'asking' || !state.current) return state;
      const { verdict, suggested, given, durationMs } = action;
      return { ...state, phase: 'feedback', feedback: { verdict, suggested, given, durationMs }, notice: null };
    }
    case 'saved': {
      if (state.phase !== 'feedback' || !state.current || !state.feedback) return state;
      const entry = { question: state.current, reviewId: action.reviewId, grade: action.grade, correct: state.feedback.verdict.correct };
      return next({ ...state, history: [...state.history, entry], notice: null });
    }
    case 'undone': {
      const last = state.history[state.history.length - 1];
      if (!last) return state;
      // The question on screen (not yet saved) waits behind the one asked again.
      const queue = state.current ? [state.current, ...state.queue] : state.queue;
      return {
        ...state, phase: 'asking', current: last.question, queue, typed: '', feedback: null,
        history: state.history.slice(0, -1), notice: 'undone',
      };
    }
    case 'notice':
      return { ...state, notice: action.text };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

export function quizScore(state: QuizState): { answered: number; correct: number } {
  return { answered: state.history.length, correct: state.history.filter((h) => h.correct).length };
}

function next(state: QuizState): QuizState {
  const [current = null, ...queue] = state.queue;
  return { ...state, phase: current ? 'asking' : 'done', current, queue, typed: '', feedback: null };
}

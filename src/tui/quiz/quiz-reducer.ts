/**
 * The paper quiz session as a pure state machine: asking (a choice or a typed title), then
 * feedback (right or wrong, the correct answer, a suggested grade the user may override), then
 * the next question. A card whose answer leaves it in learning with its next step due soon is
 * asked again after the other questions (like learning cards in the review). Effects (grading,
 * saving, undo) happen outside and come back as actions.
 */
import type { Grade, Question, Reasking, Verdict } from '../../core/index.js';

export type { Reasking };

export type QuizPhase = 'asking' | 'feedback' | 'done';

export interface QuizFeedback {
  verdict: Verdict;
  suggested: Grade;
  /** What the user answered, as typed or the text of the choice picked. */
  given: string;
  durationMs: number;
}


export interface HistoryEntry {
  question: Question;
  /** Set when the question was itself a re-asking (so undo puts it back as one). */
  due: number | null;
  reviewId: number;
  grade: Grade;
  correct: boolean;
  /** The re-asking this answer queued, which undo takes back out. */
  queued: Reasking | null;
}

export interface QuizState {
  phase: QuizPhase;
  current: Question | null;
  /** When `current` is a re-asking, its due time; null for a question of the session's first queue. */
  currentDue: number | null;
  /** The questions due when the session started, in order. */
  queue: Question[];
  /** Cards to ask again, by due time; they come after the queue. */
  again: Reasking[];
  /** The title being typed, for a typed question. */
  typed: string;
  feedback: QuizFeedback | null;
  /** Saved answers, newest last, for undo. */
  history: HistoryEntry[];
  notice: string | null;
}

export type QuizAction =
  | { type: 'typed'; text: string }
  | { type: 'erase' }
  | { type: 'judged'; verdict: Verdict; suggested: Grade; given: string; durationMs: number }
  | { type: 'saved'; grade: Grade; reviewId: number; again?: Reasking | null }
  | { type: 'undone' }
  | { type: 'notice'; text: string | null };

export function initialQuiz(questions: Question[]): QuizState {
  return next({ phase: 'done', current: null, currentDue: null, queue: questions, again: [], typed: '', feedback: null, history: [], notice: null });
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
      const queued = action.again ?? null;
      const entry: HistoryEntry = {
        question: state.current, due: state.currentDue, reviewId: action.reviewId, grade: action.grade, correct: state.feedback.verdict.correct, queued,
      };
      const again = queued ? byDue([...state.again, queued]) : state.again;
      return next({ ...state, current: null, currentDue: null, again, history: [...state.history, entry], notice: null });
    }
    case 'undone': {
      const last = state.history[state.history.length - 1];
      if (!last) return state;
      // The re-asking that answer queued goes away, wherever it is (on screen or waiting).
      const queuedId = last.queued?.question.id;
      let again = state.again.filter((r) => r.question.id !== queuedId);
      let queue = state.queue;
      // The question on screen (not yet saved) waits, where it came from, behind the one asked again.
      if (state.current && state.current.id !== queuedId) {
        if (state.currentDue === null) queue = [state.current, ...queue];
        else again = byDue([{ question: state.current, due: state.currentDue }, ...again]);
      }
      return {
        ...state, phase: 'asking', current: last.question, currentDue: last.due, queue, again, typed: '', feedback: null,
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

/** Answers given and right, and how many distinct papers they were about. */
export function quizScore(state: QuizState): { answered: number; correct: number; papers: number } {
  return {
    answered: state.history.length,
    correct: state.history.filter((h) => h.correct).length,
    papers: new Set(state.history.map((h) => h.question.cardId)).size,
  };
}

/**
 * What the header shows: the asking on screen, out of all askings known so far (the total grows
 * when a card is queued to be asked again), and how many of the rest are re-askings.
 */
export function quizProgress(state: QuizState): { position: number; total: number; again: number } {
  const onScreen = state.current ? 1 : 0;
  return {
    position: state.history.length + onScreen,
    total: state.history.length + onScreen + state.queue.length + state.again.length,
    again: state.again.length + (state.current && state.currentDue !== null ? 1 : 0),
  };
}

/** Next: the first queued question, else the re-asking due first; done when neither is left. */
function next(state: QuizState): QuizState {
  const base = { ...state, typed: '', feedback: null };
  const [first, ...queue] = state.queue;
  if (first) return { ...base, phase: 'asking', current: first, currentDue: null, queue };
  const [reasking, ...again] = state.again;
  if (reasking) return { ...base, phase: 'asking', current: reasking.question, currentDue: reasking.due, again };
  return { ...base, phase: 'done', current: null, currentDue: null };
}

/** Sorted by due time; equal times keep their order (the sort is stable). */
function byDue(reaskings: Reasking[]): Reasking[] {
  return [...reaskings].sort((a, b) => a.due - b.due);
}

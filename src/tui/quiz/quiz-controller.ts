/**
 * Everything the quiz screen asks of the outside world. The real one talks to a Collection
 * (createQuizController); tests can pass one over a temporary database.
 */
import { now, type Grade } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { judgeQuizAnswer, type Judgement } from '../../collection/quiz.js';
import type { Question } from '../../quiz/index.js';

export interface QuizController {
  /** Checks an answer; saves nothing. */
  judge(question: Question, answer: string, durationMs: number): Judgement;
  /** Saves the answer with the grade the user accepted or chose; returns the review log row. */
  save(cardId: number, grade: Grade, durationMs: number): { reviewId: number };
  /** Undoes a saved answer of this session. */
  undo(reviewId: number): void;
  now(): number;
}

export function createQuizController(col: Collection): QuizController {
  return {
    judge: (question, answer, durationMs) => judgeQuizAnswer(col, question, answer, durationMs),
    save: (cardId, grade, durationMs) => ({ reviewId: col.answer(cardId, grade, durationMs).reviewId }),
    undo: (reviewId) => void col.undo(reviewId),
    now,
  };
}

/**
 * Everything the quiz screen asks of the outside world. The real one talks to a Collection
 * (createQuizController); tests can pass one over a temporary database.
 */
import { now, type Grade } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { judgeQuizAnswer, reaskingAfter, type Judgement } from '../../collection/quiz.js';
import type { Question, Reasking } from '../../core/index.js';

export interface QuizController {
  /** Checks an answer; saves nothing. */
  judge(question: Question, answer: string, durationMs: number): Judgement;
  /**
   * Saves the answer with the grade the user accepted or chose; returns the review log row and,
   * when the card's next learning step falls within the session, the question to ask it again.
   */
  save(question: Question, grade: Grade, durationMs: number): { reviewId: number; again: Reasking | null };
  /** Undoes a saved answer of this session. */
  undo(reviewId: number): void;
  now(): number;
}

export function createQuizController(col: Collection): QuizController {
  return {
    judge: (question, answer, durationMs) => judgeQuizAnswer(col, question, answer, durationMs),
    save: (question, grade, durationMs) => {
      const result = col.answer(question.cardId, grade, durationMs);
      return { reviewId: result.reviewId, again: reaskingAfter(col, question, result) };
    },
    undo: (reviewId) => void col.undo({ reviewId }),
    now,
  };
}

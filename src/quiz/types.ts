/** The quiz's plain data lives in core (shared with the quiz screen); the forms are listed here. */
import type { QuestionForm } from '../core/index.js';

export type { Choice, Match, Question, QuestionForm, QuizPaper, Verdict } from '../core/index.js';

export const QUESTION_FORMS: readonly QuestionForm[] = ['choose-paper', 'choose-idea', 'type-paper'];

/** Checks an answer to a question: a choice (1-4, a-d, or its text) or a typed title. */
import { UsageError } from '../core/index.js';
import { matchTitle } from './match-title.js';
import { normalizeAnswer } from './normalize.js';
import type { Question, QuizPaper, Verdict } from './types.js';

export function checkAnswer(question: Question, answer: string, pool: readonly QuizPaper[]): Verdict {
  if (!question.choices) {
    const match = matchTitle(answer, question.answer, pool);
    return { correct: match !== 'wrong', match, picked: null };
  }
  const picked = pickedChoice(question, answer);
  const correct = question.choices[picked - 1]?.key === question.answer.key;
  return { correct, match: correct ? 'exact' : 'wrong', picked };
}

/** The 1-based choice an answer names: its number, its letter, or its text. */
export function pickedChoice(question: Question, answer: string): number {
  const choices = question.choices ?? [];
  const text = answer.trim();
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= choices.length) return Number(text);
  if (/^[a-z]$/i.test(text)) {
    const index = text.toLowerCase().charCodeAt(0) - 96;
    if (index >= 1 && index <= choices.length) return index;
  }
  const wanted = normalizeAnswer(text);
  const index = choices.findIndex((c) => normalizeAnswer(c.text) === wanted);
  if (index >= 0) return index + 1;
  throw new UsageError(`invalid answer '${answer}': expected a choice 1-${choices.length} (or its text)`);
}

/**
 * Maps a quiz result onto an FSRS grade: wrong → again; right after a long hesitation or with
 * typos → hard; right → good; right, exact and fast → easy. Typing takes longer than picking,
 * so the time limits depend on the form. Without a time (a scripted answer) right is good.
 */
import type { Grade } from '../core/index.js';
import type { Match, QuestionForm } from './types.js';

export const FAST_MS: Record<QuestionForm, number> = { 'choose-paper': 6_000, 'choose-idea': 8_000, 'type-paper': 12_000 };
export const SLOW_MS: Record<QuestionForm, number> = { 'choose-paper': 25_000, 'choose-idea': 30_000, 'type-paper': 45_000 };

export function suggestGrade(result: { form: QuestionForm; match: Match; durationMs: number | null }): Grade {
  if (result.match === 'wrong') return 'again';
  const ms = result.durationMs;
  if (result.match === 'typo' || (ms !== null && ms > SLOW_MS[result.form])) return 'hard';
  if (ms !== null && ms <= FAST_MS[result.form]) return 'easy';
  return 'good';
}

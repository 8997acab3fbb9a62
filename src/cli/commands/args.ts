/** Argument parsers shared by the commands: one-line usage errors that name the bad value. */
import { UsageError, type Grade } from '../../core/index.js';

const GRADE_NAMES: Record<string, Grade> = { again: 'again', hard: 'hard', good: 'good', easy: 'easy', '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };

export function parseGrade(value: string): Grade {
  const grade = GRADE_NAMES[value.toLowerCase()];
  if (!grade) throw new UsageError(`invalid rating '${value}': expected again|hard|good|easy or 1-4`);
  return grade;
}

export function parseCardId(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`invalid card id '${value}': expected a number`);
  return Number(value);
}

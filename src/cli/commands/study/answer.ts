/** `engram answer ID RATING`: answers one card outside the review screen. */
import { UsageError } from '../../../core/index.js';
import type { Collection } from '../../../collection/index.js';
import { printJson, shortDate } from '../../format.js';
import { parseCardId, parseGrade } from '../args.js';

export function answerCommand(col: Collection, id: string, rating: string, opts: { json?: boolean; durationMs?: string }): void {
  const grade = parseGrade(rating);
  const duration = opts.durationMs === undefined ? null : Number(opts.durationMs);
  if (duration !== null && (!Number.isFinite(duration) || duration < 0)) throw new UsageError(`invalid --duration-ms '${opts.durationMs}'`);
  const result = col.answer(parseCardId(id), grade, duration);
  const out = {
    id: result.card.id,
    grade,
    state: result.memory.state,
    due: new Date(result.memory.due).toISOString(),
    stability: result.memory.stability,
    difficulty: result.memory.difficulty,
    interval_days: Math.round(result.intervalDays * 10000) / 10000,
    leech: result.leech,
    suspended: result.card.suspended,
  };
  if (opts.json) return printJson(out);
  process.stdout.write(`card ${out.id}: ${grade} → ${out.state}, due ${shortDate(result.memory.due)}${result.leech ? ' (leech)' : ''}\n`);
}

/** `engram accept` / `engram reject`: decisions on suggestions, for scripts. */
import { UsageError } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { decide, listSuggestions, suggestionsWaiting, type Decision } from '../../collection/suggestions.js';
import { printJson } from '../format.js';
import { parseCardId } from './args.js';

export function decideCommand(col: Collection, decision: Decision, ids: string[], opts: { note?: string; json?: boolean }): void {
  if (ids.length === 0 && opts.note === undefined) throw new UsageError(`${decision}: give card ids or --note FILE`);
  const wanted = ids.map(parseCardId);
  if (opts.note !== undefined) wanted.push(...listSuggestions(col, { note: opts.note }).map((c) => c.id));
  const result = decide(col, wanted, decision);
  const done = decision === 'accept' ? 'accepted' : 'rejected';
  const waiting = suggestionsWaiting(col);
  if (opts.json) {
    return printJson({ [done]: result.changed.length, unchanged: result.unchanged.length, cards: result.changed.map((c) => c.id), suggestions: waiting });
  }
  const n = result.changed.length;
  const already = result.unchanged.length > 0 ? ` (${result.unchanged.length} already ${done})` : '';
  process.stdout.write(`${done} ${n} card${n === 1 ? '' : 's'}${already}; ${waiting} suggestion${waiting === 1 ? '' : 's'} waiting\n`);
}

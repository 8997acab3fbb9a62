/** `engram due`: today's queue and its counts, optionally narrowed by a query. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, cardLine, printJson, shortDate } from '../../format.js';

export function dueCommand(col: Collection, opts: { deck?: string; query?: string; json?: boolean }): void {
  const { cards, counts } = col.queue(opts.deck, opts.query);
  if (opts.json) return printJson({ counts, cards: cards.map(cardJson) });
  process.stdout.write(`new ${counts.new} · learning ${counts.learning} · review ${counts.review}\n`);
  for (const card of cards) process.stdout.write(`${cardLine(card)}\n`);
  if (cards.length === 0) {
    const next = opts.query === undefined ? col.nextDueTime() : null;
    process.stdout.write(next ? `Nothing due now. Next card due ${shortDate(next)} UTC.\n` : opts.query === undefined ? 'Nothing due.\n' : 'Nothing due matches the query.\n');
  }
}

/** `engram due`: today's queue and its counts. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, cardLine, printJson, shortDate } from '../../format.js';

export function dueCommand(col: Collection, opts: { deck?: string; json?: boolean }): void {
  const { cards, counts } = col.queue(opts.deck);
  if (opts.json) return printJson({ counts, cards: cards.map(cardJson) });
  process.stdout.write(`new ${counts.new} · learning ${counts.learning} · review ${counts.review}\n`);
  for (const card of cards) process.stdout.write(`${cardLine(card)}\n`);
  if (cards.length === 0) {
    const next = col.nextDueTime();
    process.stdout.write(next ? `Nothing due now. Next card due ${shortDate(next)} UTC.\n` : 'Nothing due.\n');
  }
}

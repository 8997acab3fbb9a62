/** `engram add`: a card typed on the command line. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, printJson, safeText } from '../../format.js';

export function addCommand(col: Collection, opts: { deck: string; front: string; back: string; json?: boolean }): void {
  const card = col.addCard(opts.deck, opts.front, opts.back);
  if (opts.json) return printJson(cardJson(card));
  process.stdout.write(`added card ${card.id} to ${safeText(card.deck)}\n`);
}

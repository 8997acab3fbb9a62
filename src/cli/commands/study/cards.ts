/** `engram cards`: the cards of a deck or matching a search. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, cardLine, printJson } from '../../format.js';

export function cardsCommand(col: Collection, opts: { deck?: string; search?: string; json?: boolean }): void {
  const cards = col.cards({ ...(opts.deck ? { deck: opts.deck } : {}), ...(opts.search ? { search: opts.search } : {}) });
  if (opts.json) return printJson(cards.map(cardJson));
  for (const card of cards) process.stdout.write(`${cardLine(card)}\n`);
  process.stdout.write(`${cards.length} card${cards.length === 1 ? '' : 's'}\n`);
}

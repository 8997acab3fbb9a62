/** `engram cards`: the cards of a deck, matching a word or phrase, or selected by a query. */
import { UsageError } from '../../../core/index.js';
import { SEARCH_ORDERS, type Collection, type SearchOrder } from '../../../collection/index.js';
import { cardJson, cardLine, printJson } from '../../format.js';

export interface CardsOptions {
  deck?: string;
  search?: string;
  query?: string;
  order?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
}

export function cardsCommand(col: Collection, opts: CardsOptions): void {
  const order = opts.order?.toLowerCase();
  if (order !== undefined && !(SEARCH_ORDERS as readonly string[]).includes(order)) {
    throw new UsageError(`invalid --order '${opts.order}': expected ${SEARCH_ORDERS.join(', ')}`);
  }
  const limit = count(opts.limit, '--limit');
  const offset = count(opts.offset, '--offset');
  const { cards, total } = col.cardsPage({
    ...(opts.deck ? { deck: opts.deck } : {}),
    ...(opts.search ? { search: opts.search } : {}),
    ...(opts.query !== undefined ? { query: opts.query } : {}),
    ...(order ? { order: order as SearchOrder } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(offset !== undefined ? { offset } : {}),
  });
  if (opts.json) return printJson(cards.map(cardJson));
  for (const card of cards) process.stdout.write(`${cardLine(card)}\n`);
  const shown = cards.length === total ? '' : ` (${cards.length} shown)`;
  process.stdout.write(`${total} card${total === 1 ? '' : 's'}${shown}\n`);
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`invalid ${flag} '${value}': expected a whole number`);
  return Number(value);
}

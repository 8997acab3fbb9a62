/**
 * The search language as a use-case: parse the query (src/query, pure), measure its relative
 * terms from now and today's study day, and hand the tree to the store, which runs it as one
 * parameterised SQL query. A query that cannot be read throws BadQueryError with its column.
 */
import { BadQueryError, DEFAULT_DECK_OPTIONS, dayStart, nextDayStart, now, type Card, type QueryNode } from '../core/index.js';
import { parseQuery } from '../query/index.js';
import { forgettingCurve } from '../scheduler/index.js';
import type { SearchClock, SearchOrder, SearchScope } from '../store/index.js';
import type { Collection } from './collection.js';
import { schedulerOptions } from './deck-options.js';

export interface FindOptions {
  limit?: number;
  offset?: number;
  order?: SearchOrder;
}

/** The tree of a query, or BadQueryError naming `flag` and the column. */
export function parseOrThrow(query: string, flag = '--query'): QueryNode {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new BadQueryError(parsed.error, flag);
  return parsed.tree;
}

/** The moments relative terms are measured from: now, and the study day of the default rollover hour. */
export function searchClock(col: Collection): SearchClock {
  const time = now();
  const rollover = DEFAULT_DECK_OPTIONS.rolloverHour;
  const curves = new Map<number, (elapsedDays: number, stability: number) => number>();
  return {
    now: time,
    todayStart: dayStart(time, rollover),
    tomorrowStart: nextDayStart(time, rollover),
    retrievability: (elapsedDays, stability, deckId) => {
      let curve = curves.get(deckId);
      if (!curve) curves.set(deckId, (curve = forgettingCurve(schedulerOptions(col.deckOptions(deckId)))));
      return curve(elapsedDays, stability);
    },
  };
}

export function findCards(col: Collection, query: string | QueryNode, opts: FindOptions & Pick<SearchScope, 'ids' | 'deckIds' | 'studyable'> = {}): { cards: Card[]; total: number } {
  const tree = typeof query === 'string' ? parseOrThrow(query) : query;
  const clock = searchClock(col);
  return col.store.readTransaction(() => {
    const cards = col.store.searchCards(tree, clock, opts);
    const paged = opts.limit !== undefined || (opts.offset ?? 0) > 0;
    const { limit: _limit, offset: _offset, order: _order, ...scope } = opts;
    const total = paged ? col.store.countCards(tree, clock, scope) : cards.length;
    return { cards, total };
  });
}

export function countCards(col: Collection, query: string | QueryNode): number {
  const tree = typeof query === 'string' ? parseOrThrow(query) : query;
  return col.store.countCards(tree, searchClock(col));
}

/** The review queue's reads: which cards are due, new or learning, and what was answered since a time. */
import type { Card } from '../../core/index.js';
import { allCards } from '../rows.js';
import type { Prepared } from '../statements.js';
import { CARD_SELECT } from './cards.js';

/**
 * core's siblingKeyOf in SQL: an Anki card's item key `anki:<note>:<ord>` stands for its note
 * (`anki:<note>`), any other key for itself. (GLOB's [0-9] and the colon count make it exactly
 * /^anki:\d+:\d+$/; the store tests hold it to siblingKeyOf.)
 */
export function siblingKeySql(column: string): string {
  return `CASE WHEN ${column} GLOB 'anki:[0-9]*:[0-9]*' AND substr(${column}, 6) NOT GLOB '*[^0-9:]*'
    AND length(${column}) - length(replace(${column}, ':', '')) = 2
    THEN substr(${column}, 1, 4 + instr(substr(${column}, 6), ':')) ELSE ${column} END`;
}

/** The table's named statements; the store prepares each on first use. */
export const QUEUE_SQL = {
  // Paper quiz cards (kind 'paper') are asked only by `engram quiz papers`: the review queue skips them.
  // Suggestions and rejected prose cards (status other than 'accepted') are never in the queue.
  learningDue: `
    ${CARD_SELECT} WHERE c.state IN ('learning','relearning') AND c.retired = 0 AND c.suspended = 0
      AND c.due < ? AND c.buried_until <= ? AND c.kind != 'paper' AND c.status = 'accepted' ORDER BY c.due, c.id`,
  reviewDue: `
    ${CARD_SELECT} WHERE c.deck_id = ? AND c.state = 'review' AND c.retired = 0 AND c.suspended = 0
      AND c.due < ? AND c.buried_until <= ? AND c.kind != 'paper' AND c.status = 'accepted' ORDER BY c.due, c.id LIMIT ?`,
  newCards: `
    ${CARD_SELECT} WHERE c.deck_id = ? AND c.state = 'new' AND c.retired = 0 AND c.suspended = 0
      AND c.buried_until <= ? AND c.kind != 'paper' AND c.status = 'accepted' ORDER BY c.new_position LIMIT ?`,
  reviewDueCount: `
    SELECT COUNT(*) AS n FROM cards WHERE deck_id = ? AND state = 'review' AND retired = 0 AND suspended = 0
      AND due < ? AND buried_until <= ? AND kind != 'paper' AND status = 'accepted'`,
  // The counts of \`engram decks\`: the same conditions as above, reading no more than the limits let show.
  reviewDueKeys: `
    SELECT id, deck_id, item_key, due FROM cards INDEXED BY cards_review_keys WHERE deck_id = ? AND state = 'review' AND retired = 0 AND suspended = 0
      AND due < ? AND buried_until <= ? AND kind != 'paper' AND status = 'accepted' ORDER BY due, id LIMIT ?`,
  newCardKeys: `
    SELECT id, deck_id, item_key, due FROM cards WHERE deck_id = ? AND state = 'new' AND retired = 0 AND suspended = 0
      AND buried_until <= ? AND kind != 'paper' AND status = 'accepted' ORDER BY new_position LIMIT ?`,
  // One deck's share of today counted in SQLite, without a row for each card: the one-per-note-item
  // reviews among the first @reviews due (reviewDueKeys), the note items of the first @newFetch
  // new cards (newCardKeys) that no kept review shares, and the first of each.
  deckToday: `
    WITH r AS MATERIALIZED (
      SELECT id, due, ${siblingKeySql('item_key')} AS sibling FROM cards INDEXED BY cards_review_keys WHERE deck_id = @deck AND state = 'review' AND retired = 0 AND suspended = 0
        AND due < @dayEnd AND buried_until <= @now AND kind != 'paper' AND status = 'accepted' ORDER BY due, id LIMIT @reviews),
    n AS MATERIALIZED (
      SELECT id, ${siblingKeySql('item_key')} AS sibling FROM cards WHERE deck_id = @deck AND state = 'new' AND retired = 0 AND suspended = 0
        AND buried_until <= @now AND kind != 'paper' AND status = 'accepted' ORDER BY new_position LIMIT @newFetch)
    SELECT (SELECT COUNT(DISTINCT sibling) FROM r) AS reviews,
      (SELECT COUNT(DISTINCT sibling) FROM n WHERE sibling NOT IN (SELECT sibling FROM r)) AS news,
      (SELECT id FROM r LIMIT 1) AS first_review, (SELECT due FROM r LIMIT 1) AS first_review_due,
      (SELECT id FROM n LIMIT 1) AS first_new`,
  // The review's first frame: whole cards for the few shown first, by id.
  cardsByIds: `${CARD_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`,
  learningDueTimes: `
    SELECT deck_id, due FROM cards WHERE state IN ('learning','relearning') AND retired = 0 AND suspended = 0
      AND due < ? AND buried_until <= ? AND kind != 'paper' AND status = 'accepted'`,
  nextDue: `
    SELECT MIN(due) AS due FROM cards WHERE state != 'new' AND retired = 0 AND suspended = 0 AND due >= ? AND kind != 'paper' AND status = 'accepted'`,
  // From the log's own deck column (migration 15: its card's deck, kept by triggers), index only.
  answeredToday: `
    SELECT deck_id, state_before, COUNT(DISTINCT card_id) AS n FROM reviews INDEXED BY reviews_answered
    WHERE reviewed_at >= ? GROUP BY deck_id, state_before`,
  // The same counts through the cards' decks: what answeredToday must equal (tests).
  answeredTodayJoined: `
    SELECT c.deck_id, r.state_before, COUNT(DISTINCT r.card_id) AS n FROM reviews r JOIN cards c ON c.id = r.card_id
    WHERE r.reviewed_at >= ? GROUP BY c.deck_id, r.state_before`,
} as const;

type Statements = Prepared<keyof typeof QUEUE_SQL>;

export function learningDue(s: Statements, before: number, now: number): Card[] {
  return allCards(s.stmt('learningDue'), before, now);
}

export function reviewDue(s: Statements, deckId: number, before: number, now: number, limit: number): Card[] {
  if (limit <= 0) return [];
  return allCards(s.stmt('reviewDue'), deckId, before, now, limit);
}

export function newCards(s: Statements, deckId: number, now: number, limit: number): Card[] {
  if (limit <= 0) return [];
  return allCards(s.stmt('newCards'), deckId, now, limit);
}

export function reviewDueCount(s: Statements, deckId: number, before: number, now: number): number {
  return (s.stmt('reviewDueCount').get(deckId, before, now) as { n: number }).n;
}

/** What orders a card in today's queue without the card itself: its id, deck, note item, due time and state. */
export interface CardKey {
  id: number;
  deckId: number;
  itemKey: string;
  due: number;
  state: 'review' | 'new';
}

/** Rows as arrays in the statements' column order (id, deck_id, item_key, due): no per-column row objects. */
type KeyRow = [id: number, deckId: number, itemKey: string, due: number];

function keysOf(rows: KeyRow[], state: CardKey['state']): CardKey[] {
  const out = new Array<CardKey>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = { id: r[0], deckId: r[1], itemKey: r[2], due: r[3], state };
  }
  return out;
}

/** The keys of the review cards reviewDue would return, in the same order. */
export function reviewDueKeys(s: Statements, deckId: number, before: number, now: number, limit: number): CardKey[] {
  if (limit <= 0) return [];
  return keysOf(s.stmt('reviewDueKeys').raw(true).all(deckId, before, now, limit) as KeyRow[], 'review');
}

/** The keys of the new cards newCards would return, in the same order. */
export function newCardKeys(s: Statements, deckId: number, now: number, limit: number): CardKey[] {
  if (limit <= 0) return [];
  return keysOf(s.stmt('newCardKeys').raw(true).all(deckId, now, limit) as KeyRow[], 'new');
}

/** What deckToday counts for one deck: see the statement. */
export interface DeckTodayCounts {
  /** Review cards kept today, one per note item. */
  reviews: number;
  /** Note items among the new cards fetched that no kept review shares (the daily limit not applied). */
  newItems: number;
  /** The first kept review (the earliest due), if any. */
  firstReview: { id: number; due: number } | null;
  /** The first new card fetched, if any. */
  firstNew: number | null;
}

export function deckToday(s: Statements, deckId: number, dayEnd: number, now: number, reviews: number, newFetch: number): DeckTodayCounts {
  const row = s.stmt('deckToday').get({ deck: deckId, dayEnd, now, reviews: Math.max(0, reviews), newFetch: Math.max(0, newFetch) }) as {
    reviews: number; news: number; first_review: number | null; first_review_due: number | null; first_new: number | null;
  };
  return {
    reviews: row.reviews,
    newItems: row.news,
    firstReview: row.first_review === null ? null : { id: row.first_review, due: row.first_review_due! },
    firstNew: row.first_new,
  };
}

/** Whole cards by id, in the order of `ids` (an id with no card is left out). */
export function cardsByIds(s: Statements, ids: readonly number[]): Card[] {
  if (ids.length === 0) return [];
  const byId = new Map(allCards(s.stmt('cardsByIds'), JSON.stringify(ids)).map((card) => [card.id, card]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Deck and due time of the cards learningDue would return. */
export function learningDueTimes(s: Statements, before: number, now: number): Array<{ deckId: number; due: number }> {
  const rows = s.stmt('learningDueTimes').all(before, now) as Array<{ deck_id: number; due: number }>;
  return rows.map((r) => ({ deckId: r.deck_id, due: r.due }));
}

/** Earliest due time at or after `after` of a studied, active card. */
export function nextDue(s: Statements, after: number): number | null {
  return (s.stmt('nextDue').get(after) as { due: number | null }).due;
}

/** Distinct cards answered since `since`, per deck, split by their state before the answer. */
export function answeredSince(s: Statements, since: number, joined = false): Array<{ deckId: number; stateBefore: string; count: number }> {
  const rows = s.stmt(joined ? 'answeredTodayJoined' : 'answeredToday').all(since) as Array<{ deck_id: number; state_before: string; n: number }>;
  return rows.map((r) => ({ deckId: r.deck_id, stateBefore: r.state_before, count: r.n }));
}

/** The cards table: one card's content, schedule and status, and lookups by note, sibling and search. */
import { siblingKeyOf, type Card, type CardSchedule, type CardStatus, type Memory, type TagEdits } from '../../core/index.js';
import { allCards, firstCard, memoryToParams } from '../rows.js';
import type { Prepared } from '../statements.js';

/** What import and `add` write about a card's content: the Card fields that come from the note. */
export type CardContent = Pick<Card, 'deckId' | 'noteId' | 'kind' | 'front' | 'back' | 'source' | 'breadcrumb' | 'itemKey' | 'tags' | 'typeIn'>;

export interface NewCard extends CardContent {
  memory: Memory;
  createdAt: number;
  /** Default 'accepted': only prose cards start as suggestions. */
  status?: CardStatus;
}

/** The name the store's callers knew before the schedule became core's type. */
export type CardScheduleUpdate = CardSchedule;

export const CARD_SELECT = `SELECT c.*, d.name AS deck_name, EXISTS (SELECT 1 FROM examples e WHERE e.card_id = c.id) AS has_example
  FROM cards c JOIN decks d ON d.id = c.deck_id`;

/** The table's named statements; the store prepares each on first use. */
export const CARDS_SQL = {
  cardById: `${CARD_SELECT} WHERE c.id = ?`,
  insertCard: `
    INSERT INTO cards (deck_id, note_id, kind, front, back, source_file, source_line, breadcrumb, item_key, tags,
      state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, last_review,
      new_position, created_at, modified_at, status, type_in)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
      (SELECT COALESCE(MAX(new_position), 0) + 1 FROM cards), ?, ?, ?, ?)`,
  updateCardContent: `
    UPDATE cards SET deck_id = @deck_id, note_id = @note_id, kind = @kind, front = @front, back = @back,
      source_file = @source_file, source_line = @source_line, breadcrumb = @breadcrumb, item_key = @item_key,
      tags = @tags, type_in = @type_in, retired = 0, modified_at = @modified_at
    WHERE id = @id`,
  updateCardMemory: `
    UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
      elapsed_days = @elapsed_days, scheduled_days = @scheduled_days, learning_steps = @learning_steps,
      reps = @reps, lapses = @lapses, last_review = @last_review, suspended = @suspended, tags = @tags,
      buried_until = @buried_until, seen_front = @seen_front, seen_back = @seen_back, modified_at = @modified_at
    WHERE id = @id`,
  setSuspended: `UPDATE cards SET suspended = ?, modified_at = ? WHERE id = ?`,
  setFlag: `UPDATE cards SET flag = ?, modified_at = ? WHERE id = ?`,
  setTags: `UPDATE cards SET tags = ?, tag_edits = ?, modified_at = ? WHERE id = ?`,
  setCardMemory: `
    UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty,
      elapsed_days = @elapsed_days, scheduled_days = @scheduled_days, learning_steps = @learning_steps,
      reps = @reps, lapses = @lapses, last_review = @last_review, modified_at = @modified_at
    WHERE id = @id`,
  setBuriedUntil: `UPDATE cards SET buried_until = ?, modified_at = ? WHERE id = ?`,
  maxCardId: `SELECT COALESCE(MAX(id), 0) AS id FROM cards`,
  indexCard: `INSERT INTO cards_fts (rowid, front, back) SELECT id, front, back FROM cards WHERE id = ?`,
  indexCardsAfter: `INSERT INTO cards_fts (rowid, front, back) SELECT id, front, back FROM cards WHERE id > ?`,
  retireCard: `UPDATE cards SET retired = 1, modified_at = ? WHERE id = ?`,
  setCardStatus: `UPDATE cards SET status = ?, modified_at = ? WHERE id = ?`,
  suggestions: `
    ${CARD_SELECT} WHERE c.status = 'suggested' AND c.retired = 0 AND (@decks IS NULL OR c.deck_id IN (SELECT value FROM json_each(@decks)))
      AND (@note IS NULL OR c.note_id = @note)
    ORDER BY c.source_file, c.source_line, c.id`,
  suggestionCount: `SELECT COUNT(*) AS n FROM cards WHERE status = 'suggested' AND retired = 0 AND (@decks IS NULL OR deck_id IN (SELECT value FROM json_each(@decks)))`,
  // The whole collection's: the partial index cards_suggested holds only suggestions, where the
  // planner's own choice (the covering cards_deck_counts) reads every live card.
  suggestionCountAll: `SELECT COUNT(*) AS n FROM cards INDEXED BY cards_suggested WHERE status = 'suggested' AND retired = 0`,
  cardsOfNote: `${CARD_SELECT} WHERE c.note_id = ? ORDER BY c.id`,
  liveCardCountOfNote: `SELECT COUNT(*) AS n FROM cards WHERE note_id = ? AND retired = 0`,
  // Two seeks on cards_item (the key itself; an Anki note's `anki:<nid>:` key range), never a
  // scan of the deck: the unary + keeps SQLite off cards_deck_counts, which would read every
  // new and review card of the deck to find the one or two with this key.
  siblingIds: `
    SELECT id, buried_until FROM cards
    WHERE deck_id = @deck AND item_key = @key AND id != @card AND retired = 0 AND +suspended = 0
      AND +state IN ('new', 'review') AND buried_until < @until AND +status = 'accepted'
    UNION
    SELECT id, buried_until FROM cards
    WHERE deck_id = @deck AND item_key >= @low AND item_key < @high AND item_key GLOB @pattern AND id != @card AND retired = 0
      AND +suspended = 0 AND +state IN ('new', 'review') AND buried_until < @until AND +status = 'accepted'
    ORDER BY id`,
} as const;

type Statements = Prepared<keyof typeof CARDS_SQL>;

export function getCard(s: Statements, id: number): Card | null {
  return firstCard(s.stmt('cardById'), id);
}

export function insertCard(s: Statements, card: NewCard): number {
  // Positional parameters: binding by name costs a third of an import's inserts.
  const m = card.memory;
  const result = s.stmt('insertCard').run(
    card.deckId, card.noteId, card.kind, card.front, card.back, card.source?.file ?? null, card.source?.line ?? null,
    JSON.stringify(card.breadcrumb), card.itemKey, JSON.stringify(card.tags),
    m.state, m.due, m.stability, m.difficulty, m.elapsedDays, m.scheduledDays, m.learningSteps, m.reps, m.lapses, m.lastReview,
    card.createdAt, card.createdAt, card.status ?? 'accepted', card.typeIn ? 1 : 0,
  );
  const id = Number(result.lastInsertRowid);
  indexInsertedCard(s, id);
  return id;
}

export function updateCardContent(s: Statements, id: number, content: CardContent, modifiedAt: number): void {
  s.stmt('updateCardContent').run({ ...contentParams(content), id, modified_at: modifiedAt });
}

export function updateCardSchedule(s: Statements, id: number, update: CardSchedule, modifiedAt: number): void {
  s.stmt('updateCardMemory').run({
    ...memoryToParams(update.memory),
    id,
    suspended: update.suspended ? 1 : 0,
    tags: JSON.stringify(update.tags),
    buried_until: update.buriedUntil,
    seen_front: update.seenFront,
    seen_back: update.seenBack,
    modified_at: modifiedAt,
  });
}

/** Sets a card's flag (0: none, 1–4: a colour). */
export function setFlag(s: Statements, id: number, flag: number, modifiedAt: number): void {
  s.stmt('setFlag').run(flag, modifiedAt, id);
}

export function setSuspended(s: Statements, id: number, suspended: boolean, modifiedAt: number): void {
  s.stmt('setSuspended').run(suspended ? 1 : 0, modifiedAt, id);
}

/** The card's tags (as shown and searched) and the user's own edits that produced them. */
export function setTags(s: Statements, id: number, tags: string[], edits: TagEdits, modifiedAt: number): void {
  s.stmt('setTags').run(JSON.stringify(tags), JSON.stringify(edits), modifiedAt, id);
}

/** Only the FSRS memory (state, due, stability …): forget, reschedule and their undo. */
export function setCardMemory(s: Statements, id: number, memory: Memory, modifiedAt: number): void {
  s.stmt('setCardMemory').run({ ...memoryToParams(memory), id, modified_at: modifiedAt });
}

export function setBuriedUntil(s: Statements, id: number, until: number, modifiedAt: number): void {
  s.stmt('setBuriedUntil').run(until, modifiedAt, id);
}

export function retireCard(s: Statements, id: number, modifiedAt: number): void {
  s.stmt('retireCard').run(modifiedAt, id);
}

export function setCardStatus(s: Statements, id: number, status: CardStatus, modifiedAt: number): void {
  s.stmt('setCardStatus').run(status, modifiedAt, id);
}

/** Live suggestions in note order (file, line), optionally of one deck or one note. */
export function suggestions(s: Statements, filter: { deckIds?: readonly number[]; noteId?: number } = {}): Card[] {
  return allCards(s.stmt('suggestions'), { decks: filter.deckIds ? JSON.stringify(filter.deckIds) : null, note: filter.noteId ?? null });
}

export function suggestionCount(s: Statements, deckIds?: readonly number[]): number {
  if (!deckIds) return (s.stmt('suggestionCountAll').get() as { n: number }).n;
  return (s.stmt('suggestionCount').get({ decks: JSON.stringify(deckIds) }) as { n: number }).n;
}

export function cardsOfNote(s: Statements, noteId: number): Card[] {
  return allCards(s.stmt('cardsOfNote'), noteId);
}

export function liveCardCountOfNote(s: Statements, noteId: number): number {
  return (s.stmt('liveCardCountOfNote').get(noteId) as { n: number }).n;
}

/** Unburied new/review siblings of a card (same deck and note item). */
export function siblingsToBury(s: Statements, card: Card, until: number): Array<{ id: number; buriedUntil: number }> {
  const group = siblingKeyOf(card.itemKey);
  // An Anki card's siblings share its note id: `anki:<nid>:*`; other keys match exactly.
  const pattern = group === card.itemKey ? '' : `${group}:*`;
  // The GLOB's literal prefix as a key range (`:` + 1 is `;`); empty when only the key matches.
  const [low, high] = pattern === '' ? ['', ''] : [`${group}:`, `${group};`];
  const rows = s.stmt('siblingIds').all({
    deck: card.deckId, key: card.itemKey, pattern, low, high, card: card.id, until,
  }) as Array<{ id: number; buried_until: number }>;
  return rows.map((r) => ({ id: r.id, buriedUntil: r.buried_until }));
}

/** Cards matching a filter, for `engram cards`. Built here so the SQL stays in the store. */
export function findCards(s: Statements, filter: { deckId?: number; deckIds?: readonly number[]; search?: string; includeRetired?: boolean; limit?: number }): Card[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeRetired) where.push("c.retired = 0 AND c.status != 'rejected'");
  if (filter.deckId !== undefined) {
    where.push('c.deck_id = ?');
    params.push(filter.deckId);
  }
  if (filter.deckIds !== undefined) {
    where.push('c.deck_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.deckIds));
  }
  if (filter.search) {
    where.push(`(c.front LIKE ? ESCAPE '\\' OR c.back LIKE ? ESCAPE '\\')`);
    const like = `%${filter.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    params.push(like, like);
  }
  const sql = `${CARD_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id${filter.limit ? ` LIMIT ${Math.floor(filter.limit)}` : ''}`;
  return allCards(s.db.prepare(sql), ...params);
}

function contentParams(card: CardContent) {
  return {
    deck_id: card.deckId,
    note_id: card.noteId,
    kind: card.kind,
    front: card.front,
    back: card.back,
    source_file: card.source?.file ?? null,
    source_line: card.source?.line ?? null,
    breadcrumb: JSON.stringify(card.breadcrumb),
    item_key: card.itemKey,
    tags: JSON.stringify(card.tags),
    type_in: card.typeIn ? 1 : 0,
  };
}

/**
 * Bulk writes whose new cards join the search index in one statement at the end (an import
 * batch, a restore): indexing each insert on its own costs several times the insert. Nested
 * calls join the outer one. Call inside a transaction, so no reader sees a card unindexed.
 */
export function withSearchIndexDeferred<T>(s: Statements, write: () => T): T {
  if (deferring.has(s)) return write();
  const before = (s.stmt('maxCardId').get() as { id: number }).id;
  deferring.add(s);
  try {
    const result = write();
    s.stmt('indexCardsAfter').run(before);
    return result;
  } finally {
    deferring.delete(s);
  }
}

/** The statement sets inside withSearchIndexDeferred: their inserts are indexed at its end. */
const deferring = new WeakSet<Statements>();

/** Adds an inserted card to the search index, unless a bulk write will index it at its end. */
export function indexInsertedCard(s: Statements, id: number): void {
  if (!deferring.has(s)) s.stmt('indexCard').run(id);
}

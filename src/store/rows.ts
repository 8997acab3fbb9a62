/** Row ⇄ core type mapping, one function per table. */
import type { Statement } from 'better-sqlite3';
import type { Card, CardKind, CardState, CardStatus, Deck, Grade, Memory, Review } from '../core/index.js';

export interface CardRow {
  id: number;
  deck_id: number;
  deck_name: string;
  note_id: number | null;
  kind: string;
  front: string;
  back: string;
  source_file: string | null;
  source_line: number | null;
  breadcrumb: string;
  item_key: string;
  tags: string;
  state: string;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: number | null;
  suspended: number;
  buried_until: number;
  retired: number;
  new_position: number;
  created_at: number;
  modified_at: number;
  seen_front: string | null;
  seen_back: string | null;
  has_example: number;
  status: string;
  flag: number;
  tag_edits?: string;
  type_in?: number;
}

/** A JSON list column; most cards have none, read without the parser. */
const parseList = (json: string): string[] => (json === '[]' ? [] : (JSON.parse(json) as string[]));

/** tag_edits as a card without edits by hand stores it (the column's default). */
const NO_TAG_EDITS = '{"add":[],"remove":[]}';

/** Where each column of a card query's result is, by name. */
type CardColumns = Record<keyof CardRow, number>;

const cardColumns = new WeakMap<Statement, CardColumns>();

/**
 * A card query's rows, read as arrays and made into row objects by one object literal: for a
 * 35-column card row better-sqlite3's own objects (built column by column in native code) cost
 * about twice as much, which counts when a query returns thousands (`engram due` at its limits
 * in 100 decks).
 */
export function allCardRows(statement: Statement, ...params: unknown[]): CardRow[] {
  let at = cardColumns.get(statement);
  if (!at) {
    const names = statement.columns().map((c) => c.name);
    at = Object.fromEntries(names.map((name, i) => [name, i])) as CardColumns;
    cardColumns.set(statement, at);
  }
  const columns = at;
  return (statement.raw(true).all(...params) as unknown[][]).map((v) => cardRowOf(v, columns));
}

/** One row's values as a CardRow; a column the query lacks is undefined. */
function cardRowOf(v: unknown[], at: CardColumns): CardRow {
  return {
    id: v[at.id] as number, deck_id: v[at.deck_id] as number, deck_name: v[at.deck_name] as string, note_id: v[at.note_id] as number | null,
    kind: v[at.kind] as string, front: v[at.front] as string, back: v[at.back] as string,
    source_file: v[at.source_file] as string | null, source_line: v[at.source_line] as number | null,
    breadcrumb: v[at.breadcrumb] as string, item_key: v[at.item_key] as string, tags: v[at.tags] as string,
    state: v[at.state] as string, due: v[at.due] as number, stability: v[at.stability] as number, difficulty: v[at.difficulty] as number,
    elapsed_days: v[at.elapsed_days] as number, scheduled_days: v[at.scheduled_days] as number, learning_steps: v[at.learning_steps] as number,
    reps: v[at.reps] as number, lapses: v[at.lapses] as number, last_review: v[at.last_review] as number | null,
    suspended: v[at.suspended] as number, buried_until: v[at.buried_until] as number, retired: v[at.retired] as number,
    new_position: v[at.new_position] as number, created_at: v[at.created_at] as number, modified_at: v[at.modified_at] as number,
    seen_front: v[at.seen_front] as string | null, seen_back: v[at.seen_back] as string | null, has_example: v[at.has_example] as number,
    status: v[at.status] as string, flag: v[at.flag] as number, tag_edits: v[at.tag_edits] as string | undefined, type_in: v[at.type_in] as number | undefined,
  };
}

export function rowToCard(row: CardRow): Card {
  return {
    id: row.id,
    deckId: row.deck_id,
    deck: row.deck_name,
    noteId: row.note_id,
    kind: row.kind as CardKind,
    front: row.front,
    back: row.back,
    source: row.source_file === null ? null : { file: row.source_file, line: row.source_line ?? 1 },
    breadcrumb: parseList(row.breadcrumb),
    itemKey: row.item_key,
    tags: parseList(row.tags),
    memory: rowToMemory(row),
    suspended: row.suspended === 1,
    buriedUntil: row.buried_until,
    retired: row.retired === 1,
    newPosition: row.new_position,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    seenFront: row.seen_front,
    seenBack: row.seen_back,
    hasExample: row.has_example === 1,
    flag: row.flag ?? 0,
    ...(row.type_in === 1 ? { typeIn: true } : {}),
    tagEdits: row.tag_edits && row.tag_edits !== NO_TAG_EDITS ? (JSON.parse(row.tag_edits) as { add: string[]; remove: string[] }) : { add: [], remove: [] },
    status: row.status as CardStatus,
  };
}

export function rowToMemory(row: Pick<CardRow, 'state' | 'due' | 'stability' | 'difficulty' | 'elapsed_days' | 'scheduled_days' | 'learning_steps' | 'reps' | 'lapses' | 'last_review'>): Memory {
  return {
    state: row.state as CardState,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsed_days,
    scheduledDays: row.scheduled_days,
    learningSteps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.last_review,
  };
}

export function memoryToParams(memory: Memory) {
  return {
    state: memory.state,
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    last_review: memory.lastReview,
  };
}

export interface ReviewRow {
  id: number;
  card_id: number;
  grade: string;
  reviewed_at: number;
  elapsed_days: number;
  duration_ms: number | null;
  state_before: string;
  state_after: string;
  before: string;
}

export function rowToReview(row: ReviewRow): Review {
  return {
    id: row.id,
    cardId: row.card_id,
    grade: row.grade as Grade,
    reviewedAt: row.reviewed_at,
    elapsedDays: row.elapsed_days,
    durationMs: row.duration_ms,
    stateBefore: row.state_before as CardState,
    stateAfter: row.state_after as CardState,
  };
}

export interface DeckRow {
  id: number;
  name: string;
  options: string;
  created_at: number;
}

export function rowToDeck(row: DeckRow): Deck {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

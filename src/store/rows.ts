/** Row ⇄ core type mapping, one function per table. */
import type { Statement } from 'better-sqlite3';
import type { Card, CardKind, CardState, CardStatus, Deck, Grade, Memory, Review } from '../core/index.js';

/** The columns of a card query (CARD_SELECT), by name, with their SQLite types. */
interface CardRow {
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

function columnsOf(statement: Statement): CardColumns {
  let at = cardColumns.get(statement);
  if (!at) {
    at = Object.fromEntries(statement.columns().map((c, i) => [c.name, i])) as CardColumns;
    cardColumns.set(statement, at);
  }
  return at;
}

/**
 * A card query's cards, its rows read as arrays and made into cards directly: better-sqlite3's
 * own row objects (built column by column in native code) and a row object between row and card
 * cost about twice as much, which counts when a query returns thousands (`engram due` at its
 * limits in 100 decks). The statement is switched to raw rows for good: use it for cards only.
 */
export function allCards(statement: Statement, ...params: unknown[]): Card[] {
  const at = columnsOf(statement);
  return (statement.raw(true).all(...params) as unknown[][]).map((values) => cardOf(values, at));
}

/** The first card a card query returns, or null. */
export function firstCard(statement: Statement, ...params: unknown[]): Card | null {
  const at = columnsOf(statement);
  const values = statement.raw(true).get(...params) as unknown[] | undefined;
  return values ? cardOf(values, at) : null;
}

/** One row's values as a card; a column the query lacks reads as undefined (has_example: false). */
function cardOf(v: unknown[], at: CardColumns): Card {
  const sourceFile = v[at.source_file] as string | null;
  const tagEdits = v[at.tag_edits] as string | undefined;
  return {
    id: v[at.id] as number,
    deckId: v[at.deck_id] as number,
    deck: v[at.deck_name] as string,
    noteId: v[at.note_id] as number | null,
    kind: v[at.kind] as CardKind,
    front: v[at.front] as string,
    back: v[at.back] as string,
    source: sourceFile === null || sourceFile === undefined ? null : { file: sourceFile, line: (v[at.source_line] as number | null) ?? 1 },
    breadcrumb: parseList(v[at.breadcrumb] as string),
    itemKey: v[at.item_key] as string,
    tags: parseList(v[at.tags] as string),
    memory: {
      state: v[at.state] as CardState,
      due: v[at.due] as number,
      stability: v[at.stability] as number,
      difficulty: v[at.difficulty] as number,
      elapsedDays: v[at.elapsed_days] as number,
      scheduledDays: v[at.scheduled_days] as number,
      learningSteps: v[at.learning_steps] as number,
      reps: v[at.reps] as number,
      lapses: v[at.lapses] as number,
      lastReview: v[at.last_review] as number | null,
    },
    suspended: v[at.suspended] === 1,
    buriedUntil: v[at.buried_until] as number,
    retired: v[at.retired] === 1,
    newPosition: v[at.new_position] as number,
    createdAt: v[at.created_at] as number,
    modifiedAt: v[at.modified_at] as number,
    seenFront: v[at.seen_front] as string | null,
    seenBack: v[at.seen_back] as string | null,
    hasExample: v[at.has_example] === 1,
    flag: (v[at.flag] as number | undefined) ?? 0,
    ...(v[at.type_in] === 1 ? { typeIn: true } : {}),
    tagEdits: tagEdits && tagEdits !== NO_TAG_EDITS ? (JSON.parse(tagEdits) as { add: string[]; remove: string[] }) : { add: [], remove: [] },
    status: v[at.status] as CardStatus,
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

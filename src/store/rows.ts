/** Row ⇄ core type mapping, one function per table. */
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
    breadcrumb: JSON.parse(row.breadcrumb) as string[],
    itemKey: row.item_key,
    tags: JSON.parse(row.tags) as string[],
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
    tagEdits: row.tag_edits ? (JSON.parse(row.tag_edits) as { add: string[]; remove: string[] }) : { add: [], remove: [] },
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

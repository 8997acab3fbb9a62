/**
 * The SQL of `engram simulate`: the studied cards' memory, and the review log summed up per
 * (state before, grade) for the user's answer times and grade distribution.
 */
import { statementsOf } from './statements.js';
import type { Store } from './store.js';

// Longer answers are a card left on screen, not thinking time; fsrs-rs / Anki cap them too.
export const MAX_ANSWER_MS = 60_000;

const SQL = {
  cards: `
    SELECT state, stability, difficulty, last_review, due
    FROM cards
    WHERE retired = 0 AND suspended = 0 AND status = 'accepted' AND (@deck IS NULL OR deck_id = @deck)`,
  answers: `
    SELECT r.state_before, r.grade, COUNT(*) AS answers,
      COUNT(r.duration_ms) AS timed, AVG(MIN(r.duration_ms, ${MAX_ANSWER_MS})) AS mean_ms
    FROM reviews r JOIN cards c ON c.id = r.card_id
    WHERE (@decks IS NULL OR c.deck_id IN (SELECT value FROM json_each(@decks))) AND (r.duration_ms IS NULL OR r.duration_ms > 0)
    GROUP BY r.state_before, r.grade`,
} as const;

export interface SimulationCardRow {
  state: string;
  stability: number;
  difficulty: number;
  lastReview: number | null;
  due: number;
}

export interface AnswerTimeRow {
  stateBefore: string;
  grade: string;
  answers: number;
  /** Answers with a recorded duration. */
  timed: number;
  /** Mean duration of the timed ones, each capped at MAX_ANSWER_MS; null when none was timed. */
  meanMs: number | null;
}

const stmt = statementsOf(SQL);

/** Cards in the queue's reach (not suspended, retired or waiting as suggestions), of one deck or all. */
export function simulationCards(store: Store, deckId: number | null): SimulationCardRow[] {
  const rows = stmt(store, 'cards').all({ deck: deckId }) as Array<{
    state: string; stability: number; difficulty: number; last_review: number | null; due: number;
  }>;
  return rows.map((r) => ({ state: r.state, stability: r.stability, difficulty: r.difficulty, lastReview: r.last_review, due: r.due }));
}

/** The log of some decks (null: all) summed per (state before, grade). */
export function answerTimes(store: Store, deckIds: readonly number[] | null): AnswerTimeRow[] {
  const rows = stmt(store, 'answers').all({ decks: deckIds === null ? null : JSON.stringify(deckIds) }) as Array<{
    state_before: string; grade: string; answers: number; timed: number; mean_ms: number | null;
  }>;
  return rows.map((r) => ({ stateBefore: r.state_before, grade: r.grade, answers: r.answers, timed: r.timed, meanMs: r.mean_ms }));
}

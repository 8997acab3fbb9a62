/** The decks table: names, the options each deck sets (parsed), and per-deck card counts. */
import { readSetOptions, type Deck, type DeckOptions } from '../../core/index.js';
import { rowToDeck, type DeckRow } from '../rows.js';
import type { Prepared } from '../statements.js';

export interface DeckStats {
  id: number;
  name: string;
  total: number;
  new: number;
  learning: number;
  suspended: number;
  /** Paper quiz cards: asked by `engram quiz papers`, never by the review. */
  quiz: number;
  /** Prose cards waiting for the user's decision (not in total or any other count). */
  suggestions: number;
}

/** The table's named statements; the store prepares each on first use. */
export const DECKS_SQL = {
  deckByName: `SELECT * FROM decks WHERE name = ?`,
  deckById: `SELECT * FROM decks WHERE id = ?`,
  allDecks: `SELECT * FROM decks ORDER BY name`,
  insertDeck: `INSERT INTO decks (name, options, created_at) VALUES (?, '{}', ?)`,
  setDeckOptions: `UPDATE decks SET options = ? WHERE id = ?`,
  // Suggestions (prose cards not yet accepted) are counted apart; rejected ones not at all.
  deckStats: `
    SELECT d.id, d.name,
      COALESCE(SUM(c.status = 'accepted'), 0) AS total,
      COALESCE(SUM(c.status = 'accepted' AND c.state = 'new' AND c.suspended = 0), 0) AS new,
      COALESCE(SUM(c.status = 'accepted' AND c.state IN ('learning','relearning') AND c.suspended = 0), 0) AS learning,
      COALESCE(SUM(c.status = 'accepted' AND c.suspended = 1), 0) AS suspended,
      COALESCE(SUM(c.status = 'accepted' AND c.kind = 'paper'), 0) AS quiz,
      COALESCE(SUM(c.status = 'suggested'), 0) AS suggestions
    FROM decks d LEFT JOIN cards c ON c.deck_id = d.id AND c.retired = 0
    GROUP BY d.id ORDER BY d.name`,
} as const;

type Statements = Prepared<keyof typeof DECKS_SQL>;

/** A deck and the options it sets itself (valid ones only; the rest come from its parent or the defaults). */
export type StoredDeck = Deck & { options: Partial<DeckOptions> };

function toStoredDeck(row: DeckRow): StoredDeck {
  return { ...rowToDeck(row), options: readSetOptions(row.options) };
}

export function getDeckByName(s: Statements, name: string): StoredDeck | null {
  const row = s.stmt('deckByName').get(name) as DeckRow | undefined;
  return row ? toStoredDeck(row) : null;
}

export function getDeck(s: Statements, id: number): StoredDeck | null {
  const row = s.stmt('deckById').get(id) as DeckRow | undefined;
  return row ? toStoredDeck(row) : null;
}

export function listDecks(s: Statements): StoredDeck[] {
  return (s.stmt('allDecks').all() as DeckRow[]).map(toStoredDeck);
}

export function insertDeck(s: Statements, name: string, createdAt: number): number {
  return Number(s.stmt('insertDeck').run(name, createdAt).lastInsertRowid);
}

/** Replaces the options a deck sets itself (keys left out inherit). */
export function setDeckOptions(s: Statements, id: number, options: Partial<DeckOptions>): void {
  s.stmt('setDeckOptions').run(JSON.stringify(options), id);
}

export function deckStats(s: Statements): DeckStats[] {
  return s.stmt('deckStats').all() as DeckStats[];
}

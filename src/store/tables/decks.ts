/** The decks table: names, raw options, and per-deck card counts. */
import type { Deck } from '../../core/index.js';
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

export function getDeckByName(s: Statements, name: string): (Deck & { optionsJson: string }) | null {
  const row = s.stmt('deckByName').get(name) as DeckRow | undefined;
  return row ? { ...rowToDeck(row), optionsJson: row.options } : null;
}

export function getDeck(s: Statements, id: number): (Deck & { optionsJson: string }) | null {
  const row = s.stmt('deckById').get(id) as DeckRow | undefined;
  return row ? { ...rowToDeck(row), optionsJson: row.options } : null;
}

export function listDecks(s: Statements): Array<Deck & { optionsJson: string }> {
  return (s.stmt('allDecks').all() as DeckRow[]).map((row) => ({ ...rowToDeck(row), optionsJson: row.options }));
}

export function insertDeck(s: Statements, name: string, createdAt: number): number {
  return Number(s.stmt('insertDeck').run(name, createdAt).lastInsertRowid);
}

export function setDeckOptions(s: Statements, id: number, optionsJson: string): void {
  s.stmt('setDeckOptions').run(optionsJson, id);
}

export function deckStats(s: Statements): DeckStats[] {
  return s.stmt('deckStats').all() as DeckStats[];
}

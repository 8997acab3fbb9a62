/**
 * A synthetic collection for the stats tests: decks, cards and a year of review log written
 * with direct inserts through the Store's db handle, from a seeded PRNG so every run is the same.
 * The generated rows are returned too, so tests can compute expectations independently.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Collection } from '../../src/collection/index.js';
import { statementsOf } from '../../src/store/statements.js';
import { prng } from '../helpers/prng.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Tuesday 1 December 2026, 09:00 UTC. */
export const NOW = Date.parse('2026-12-01T09:00:00Z');

export { prng } from '../helpers/prng.js';

export interface GenCard {
  id: number;
  deckId: number;
  state: 'new' | 'learning' | 'review' | 'relearning';
  due: number;
  suspended: boolean;
  buriedUntil: number;
  retired: boolean;
}

export interface GenReview {
  cardId: number;
  deckId: number;
  grade: 'again' | 'hard' | 'good' | 'easy';
  reviewedAt: number;
  durationMs: number;
  stateBefore: string;
  scheduledDays: number;
}

export interface Synthetic {
  dir: string;
  dbPath: string;
  col: Collection;
  decks: Record<string, number>;
  cards: GenCard[];
  reviews: GenReview[];
  cleanup(): void;
}

const STATES = ['new', 'learning', 'review', 'review', 'review', 'relearning'] as const;
const GRADES = ['again', 'hard', 'good', 'good', 'good', 'easy'] as const;
const BEFORE = ['new', 'learning', 'review', 'review', 'review', 'relearning'] as const;

export function emptyCollection(): Omit<Synthetic, 'cards' | 'reviews' | 'decks'> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-stats-'));
  const dbPath = path.join(dir, 'engram.db');
  const col = Collection.open(dbPath);
  return { dir, dbPath, col, cleanup: () => { col.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** Prepared once per database (the store's own helper): a synthetic collection inserts thousands of rows. */
const statement = statementsOf({
  insertCard: `
    INSERT INTO cards (deck_id, kind, front, back, item_key, state, due, stability, difficulty, scheduled_days,
      suspended, buried_until, retired, new_position, created_at, modified_at)
    VALUES (?, 'basic', ?, 'back', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertReview: `
    INSERT INTO reviews (card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, state_after, before)
    VALUES (?, ?, ?, ?, ?, ?, 'review', ?)`,
});

/** Inserts a card row with the schedule given; returns its id. */
export function insertCard(col: Collection, card: Omit<GenCard, 'id'>, n: number): number {
  const result = statement(col.store, 'insertCard').run(
    card.deckId, `front ${n}`, `item ${n}`, card.state, card.due, card.state === 'new' ? 0 : 1 + (n % 50), card.state === 'new' ? 0 : 1 + (n % 9),
    card.state === 'review' ? 1 + (n % 40) : 0, card.suspended ? 1 : 0, card.buriedUntil, card.retired ? 1 : 0, n, NOW - 400 * DAY, NOW - 400 * DAY,
  );
  return Number(result.lastInsertRowid);
}

/** Inserts a log row; the `before` snapshot carries the interval the card had, as `answer` writes it. */
export function insertReview(col: Collection, review: Omit<GenReview, 'deckId'>): void {
  statement(col.store, 'insertReview').run(
    review.cardId, review.grade, review.reviewedAt, review.scheduledDays, review.durationMs, review.stateBefore,
    JSON.stringify({ memory: { scheduledDays: review.scheduledDays } }),
  );
}

export function synthetic(seed = 7, cardsPerDeck = 150, reviewsCount = 4000): Synthetic {
  const base = emptyCollection();
  const { col } = base;
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const decks: Record<string, number> = {};
  const cards: GenCard[] = [];
  const reviews: GenReview[] = [];
  col.store.transaction(() => {
    for (const name of ['Alpha', 'Beta']) decks[name] = col.store.insertDeck(name, NOW - 400 * DAY);
    let n = 0;
    for (const deckId of Object.values(decks)) {
      for (let i = 0; i < cardsPerDeck; i++) {
        const state = pick(STATES);
        // Due from 5 days overdue to 40 days ahead, at any hour, so some fall either side of the rollover.
        const card: Omit<GenCard, 'id'> = {
          deckId, state, due: NOW + Math.floor((random() * 45 - 5) * DAY),
          suspended: random() < 0.08, buriedUntil: random() < 0.05 ? NOW + 10 * HOUR : 0, retired: random() < 0.04,
        };
        cards.push({ ...card, id: insertCard(col, card, ++n) });
      }
    }
    for (let i = 0; i < reviewsCount; i++) {
      const card = pick(cards);
      // Skewed towards recent days so the windows differ; the odd review lands in the future hour of today.
      const review: GenReview = {
        cardId: card.id, deckId: card.deckId, grade: pick(GRADES), stateBefore: pick(BEFORE),
        reviewedAt: NOW - Math.floor(random() ** 2 * 380 * DAY), durationMs: Math.floor(random() * 20_000), scheduledDays: Math.floor(random() * 60),
      };
      insertReview(col, review);
      reviews.push(review);
    }
  });
  return { ...base, decks, cards, reviews };
}

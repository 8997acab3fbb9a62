/**
 * `engram simulate`: the review simulator seeded with a deck's real state — its cards and
 * their memory, its daily limits, steps and weights, and the user's answer times and grades
 * from the log — run over a sweep of desired retentions.
 *
 * Without a deck the whole collection is simulated as one: the daily limits add up, and the
 * memory model (weights, steps, maximum interval) is that of the deck with the most cards.
 */
import { DAY, UsageError, dayStart, now, type DeckOptions } from '../core/index.js';
import {
  FSRS_RS_DEFAULTS,
  RETENTION_SWEEP,
  runsFor,
  suggestedRetention,
  sweepRetention,
  type RetentionPoint,
  type SimulatedCard,
  type SimulatorConfig,
} from '../scheduler/simulate.js';
import { learnerProfile, type LearnerProfile } from '../scheduler/simulate-inputs.js';
import { answerTimes, simulationCards, type SimulationCardRow } from '../store/simulate.js';
import type { Collection } from './collection.js';

export type { RetentionPoint } from '../scheduler/simulate.js';

export const DEFAULT_SIMULATION_DAYS = 365;
export const DEFAULT_SIMULATION_SEED = 42;
export const MAX_SIMULATION_DAYS = 3650;

export interface SimulationReport {
  /** The deck asked for, null for all decks. */
  deck: string | null;
  /** The deck whose weights, steps and maximum interval were used. */
  modelDeck: string;
  days: number;
  seed: number;
  studiedCards: number;
  newCards: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** The desired retention set now (the mean over decks without --deck). */
  currentRetention: number;
  learner: LearnerProfile;
  points: RetentionPoint[];
  suggested: number | null;
}

export function simulateCollection(col: Collection, options: { deck?: string; days?: number; seed?: number } = {}): SimulationReport {
  const days = options.days ?? DEFAULT_SIMULATION_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_SIMULATION_DAYS) {
    throw new UsageError(`invalid --days '${days}': expected a whole number from 1 to ${MAX_SIMULATION_DAYS}`);
  }
  const seed = options.seed ?? DEFAULT_SIMULATION_SEED;
  const { rows, decks, profile } = col.store.readTransaction(() => {
    const scope = col.deckScope(options.deck);
    const decks = scope.map((d) => ({
      name: d.name,
      options: col.deckOptions(d.id),
      cards: simulationCards(col.store, d.id),
    }));
    const deckIds = options.deck ? scope.map((d) => d.id) : null;
    return { rows: decks.flatMap((d) => d.cards), decks, profile: learnerProfile(answerTimes(col.store, deckIds)) };
  });
  if (decks.length === 0 || rows.length === 0) {
    throw new UsageError(options.deck ? `deck '${options.deck}' has no cards to simulate` : 'no cards to simulate: import a deck first');
  }
  const model = decks.reduce((a, b) => (b.cards.length > a.cards.length ? b : a));
  const opts: DeckOptions = model.options;
  const time = now();
  const today = dayStart(time, opts.rolloverHour);
  const studied: SimulatedCard[] = [];
  let newCards = 0;
  for (const row of rows) {
    const card = simulatedCard(row, today, opts.rolloverHour);
    if (card) studied.push(card);
    else newCards++;
  }
  const newPerDay = decks.reduce((n, d) => n + d.options.newPerDay, 0);
  const reviewsPerDay = decks.reduce((n, d) => n + d.options.reviewsPerDay, 0);
  const config: SimulatorConfig = {
    ...FSRS_RS_DEFAULTS,
    days,
    newCards,
    newPerDay,
    reviewsPerDay,
    maximumInterval: opts.maximumInterval,
    learningStepCount: opts.learningSteps.length,
    relearningStepCount: opts.relearningSteps.length,
    firstGradeOdds: profile.firstGradeOdds,
    recallGradeOdds: profile.recallGradeOdds,
    costs: profile.costs,
  };
  const points = sweepRetention(config, opts.weights, studied, seed, RETENTION_SWEEP, runsFor(rows.length));
  return {
    deck: options.deck ? decks[0]!.name : null,
    modelDeck: model.name,
    days,
    seed,
    studiedCards: studied.length,
    newCards,
    newPerDay,
    reviewsPerDay,
    currentRetention: decks.reduce((sum, d) => sum + d.options.desiredRetention, 0) / decks.length,
    learner: profile,
    points,
    suggested: suggestedRetention(points),
  };
}

/** A studied card on the simulator's day axis (today 0); null for a card never answered. */
function simulatedCard(row: SimulationCardRow, today: number, rolloverHour: number): SimulatedCard | null {
  if (row.state === 'new' || row.lastReview === null || !(row.stability > 0)) return null;
  const dayOf = (time: number) => Math.round((dayStart(time, rolloverHour) - today) / DAY);
  return {
    stability: row.stability,
    difficulty: row.difficulty,
    lastDay: Math.min(0, dayOf(row.lastReview)),
    dueDay: Math.max(0, dayOf(row.due)),
  };
}

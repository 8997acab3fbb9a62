/**
 * `engram optimize`: fit FSRS weights to the user's own review log, and keep them only
 * where they predict that log better than the weights in use.
 *
 * Without a deck, one fit is made on every deck's reviews (a memory model is a property of
 * the learner more than of a deck, and pooling gives small decks enough data); it is then
 * judged per deck, on that deck's reviews, against that deck's current weights, and stored
 * on the decks where it predicts better. Decks without reviews keep what they have.
 */
import { now } from '../core/index.js';
import { evaluateWeights, predictsBetter, type Evaluation } from '../scheduler/evaluate.js';
import { fitWeights, type FitProgress } from '../scheduler/fsrs-binding.js';
import { answerCount, cardHistories, trainingItems, type CardHistory, type TrainingItem } from '../scheduler/optimizer-items.js';
import { insertFit, readReviewLog } from '../store/optimize.js';
import type { Collection } from './collection.js';
import { fitWarnings, heldOutSplit, reviewGrades, trainingItemsBefore, type FitWarning, type HeldOutCheck } from '../scheduler/fit-health.js';

/** Below this many answers a fit mostly learns noise (the figure Anki also asks for). */
export const MIN_REVIEWS = 400;

export interface DeckFit {
  deck: string;
  /** Answers of this deck's cards used for the comparison. */
  reviews: number;
  /** The deck's current weights (null: ts-fsrs defaults) and how they score. */
  current: number[] | null;
  before: Evaluation | null;
  after: Evaluation | null;
  /** The fitted weights were stored on the deck. */
  stored: boolean;
}

export type OptimizeResult =
  | { status: 'too-few-reviews'; deck: string | null; reviews: number; minimum: number; needed: number }
  | {
      status: 'fitted'; deck: string | null; reviews: number; cards: number; weights: number[]; decks: DeckFit[];
      /** Fitted on the earlier 80 % of the log, scored with the defaults on the later 20 % (null: too few to split). */
      heldOut: HeldOutCheck | null;
      warnings: FitWarning[];
    };

export interface OptimizeOptions {
  deck?: string;
  onProgress?: FitProgress;
  /** The optimizer; fsrs-rs unless a test substitutes one. */
  fit?: (items: readonly TrainingItem[], onProgress?: FitProgress) => Promise<number[]>;
}

export async function optimizeWeights(col: Collection, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const decks = col.deckScope(options.deck);
  const scope = options.deck ? col.deckScopeName(options.deck) : null;
  const rows = options.deck ? decks.flatMap((d) => readReviewLog(col.store, d.id)) : readReviewLog(col.store);
  const deckOfCard = new Map(rows.map((r) => [r.cardId, r.deckId]));
  const histories = cardHistories(rows.map((r) => ({ ...r, rolloverHour: col.deckOptions(r.deckId).rolloverHour })));
  const reviews = answerCount(histories);
  if (reviews < MIN_REVIEWS) {
    return { status: 'too-few-reviews', deck: scope, reviews, minimum: MIN_REVIEWS, needed: MIN_REVIEWS - reviews };
  }

  const items = trainingItems(histories);
  const fit = options.fit ?? fitWeights;
  const fitted = await fit(items, options.onProgress);
  const heldOut = await heldOutCheck(histories, fit);
  // Four decimals, as Anki shows them: what is stored is exactly what was evaluated.
  const weights = fitted.map((w) => Math.round(w * 10_000) / 10_000);

  const results = decks.map((deck) => {
    const own = histories.filter((h) => deckOfCard.get(h.cardId) === deck.id);
    return judge(deck.name, own, col.deckOptions(deck.id).weights, weights);
  });
  const time = now();
  col.store.transaction(() => {
    for (const [i, deck] of decks.entries()) {
      const result = results[i]!;
      if (!result.stored) continue;
      col.setOption(deck.name, 'weights', weights.join(' '));
      insertFit(col.store, { deckId: deck.id, weights, reviewCount: result.reviews, fittedAt: time });
    }
  });
  const warnings = fitWarnings(reviews, heldOut, reviewGrades(histories));
  return { status: 'fitted', deck: scope, reviews, cards: histories.length, weights, decks: results, heldOut, warnings };
}

/**
 * A second fit on the earlier reviews only, scored on the later ones against the defaults:
 * how well a fit predicts what it has not seen (fsrs-rs's time-series evaluation, one fold).
 */
async function heldOutCheck(
  histories: CardHistory[],
  fit: NonNullable<OptimizeOptions['fit']>,
): Promise<HeldOutCheck | null> {
  const from = heldOutSplit(histories);
  if (from === null) return null;
  const train = trainingItemsBefore(histories, from);
  if (train.length < MIN_REVIEWS / 2) return null;
  const earlier = (await fit(train)).map((w) => Math.round(w * 10_000) / 10_000);
  return { from, trainItems: train.length, fitted: evaluateWeights(histories, earlier, from), defaults: evaluateWeights(histories, null, from) };
}

function judge(deck: string, histories: CardHistory[], current: readonly number[] | null, fitted: number[]): DeckFit {
  const reviews = answerCount(histories);
  const currentWeights = current ? [...current] : null;
  if (reviews === 0) return { deck, reviews, current: currentWeights, before: null, after: null, stored: false };
  const before = evaluateWeights(histories, current);
  const after = evaluateWeights(histories, fitted);
  return { deck, reviews, current: currentWeights, before, after, stored: after.count > 0 && predictsBetter(after, before) };
}

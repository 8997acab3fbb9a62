/**
 * Leeches: cards that keep failing. Anki's rule counts lapses; the memory rule (deck option
 * leechMemory) looks at what FSRS learned about the card: a stability still below a few days
 * after many answers means the card is not being learned, however its lapses are spread.
 * Both mark the card the same way (the `leech` tag, and the deck's leechAction), so the
 * search's `is:leech` finds either.
 */
import type { DeckOptions, Memory } from '../core/index.js';
import type { CardCalibration } from '../scheduler/calibration.js';

/** Whether this answer makes the card a leech (the answer path tags it and applies leechAction). */
export function leechAfterAnswer(before: Memory, after: Memory, tags: readonly string[], options: DeckOptions): boolean {
  if (after.lapses > before.lapses && lapseLeech(after.lapses, options.leechThreshold)) return true;
  return memoryLeech(after, options) && !tags.includes('leech');
}

/** Anki's rule: a leech at the threshold, then again every half threshold. */
export function lapseLeech(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false;
  const every = Math.max(1, Math.floor(threshold / 2));
  return (lapses - threshold) % every === 0;
}

/** The memory rule: at least `reviews` answers and a stability still below `stability` days. */
export function memoryLeech(memory: Memory, options: DeckOptions): boolean {
  const rule = options.leechMemory;
  return rule !== null && memory.state !== 'new' && memory.reps >= rule.reviews && memory.stability < rule.stability;
}

/** The stats view's rule for a deck whose leechMemory is off: 8 answers, stability under 3 days. */
export const DEFAULT_MEMORY_LEECH = { reviews: 8, stability: 3 } as const;
/** Predicted recall this far above the observed pass rate, over enough predictions, is a leech too. */
export const OVERPREDICTED_BY = 0.25;
const MIN_PREDICTIONS = 5;

/** A card `engram stats` lists as a leech by memory. */
export interface MemoryLeech {
  id: number;
  front: string;
  deck: string;
  /** Answers in its log. */
  reviews: number;
  /** Stability in days (the card's stored memory). */
  stability: number;
  /** Mean predicted recall at its answers and the share recalled; null before a prediction. */
  predicted: number | null;
  observed: number | null;
  /** Whether it carries the `leech` tag already. */
  tagged: boolean;
}

export interface LeechCandidate {
  cardId: number;
  deckId: number;
  reviews: number;
  stability: number;
  predicted: number | null;
  observed: number | null;
}

/**
 * A card's replay (calibration) read as a leech by memory: stability still low after many
 * answers (the deck's leechMemory, else DEFAULT_MEMORY_LEECH), or predicted recall persistently
 * far above the pass rate. Null when it is neither.
 */
export function leechCandidate(card: CardCalibration, deckId: number, options: DeckOptions): LeechCandidate | null {
  const rule = options.leechMemory ?? DEFAULT_MEMORY_LEECH;
  const predicted = card.predictions > 0 ? card.predictedSum / card.predictions : null;
  const observed = card.predictions > 0 ? card.recalled / card.predictions : null;
  const lowStability = card.reviews >= rule.reviews && card.stability < rule.stability;
  const overpredicted = card.predictions >= MIN_PREDICTIONS && predicted! - observed! >= OVERPREDICTED_BY;
  if (!lowStability && !overpredicted) return null;
  return { cardId: card.cardId, deckId, reviews: card.reviews, stability: card.stability, predicted, observed };
}

/** Worst first: the widest gap between predicted and observed recall, then the lowest stability. */
export function worstLeechesFirst(a: LeechCandidate, b: LeechCandidate): number {
  const gap = (c: LeechCandidate) => (c.predicted ?? 0) - (c.observed ?? 0);
  return gap(b) - gap(a) || a.stability - b.stability || a.cardId - b.cardId;
}

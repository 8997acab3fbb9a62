/**
 * Leeches: cards that keep failing. Anki's rule counts lapses; the memory rule (deck option
 * leechMemory) looks at what FSRS learned about the card: a stability still below a few days
 * after many answers means the card is not being learned, however its lapses are spread.
 * Both mark the card the same way (the `leech` tag, and the deck's leechAction), so the
 * search's `is:leech` finds either.
 */
import type { DeckOptions, Memory } from '../core/index.js';

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

/**
 * A small seeded random source, so a question (its form, its choices and their order) is the
 * same every time it is rebuilt from its seed: the `--json` round trip and the tests rely on it.
 */
import { seededRandom, type Random } from '../core/index.js';

export { seededRandom, type Random };

/** A per-card seed from a session seed, so two cards of one session get unrelated questions. */
export function mixSeed(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

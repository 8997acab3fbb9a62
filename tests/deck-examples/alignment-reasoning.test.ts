import { describe, expect, it } from 'vitest';
import { dtw } from '../../decks/multimodality/examples/dtw.js';
import { andAll, minMaxLogic, productLogic } from '../../decks/multimodality/examples/soft-logic.js';

const x = [0, 1, 2, 3, 2, 0];
const y = [0, 0, 1, 3, 3, 3, 2, 1, 0];

describe('dynamic time warping', () => {
  it('DTW of a sequence with itself is 0, along the diagonal', () => {
    const a = dtw(x, x);
    expect(a.cost).toBe(0);
    expect(a.path).toEqual(x.map((_, i) => [i, i]));
  });

  it('is symmetric', () => {
    expect(dtw(x, y).cost).toBe(dtw(y, x).cost);
    expect(dtw([5, 1, 4], [2, 2, 9, 0]).cost).toBe(dtw([2, 2, 9, 0], [5, 1, 4]).cost);
  });

  it('a slowed-down copy (elements repeated) costs 0', () => {
    const slow = x.flatMap((v, i) => (i % 2 === 0 ? [v, v, v] : [v]));
    expect(slow.length).toBeGreaterThan(x.length);
    expect(dtw(x, slow).cost).toBe(0);
  });

  it('the path runs monotonically from the first pair to the last, and its costs add up to the DTW cost', () => {
    const { cost, path } = dtw(x, y);
    expect(path[0]).toEqual([0, 0]);
    expect(path.at(-1)).toEqual([x.length - 1, y.length - 1]);
    for (let k = 1; k < path.length; k++) {
      const [di, dj] = [path[k]![0] - path[k - 1]![0], path[k]![1] - path[k - 1]![1]];
      expect([0, 1]).toContain(di);
      expect([0, 1]).toContain(dj);
      expect(di + dj).toBeGreaterThan(0);
    }
    const alongPath = path.reduce((s, [i, j]) => s + Math.abs(x[i]! - y[j]!), 0);
    expect(alongPath).toBe(cost);
    expect(cost).toBeGreaterThan(0);
  });

  it('is never more than the lockstep (one-to-one) distance of equally long sequences', () => {
    const a = [1, 3, 4, 9, 8], b = [1, 1, 3, 4, 9];
    const lockstep = a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0);
    expect(dtw(a, b).cost).toBeLessThan(lockstep);
  });
});

describe('soft logic', () => {
  const grid = [0, 0.1, 0.25, 0.5, 0.7, 0.9, 1];

  for (const [name, L] of [['product', productLogic], ['min/max', minMaxLogic]] as const) {
    describe(name, () => {
      it('reduces to the boolean truth table at 0 and 1', () => {
        for (const a of [0, 1]) {
          for (const b of [0, 1]) {
            expect(L.and(a, b)).toBe(a === 1 && b === 1 ? 1 : 0);
            expect(L.or(a, b)).toBe(a === 1 || b === 1 ? 1 : 0);
          }
          expect(L.not(a)).toBe(1 - a);
        }
      });

      it("obeys De Morgan's laws on soft values", () => {
        for (const a of grid) {
          for (const b of grid) {
            expect(L.not(L.and(a, b))).toBeCloseTo(L.or(L.not(a), L.not(b)), 12);
            expect(L.not(L.or(a, b))).toBeCloseTo(L.and(L.not(a), L.not(b)), 12);
          }
        }
      });

      it('is commutative, stays in [0, 1], and AND <= each premise <= OR', () => {
        for (const a of grid) {
          for (const b of grid) {
            expect(L.and(a, b)).toBeCloseTo(L.and(b, a), 12);
            expect(L.or(a, b)).toBeCloseTo(L.or(b, a), 12);
            expect(L.and(a, b)).toBeGreaterThanOrEqual(0);
            expect(L.or(a, b)).toBeLessThanOrEqual(1);
            expect(L.and(a, b)).toBeLessThanOrEqual(Math.min(a, b) + 1e-12);
            expect(L.or(a, b)).toBeGreaterThanOrEqual(Math.max(a, b) - 1e-12);
          }
        }
      });

      it('1 is neutral for AND and 0 is neutral for OR', () => {
        for (const a of grid) {
          expect(L.and(a, 1)).toBeCloseTo(a, 12);
          expect(L.or(a, 0)).toBeCloseTo(a, 12);
        }
      });
    });
  }

  it('product AND of independent premises is their joint probability; min AND is the weakest premise', () => {
    expect(productLogic.and(0.9, 0.7)).toBeCloseTo(0.63, 12);
    expect(productLogic.or(0.9, 0.6)).toBeCloseTo(1 - 0.1 * 0.4, 12);
    expect(andAll(productLogic, [0.9, 0.8, 0.5])).toBeCloseTo(0.36, 12);
    expect(andAll(minMaxLogic, [0.9, 0.8, 0.5])).toBe(0.5);
  });
});

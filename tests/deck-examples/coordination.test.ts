import { describe, expect, it } from 'vitest';
import { coordinationLoss, cosine } from '../../decks/multimodality/examples/cosine-coordination.js';
import {
  diagonalCrossEntropy,
  infoNCE,
  logSumExp,
  scoreGradients,
  similarityLogits,
  transpose,
} from '../../decks/multimodality/examples/infonce-loss.js';
import {
  cca,
  correlation,
  gaussian,
  mulberry32,
  noisyViews,
  project,
  type Vec2,
} from '../../decks/multimodality/examples/cca.js';

const rand = mulberry32(99);
const randomVec = (n: number): number[] => Array.from({ length: n }, () => 2 * rand() - 1);

describe('cosine coordination', () => {
  it('a vector and a positive multiple have cosine 1 and loss 0; a negative multiple -1 and loss 2', () => {
    for (let t = 0; t < 10; t++) {
      const v = randomVec(3), c = 0.1 + 5 * rand();
      expect(cosine(v, v.map((x) => c * x))).toBeCloseTo(1, 12);
      expect(coordinationLoss(v, v.map((x) => c * x))).toBeCloseTo(0, 12);
      expect(cosine(v, v.map((x) => -c * x))).toBeCloseTo(-1, 12);
      expect(coordinationLoss(v, v.map((x) => -c * x))).toBeCloseTo(2, 12);
    }
  });

  it('orthogonal vectors have cosine 0; cosine is symmetric, bounded and ignores length', () => {
    expect(cosine([1, 2, 0], [-2, 1, 5])).toBeCloseTo(0, 12);
    for (let t = 0; t < 10; t++) {
      const u = randomVec(4), v = randomVec(4);
      expect(cosine(u, v)).toBeCloseTo(cosine(v, u), 12);
      expect(Math.abs(cosine(u, v))).toBeLessThanOrEqual(1 + 1e-12);
      expect(cosine(u.map((x) => 7 * x), v)).toBeCloseTo(cosine(u, v), 12);
    }
  });
});

describe('InfoNCE (CLIP-style)', () => {
  const img = [[1, 0.1, 0], [0, 1, 0.2], [0.1, 0.2, 1], [0.7, 0.7, 0]];
  const txt = [[0.9, 0.3, 0.1], [0.1, 1, 0], [0, 0.3, 0.9], [0.6, 0.8, 0.1]];

  const permutations = (n: number): number[][] =>
    n === 0
      ? [[]]
      : permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));

  it('is lowest when the pairs are matched: every other assignment of captions scores worse', () => {
    const matched = infoNCE(img, txt, 0.1);
    const others = permutations(4).filter((p) => p.some((j, i) => j !== i));
    expect(others).toHaveLength(23);
    for (const p of others) expect(infoNCE(img, p.map((j) => txt[j]!), 0.1)).toBeGreaterThan(matched);
  });

  it('is the mean of the image-to-text and text-to-image cross-entropies', () => {
    const S = similarityLogits(img, txt, 0.2);
    const i2t = diagonalCrossEntropy(S), t2i = diagonalCrossEntropy(transpose(S));
    expect(i2t).not.toBeCloseTo(t2i, 6); // the two directions genuinely differ here
    expect(infoNCE(img, txt, 0.2)).toBeCloseTo((i2t + t2i) / 2, 12);
  });

  it('is log N when all similarities are equal, and positive', () => {
    const same = [[1, 1], [1, 1], [1, 1]];
    expect(infoNCE(same, same, 0.07)).toBeCloseTo(Math.log(3), 12);
    expect(infoNCE(img, txt, 0.5)).toBeGreaterThan(0);
  });

  it('a lower temperature sharpens the loss when every matched pair is its row and column maximum', () => {
    const losses = [1, 0.5, 0.1, 0.05].map((tau) => infoNCE(img, txt, tau));
    for (let k = 1; k < losses.length; k++) expect(losses[k]!).toBeLessThan(losses[k - 1]!);
  });

  it('a lower temperature pushes harder on a hard negative, and on easy ones less relative to it', () => {
    const row = [0.9, 0.8, 0.1, 0.0];
    const grads = [1, 0.5, 0.1].map((tau) => scoreGradients(row, 0, tau));
    for (const g of grads) expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    const hard = grads.map((g) => g[1]!), easy = grads.map((g) => g[3]!);
    for (let k = 1; k < grads.length; k++) {
      expect(hard[k]!).toBeGreaterThan(hard[k - 1]!);
      expect(easy[k]! / hard[k]!).toBeLessThan(easy[k - 1]! / hard[k - 1]!);
    }
    expect(easy[2]!).toBeLessThan(easy[0]! / 10);
    // at tau = 1 the hard negative's push is e^0.8 / sum_j e^s_j
    const z = [0.9, 0.8, 0.1, 0].reduce((s, x) => s + Math.exp(x), 0);
    expect(hard[0]!).toBeCloseTo(Math.exp(0.8) / z, 12);
  });

  it('logSumExp does not overflow on large logits', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 9);
    expect(logSumExp([0, Math.log(3)])).toBeCloseTo(Math.log(4), 12);
  });
});

describe('CCA on 2-D views', () => {
  it('finds correlation 1 when one view is a linear map of the other', () => {
    const { A } = noisyViews(1, 200, 0.5);
    const B = A.map(([a0, a1]): Vec2 => [2 * a0 - a1 + 4, 0.5 * a0 + 3 * a1 - 1]);
    expect(cca(A, B).rho).toBeCloseTo(1, 9);
  });

  it('finds a smaller correlation for noisy views, close to 1 / (1 + noise^2), on the right axes', () => {
    const { A, B } = noisyViews(3, 4000, 0.5);
    const { u, v, rho } = cca(A, B);
    expect(rho).toBeLessThan(0.9);
    expect(rho).toBeGreaterThan(0.7);
    expect(Math.abs(u[0])).toBeGreaterThan(0.95); // the shared signal is on axis 0 of A ...
    expect(Math.abs(v[1])).toBeGreaterThan(0.95); // ... and on axis 1 of B
    const noisier = noisyViews(3, 4000, 1.5);
    expect(cca(noisier.A, noisier.B).rho).toBeLessThan(rho - 0.2);
  });

  it('beats the correlation of any other pair of directions', () => {
    const { A, B } = noisyViews(5, 500, 0.8);
    const { rho } = cca(A, B);
    for (let t = 0; t < 50; t++) {
      const u: Vec2 = [gaussian(rand), gaussian(rand)], v: Vec2 = [gaussian(rand), gaussian(rand)];
      expect(Math.abs(correlation(project(A, u), project(B, v)))).toBeLessThanOrEqual(rho + 1e-9);
    }
  });

  it('does not change when a view is rescaled', () => {
    const { A, B } = noisyViews(8, 300, 0.7);
    const scaled = B.map(([b0, b1]): Vec2 => [10 * b0, 0.1 * b1]);
    expect(cca(A, scaled).rho).toBeCloseTo(cca(A, B).rho, 9);
  });
});

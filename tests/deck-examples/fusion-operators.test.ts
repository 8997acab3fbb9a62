import { describe, expect, it } from 'vitest';
import { additiveFusion, linearOnConcat, mixedDifference } from '../../decks/multimodality/examples/additive-fusion.js';
import {
  bilinear,
  bilinearFusion,
  bilinearParams,
  outer,
  scalarBilinear,
} from '../../decks/multimodality/examples/bilinear-fusion.js';
import { blocks, tensorFusion, tensorFusionParams } from '../../decks/multimodality/examples/tensor-fusion.js';
import {
  fullTensorFusion,
  lowRankFusion,
  lowRankParams,
  mulberry32,
  randomFactors,
  tensorParams,
  weightTensor,
} from '../../decks/multimodality/examples/low-rank-fusion.js';
import { gate, gatedFusion, mix, project, sigmoid } from '../../decks/multimodality/examples/gated-fusion.js';
import {
  additiveProjection,
  residual,
  residualRms,
  type Fusion,
} from '../../decks/multimodality/examples/additive-projection.js';

const rand = mulberry32(2024);
const randomVec = (n: number): number[] => Array.from({ length: n }, () => 4 * rand() - 2);
const randomMat = (r: number, c: number): number[][] => Array.from({ length: r }, () => randomVec(c));

describe('additive fusion', () => {
  it('equals one linear layer on the concatenation', () => {
    for (let t = 0; t < 20; t++) {
      const [xA, xB, wA, wB] = [randomVec(2), randomVec(3), randomVec(2), randomVec(3)];
      const w0 = rand();
      expect(additiveFusion(xA, xB, wA, wB, w0)).toBeCloseTo(linearOnConcat(xA, xB, wA, wB, w0), 12);
    }
  });

  it('has no cross term: the mixed difference is 0 for any pair of points', () => {
    const [wA, wB] = [randomVec(2), randomVec(3)];
    const f = (a: number[], b: number[]): number => additiveFusion(a, b, wA, wB, 0.3);
    for (let t = 0; t < 20; t++) {
      expect(mixedDifference(f, randomVec(2), randomVec(2), randomVec(3), randomVec(3))).toBeCloseTo(0, 12);
    }
  });

  it('the mixed difference does detect a cross term', () => {
    const f = (a: number, b: number): number => a + b + a * b;
    expect(mixedDifference(f, 0, 1, 0, 1)).toBeCloseTo(1, 12);
  });
});

describe('bilinear fusion', () => {
  it('the scalar case w*xA*xB has the interaction term w (mixed difference per unit step)', () => {
    const f = (a: number, b: number): number => scalarBilinear(0.7, a, b);
    expect(mixedDifference(f, 1, 2, 3, 4)).toBeCloseTo(0.7, 12);
    expect(mixedDifference(f, -5, -3, 1, 2)).toBeCloseTo(0.7 * 2, 12);
  });

  it('xA^T W xB equals the sum of W times the outer product xA xB^T', () => {
    const [xA, xB, W] = [randomVec(3), randomVec(4), randomMat(3, 4)];
    const viaOuter = outer(xA, xB).reduce((s, row, i) => s + row.reduce((t, p, j) => t + p * W[i]![j]!, 0), 0);
    expect(bilinear(xA, W, xB)).toBeCloseTo(viaOuter, 12);
  });

  it('is linear in each modality and has no unimodal terms (zero if either input is zero)', () => {
    const [xA, xB, W] = [randomVec(2), randomVec(3), randomMat(2, 3)];
    expect(bilinear(xA.map((a) => 3 * a), W, xB)).toBeCloseTo(3 * bilinear(xA, W, xB), 12);
    expect(bilinear(xA, W, xB.map((b) => -2 * b))).toBeCloseTo(-2 * bilinear(xA, W, xB), 12);
    expect(bilinear([0, 0], W, xB)).toBe(0);
    expect(bilinear(xA, W, [0, 0, 0])).toBe(0);
  });

  it('gives one output per weight matrix; weights are dA*dB per output', () => {
    const Ws = [randomMat(2, 3), randomMat(2, 3), randomMat(2, 3)];
    const z = bilinearFusion([1, 2], Ws, [3, 0, -1]);
    expect(z).toHaveLength(3);
    expect(z[1]).toBeCloseTo(bilinear([1, 2], Ws[1]!, [3, 0, -1]), 12);
    expect(bilinearParams(2, 3, 3)).toBe(Ws.flat(2).length);
  });
});

describe('tensor fusion', () => {
  it('has (dA+1)(dB+1) entries', () => {
    for (const [dA, dB] of [[2, 3], [4, 1], [1, 1]] as const) {
      expect(tensorFusion(randomVec(dA), randomVec(dB)).flat()).toHaveLength((dA + 1) * (dB + 1));
    }
  });

  it('contains xA, xB, the outer product xA xB^T and the constant 1', () => {
    const xA = randomVec(3), xB = randomVec(2);
    const b = blocks(tensorFusion(xA, xB), 3, 2);
    expect(b.unimodalA).toEqual(xA);
    expect(b.unimodalB).toEqual(xB);
    expect(b.bimodal).toEqual(outer(xA, xB));
    expect(b.constant).toBe(1);
  });

  it('a linear layer on top needs (dA+1)(dB+1) weights per output', () => {
    expect(tensorFusionParams(2, 3, 4)).toBe(tensorFusion([1, 2], [3, 0, -1]).flat().length * 4);
  });
});

describe('low-rank fusion', () => {
  it('equals full tensor fusion with the rank-r weight tensor the factors define', () => {
    for (const [rank, dA, dB, dOut] of [[1, 2, 3, 2], [2, 2, 3, 2], [4, 3, 4, 3]] as const) {
      const fA = randomFactors(rand, rank, dA, dOut), fB = randomFactors(rand, rank, dB, dOut);
      const xA = randomVec(dA), xB = randomVec(dB);
      const low = lowRankFusion(xA, xB, fA, fB);
      const full = fullTensorFusion(xA, xB, weightTensor(fA, fB));
      expect(low).toHaveLength(dOut);
      low.forEach((h, k) => expect(h).toBeCloseTo(full[k]!, 10));
    }
  });

  it('full tensor fusion is the weighted sum of the tensor-fusion entries', () => {
    const W = [0, 1, 2].map(() => [0, 1, 2, 3].map(() => randomVec(1)));
    const xA = randomVec(2), xB = randomVec(3);
    const Z = tensorFusion(xA, xB);
    const expected = Z.reduce((s, row, i) => s + row.reduce((t, z, j) => t + z * W[i]![j]![0]!, 0), 0);
    expect(fullTensorFusion(xA, xB, W)[0]).toBeCloseTo(expected, 12);
  });

  it('with rank 1, each output is a product of one projection per modality', () => {
    const fA = randomFactors(rand, 1, 2, 1), fB = randomFactors(rand, 1, 3, 1);
    const xA = randomVec(2), xB = randomVec(3);
    const pA = [...xA, 1].reduce((s, x, i) => s + x * fA[0]![i]![0]!, 0);
    const pB = [...xB, 1].reduce((s, x, j) => s + x * fB[0]![j]![0]!, 0);
    expect(lowRankFusion(xA, xB, fA, fB)[0]).toBeCloseTo(pA * pB, 12);
  });

  it('counts parameters: a product of sizes for the full tensor, a sum for low rank', () => {
    const fA = randomFactors(rand, 2, 2, 2), fB = randomFactors(rand, 2, 3, 2);
    expect(lowRankParams(2, 3, 2, 2)).toBe(fA.flat(2).length + fB.flat(2).length);
    expect(tensorParams(2, 3, 2)).toBe(weightTensor(fA, fB).flat(2).length);
    expect(tensorParams(64, 64, 32)).toBe(65 * 65 * 32);
    expect(lowRankParams(64, 64, 32, 4)).toBeLessThan(tensorParams(64, 64, 32) / 8);
  });

  it('mulberry32 is deterministic per seed', () => {
    const a = mulberry32(5), b = mulberry32(5), c = mulberry32(6);
    const [x, y, z] = [a(), b(), c()];
    expect(x).toBe(y);
    expect(x).not.toBe(z);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
  });
});

describe('gated fusion (Gated Multimodal Unit)', () => {
  const xA = [1, 2, -3], xB = [-1, 4, 0.5, 2];
  const weights = (bg: number[]) => ({ WA: randomMat(3, 3), WB: randomMat(3, 4), Wg: randomMat(3, 7), bg });

  it('gate 1 returns the projection of xA, gate 0 that of xB', () => {
    const hA = [0.1, -0.2, 0.3], hB = [0.5, 0.6, -0.7];
    expect(mix([1, 1, 1], hA, hB)).toEqual(hA);
    expect(mix([0, 0, 0], hA, hB)).toEqual(hB);
  });

  it('mixes tanh projections, not the raw inputs: a saturated gate gives tanh(WA xA) or tanh(WB xB)', () => {
    const wUp = weights([50, 50, 50]);
    const up = gatedFusion(xA, xB, wUp);
    expect(up.hA).toEqual(project(wUp.WA, xA));
    up.z.forEach((z, k) => expect(z).toBeCloseTo(up.hA[k]!, 6));
    up.z.forEach((z) => expect(Math.abs(z)).toBeLessThan(1)); // xA[2] = -3 itself never comes through
    const w = weights([-50, -50, -50]);
    const down = gatedFusion(xA, xB, w);
    down.z.forEach((z, k) => expect(z).toBeCloseTo(Math.tanh(w.WB[k]!.reduce((s, wk, i) => s + wk * xB[i]!, 0)), 6));
  });

  it('the gate lies in (0, 1) and each fused feature lies in (-1, 1), between the two projections', () => {
    for (let t = 0; t < 10; t++) {
      const { hA, hB, g, z } = gatedFusion(xA, xB, weights(randomVec(3)));
      g.forEach((gk) => {
        expect(gk).toBeGreaterThan(0);
        expect(gk).toBeLessThan(1);
      });
      z.forEach((zk, k) => {
        expect(Math.abs(zk)).toBeLessThan(1);
        expect(zk).toBeGreaterThanOrEqual(Math.min(hA[k]!, hB[k]!));
        expect(zk).toBeLessThanOrEqual(Math.max(hA[k]!, hB[k]!));
      });
    }
  });

  it('the gate reads both modalities: sigmoid(Wg [xA; xB] + bg)', () => {
    const Wg = [[0, 0, 0, 1, 0, 0, 0]]; // looks only at xB[0]
    expect(gate(xA, xB, Wg, [0])[0]).toBeCloseTo(sigmoid(xB[0]!), 12);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('additive projection', () => {
  const as = [-1, 0, 1, 2], bs = [-1, 0.5, 2];

  it('an additive f (even with nonlinear unimodal parts) has zero residual', () => {
    const f: Fusion = (a, b) => Math.tanh(a) + b * b - 3;
    expect(residualRms(f, as, bs)).toBeCloseTo(0, 12);
    const p = additiveProjection(f, as, bs);
    for (const a of as) for (const b of bs) expect(p(a, b)).toBeCloseTo(f(a, b), 12);
  });

  it('a bilinear f has residual w * (a - mean a) * (b - mean b)', () => {
    const w = 2;
    const ma = as.reduce((s, x) => s + x, 0) / as.length, mb = bs.reduce((s, x) => s + x, 0) / bs.length;
    const r = residual((a, b) => w * a * b, as, bs);
    as.forEach((a, i) => bs.forEach((b, j) => expect(r[i]![j]!).toBeCloseTo(w * (a - ma) * (b - mb), 12)));
    expect(residualRms((a, b) => w * a * b, as, bs)).toBeGreaterThan(0.5);
  });

  it('projecting twice changes nothing, and the residual averages to 0 along rows and columns', () => {
    const f: Fusion = (a, b) => Math.max(0, a + b) + Math.sin(a * b);
    const p = additiveProjection(f, as, bs);
    const pp = additiveProjection(p, as, bs);
    for (const a of as) for (const b of bs) expect(pp(a, b)).toBeCloseTo(p(a, b), 12);
    const r = residual(f, as, bs);
    for (const row of r) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(0, 12);
    bs.forEach((_, j) => expect(r.reduce((s, row) => s + row[j]!, 0)).toBeCloseTo(0, 12));
    expect(residualRms(f, as, bs)).toBeGreaterThan(0.01);
  });
});

import { describe, expect, it } from 'vitest';
import {
  argmax,
  classifyInteraction,
  DOMINANCE_RATIO,
  matvec,
} from '../../decks/multimodality/examples/m2lens-interactions.js';
import {
  blendedLoss,
  blendWeights,
  deltaG,
  deltaO,
  EXAMPLE_HEADS,
  head as ogrHead,
  ogr,
  overfitting,
  type Head,
} from '../../decks/multimodality/examples/ogr-reweighting.js';

describe('M2Lens-style interaction types', () => {
  it('dominance: one contribution is much larger, whichever way they point', () => {
    expect(classifyInteraction([4, -4], [0.1, -0.1])).toBe('dominance A');
    expect(classifyInteraction([4, -4], [-0.1, 0.1])).toBe('dominance A');
    expect(classifyInteraction([0.1, 0.2], [-3, 3])).toBe('dominance B');
    expect(classifyInteraction([1, 0], [0, 0])).toBe('dominance A');
  });

  it('complement: comparable contributions that point the same way', () => {
    expect(classifyInteraction([-2, 2], [-1.5, 2.5])).toBe('complement');
    expect(classifyInteraction([1, 0, 0], [0.6, 0.3, 0])).toBe('complement');
  });

  it('conflict: comparable contributions that point opposite ways', () => {
    expect(classifyInteraction([-2, 2], [1, -1])).toBe('conflict');
    expect(classifyInteraction([1, 1], [-1, -0.5])).toBe('conflict');
  });

  it('the dominance threshold is the norm ratio', () => {
    const small = [1, 0];
    expect(classifyInteraction([DOMINANCE_RATIO * 0.99, 0], small)).toBe('complement');
    expect(classifyInteraction([DOMINANCE_RATIO * 1.01, 0], small)).toBe('dominance A');
    expect(classifyInteraction([2, 0], small, 1.5)).toBe('dominance A');
  });

  it('swapping the modalities swaps the dominant one and keeps complement/conflict', () => {
    const cases: [number[], number[]][] = [[[4, 0], [0.2, 0.1]], [[1, 1], [1, 0.5]], [[1, 1], [-1, -0.5]]];
    const swap = {
      'dominance A': 'dominance B',
      'dominance B': 'dominance A',
      complement: 'complement',
      conflict: 'conflict',
    } as const;
    for (const [a, b] of cases) expect(classifyInteraction(b, a)).toBe(swap[classifyInteraction(a, b)]);
  });

  it('contributions from a late-fusion head: a dominant modality decides the prediction alone', () => {
    const WA = [[-1, 0.5], [1, -0.5]], WB = [[0.5, -1], [-0.5, 1]];
    const cA = matvec(WA, [4, 0]), cB = matvec(WB, [1, 0.2]);
    expect(classifyInteraction(cA, cB)).toBe('dominance A');
    expect(argmax(cA.map((a, i) => a + cB[i]!))).toBe(argmax(cA));
  });
});

describe('OGR and Gradient-Blending weights', () => {
  const head = (name: string, train: [number, number], val: [number, number]): Head => ({
    name,
    before: { trainLoss: train[0], valLoss: val[0] },
    after: { trainLoss: train[1], valLoss: val[1] },
  });

  it('computes O, dO, dG and OGR from the train/validation losses of two checkpoints', () => {
    // worked by hand: O goes 0.2 -> 0.5 (dO = 0.3); validation loss falls 1.2 -> 1.0 (dG = 0.2)
    const h = head('a', [1.0, 0.5], [1.2, 1.0]);
    expect(overfitting(h.before)).toBeCloseTo(0.2, 12);
    expect(deltaO(h)).toBeCloseTo(0.3, 12);
    expect(deltaG(h)).toBeCloseTo(0.2, 12);
    expect(ogr(h)).toBeCloseTo(1.5, 12);
  });

  it('weights are proportional to dG / dO^2 and sum to 1', () => {
    const hs = [head('a', [1, 0.5], [1.2, 1.0]), head('b', [1, 0.8], [1.1, 0.8])];
    const w = blendWeights(hs);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    const raw = hs.map((h) => deltaG(h) / deltaO(h) ** 2);
    expect(w[0]! / w[1]!).toBeCloseTo(raw[0]! / raw[1]!, 6);
  });

  it('favours the modality that generalises better (same gain, less overfitting)', () => {
    const steady = head('video', [1.2, 0.9], [1.4, 1.2]); // dG 0.2, dO 0.1
    const memorising = head('audio', [1.2, 0.6], [1.4, 1.2]); // dG 0.2, dO 0.4
    expect(ogr(steady)).toBeLessThan(ogr(memorising));
    const [wSteady, wMem] = blendWeights([steady, memorising]);
    expect(wSteady!).toBeGreaterThan(wMem!);
  });

  it('favours more validation gain at equal overfitting, and gives 0 to a head whose validation loss rose', () => {
    const moreGain = head('a', [1, 0.6], [1.2, 0.9]); // dG 0.3, dO 0.1
    const lessGain = head('b', [1, 0.8], [1.2, 1.1]); // dG 0.1, dO 0.1
    const worse = head('c', [1, 0.5], [1.2, 1.3]); // dG -0.1
    const [a, b, c] = blendWeights([moreGain, lessGain, worse]);
    expect(a!).toBeGreaterThan(b!);
    expect(c).toBe(0);
  });

  it('weights each head by dG / dO^2, not by OGR alone: the lowest OGR need not get the largest weight', () => {
    const w = blendWeights(EXAMPLE_HEADS);
    const raw = EXAMPLE_HEADS.map((h) => deltaG(h) / deltaO(h) ** 2);
    const total = raw.reduce((a, b) => a + b, 0);
    raw.forEach((r, k) => expect(w[k]!).toBeCloseTo(r / total, 6));
    const lowOgr = ogrHead('x', 0.2, 0.1); // OGR 0.5
    const highOgr = ogrHead('y', 0.02, 0.015); // OGR 0.75, but a much smaller gap growth
    expect(ogr(lowOgr)).toBeLessThan(ogr(highOgr));
    const [wx, wy] = blendWeights([lowOgr, highOgr]);
    expect(wy!).toBeGreaterThan(wx!);
    expect(blendedLoss([0.25, 0.75], [2, 4])).toBeCloseTo(3.5, 12);
  });
});

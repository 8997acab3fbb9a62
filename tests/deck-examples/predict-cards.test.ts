/**
 * The predict-the-output examples of the bundled deck: each prints what a learner can work out by
 * hand (the expected lines below are those hand results), agrees with the full example it
 * shrinks, and a prediction typed at the usual precision is judged right.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPrediction } from '../../src/examples/predict.js';
import { dtw } from '../../decks/multimodality/examples/dtw.js';
import { dtwCost } from '../../decks/multimodality/examples/predict-dtw.js';
import { classifyInteraction } from '../../decks/multimodality/examples/m2lens-interactions.js';
import { lowRankParams, tensorParams } from '../../decks/multimodality/examples/low-rank-fusion.js';
import { tensorFusionParams } from '../../decks/multimodality/examples/tensor-fusion.js';
import { productLogic } from '../../decks/multimodality/examples/soft-logic.js';
import { infoNCE } from '../../decks/multimodality/examples/predict-infonce.js';
import { dtwTable } from '../../decks/multimodality/examples/predict-dtw-table.js';
import { collapse } from '../../decks/multimodality/examples/predict-ctc-collapse.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../decks/multimodality/examples');

async function output(file: string): Promise<string> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  const mod = (await import(path.join(dir, file))) as { main: () => void };
  mod.main();
  vi.restoreAllMocks();
  return lines.join('\n');
}
afterEach(() => vi.restoreAllMocks());

/** File, the exact output worked out by hand, and what a learner would type for it. */
const CASES: Array<{ file: string; printed: string; typed: string }> = [
  { file: 'predict-additive.ts', printed: 'z = 9.5', typed: 'z = 9.5' },
  { file: 'predict-elementwise.ts', printed: '[4,0,-3]\nunchanged where xB is 1: [1,2,3]', typed: '[4, 0, -3]\nunchanged where xB is 1: [1, 2, 3]' },
  { file: 'predict-tensor-size.ts', printed: 'two modalities: 12\nthree modalities: 60', typed: 'two modalities: 12\nthree modalities: 60' },
  { file: 'predict-lowrank-count.ts', printed: 'tensor: 100\nlow-rank: 40', typed: 'tensor: 100\nlow-rank: 40' },
  { file: 'predict-rank-one.ts', printed: 'z = 6', typed: 'z = 6' },
  { file: 'predict-gate.ts', printed: 'logit 0: 3.00\nlogit 10: 4.00\nlogit -10: 2.00', typed: 'logit 0: 3\nlogit 10: 4\nlogit -10: 2' },
  { file: 'predict-dtw.ts', printed: 'DTW([0,1,2], [0,0,1,2]) = 0\nDTW([0,2], [1]) = 2', typed: 'DTW([0,1,2],[0,0,1,2]) = 0\nDTW([0,2],[1]) = 2' },
  { file: 'predict-cosine.ts', printed: 'cos([1,1], [3,3]) = 1.00\ncos([1,0], [0,5]) = 0.00\ncos([2,0], [-1,0]) = -1.00', typed: 'cos([1,1], [3,3]) = 1\ncos([1,0], [0,5]) = 0\ncos([2,0], [-1,0]) = -1' },
  { file: 'predict-infonce.ts', printed: 'equal scores: 0.69\npositive far ahead: 0.01', typed: 'equal scores: 0.69\npositive far ahead: 0.01' },
  { file: 'predict-soft-logic.ts', printed: 'NOT shoes: 0.10\nNOT shoes AND beer: 0.05\nshoes OR beer: 0.95', typed: 'NOT shoes: 0.1\nNOT shoes AND beer: 0.05\nshoes OR beer: 0.95' },
  { file: 'predict-m2lens.ts', printed: 'complement\nconflict\ndominance A', typed: 'complement\nconflict\ndominance A' },
  { file: 'predict-ctc-collapse.ts', printed: 'hello\nhelo', typed: 'hello\nhelo' },
  { file: 'predict-dtw-table.ts', printed: '0 2 4\n1 1 2\n3 1 1', typed: '0 2 4\n1 1 2\n3 1 1' },
];

describe('predict-the-output examples', () => {
  it.each(CASES)('$file prints its hand-worked result, and the typed prediction is judged right', async ({ file, printed, typed }) => {
    const out = await output(file);
    expect(out).toBe(printed);
    expect(checkPrediction(typed, out).correct).toBe(true);
  });

  it('accept the values alone, without the printed labels', async () => {
    expect(checkPrediction('3\n4\n2', await output('predict-gate.ts')).correct).toBe(true);
    expect(checkPrediction('0\n2', await output('predict-dtw.ts')).correct).toBe(true);
    expect(checkPrediction('0\n1', await output('predict-dtw.ts')).correct).toBe(false);
  });

  it('agree with the full examples they shrink', () => {
    expect(dtwCost([0, 1, 2], [0, 0, 1, 2])).toBe(dtw([0, 1, 2], [0, 0, 1, 2]).cost);
    expect(dtwCost([0, 2], [1])).toBe(dtw([0, 2], [1]).cost);
    expect(dtwTable([1, 2, 3], [1, 3, 3])[2]![2]).toBe(dtw([1, 2, 3], [1, 3, 3]).cost);
    expect(dtwCost([0, 1, 2, 3, 2, 0], [0, 0, 1, 3, 3, 3, 2, 1, 0])).toBe(dtw([0, 1, 2, 3, 2, 0], [0, 0, 1, 3, 3, 3, 2, 1, 0]).cost);
    expect([classifyInteraction([1, 2], [2, 1]), classifyInteraction([1, 2], [-2, -1]), classifyInteraction([6, 8], [1, 0])])
      .toEqual(['complement', 'conflict', 'dominance A']);
    expect([tensorParams(9, 9, 1), lowRankParams(9, 9, 1, 2), tensorFusionParams(2, 3, 1)]).toEqual([100, 40, 12]);
    expect(productLogic.and(productLogic.not(0.9), 0.5)).toBeCloseTo(0.05, 12);
    expect(productLogic.or(0.9, 0.5)).toBeCloseTo(0.95, 12);
  });

  it('show what the cards claim: a blank keeps a doubled letter, and InfoNCE with equal scores is log 2', () => {
    expect(collapse('l-l')).toBe('ll');
    expect(collapse('ll')).toBe('l');
    expect(infoNCE(0.5, 0.5, 1)).toBeCloseTo(Math.log(2), 12);
    expect(infoNCE(0.5, 0.5, 0.01)).toBeCloseTo(Math.log(2), 12);
  });
});

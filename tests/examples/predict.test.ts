import { describe, expect, it } from 'vitest';
import { PREDICT_FAST_MS, checkPrediction, lineMatches, suggestPredictionGrade } from '../../src/examples/predict.js';

describe('a prediction of one line', () => {
  it.each([
    // typed, printed, match — numbers agree to the precision typed
    ['0.73', '0.7310585786', true],
    ['0.731', '0.7310585786', true],
    ['0.74', '0.7310585786', false],
    ['0.7311', '0.7310585786', true],
    ['0.7312', '0.7310585786', false],
    ['1', '0.7310585786', true],
    ['3', '3.2', true],
    ['3', '3.7', false],
    ['0.50', '0.5', true],
    ['0.7311', '0.73', false],
    ['-1.5', '-1.4999', true],
    ['1.5', '-1.5', false],
    ['2.5e-3', '0.00251', true],
    ['12', '1 2', false],
    // whitespace and case never matter; the words around numbers do
    ['cost = 2', 'cost=2', true],
    ['  Cost =  2 ', 'cost = 2', true],
    ['[1,2,3]', '[ 1, 2, 3 ]', true],
    ['cost = 2', 'loss = 2', false],
    ['true', 'false', false],
    ['NaN', 'NaN', true],
    // the label before the last ':' or '=' of the printed line may be left out
    ['3', 'logit 0: 3.00', true],
    ['3', 'logit 0: 4.00', false],
    ['0', 'DTW([0,1,2], [0,0,1,2]) = 0', true],
    ['logit 0', 'logit 0: 3.00', false],
    ['[1,2,3]', 'unchanged where xB is 1: [1,2,3]', true],
    ['hello', 'hello:', false],
  ])('%j against printed %j → %s', (typed, printed, match) => {
    expect(lineMatches(typed, printed)).toBe(match);
  });
});

describe('a prediction of several lines', () => {
  it('compares line by line and lists every line in the diff', () => {
    const printed = 'fused: [0.5, 1]\ngate: 0.73\n';
    const check = checkPrediction('fused: [0.5, 1]\ngate: 0.6', printed);
    expect(check.correct).toBe(false);
    expect(check.diff).toEqual([
      { line: 1, expected: 'fused: [0.5, 1]', predicted: 'fused: [0.5, 1]', match: true },
      { line: 2, expected: 'gate: 0.73', predicted: 'gate: 0.6', match: false },
    ]);
    expect(checkPrediction('fused: [0.5,1]\n\n  gate: 0.7 \n', printed).correct).toBe(true);
  });

  it('a missing or extra line is wrong and shows as null on its side', () => {
    const missing = checkPrediction('1', '1\n2');
    expect(missing.correct).toBe(false);
    expect(missing.diff[1]).toEqual({ line: 2, expected: '2', predicted: null, match: false });
    const extra = checkPrediction('1\n2\n3', '1\n2');
    expect(extra.correct).toBe(false);
    expect(extra.diff[2]).toEqual({ line: 3, expected: null, predicted: '3', match: false });
  });

  it('nothing printed is never predicted right, not even by nothing typed', () => {
    expect(checkPrediction('', '').correct).toBe(false);
    expect(checkPrediction('\r\n', '\n').correct).toBe(false);
  });
});

describe('the suggested grade', () => {
  it('wrong → again, right → good, right and fast → easy, right from a script → good', () => {
    expect(suggestPredictionGrade(false, 1000)).toBe('again');
    expect(suggestPredictionGrade(true, PREDICT_FAST_MS + 1)).toBe('good');
    expect(suggestPredictionGrade(true, PREDICT_FAST_MS)).toBe('easy');
    expect(suggestPredictionGrade(true, null)).toBe('good');
  });
});

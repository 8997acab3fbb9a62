/** Typed answers compared word by word: the diff, the options, Markdown stripping, the suggested grade. */
import { describe, expect, it } from 'vitest';
import { compareTyped, expectedAnswer, suggestTypedGrade } from '../../src/quiz/index.js';

const marks = (typed: string, back: string, options = {}) => compareTyped(typed, back, options).words.map((w) => `${w.mark[0]}:${w.text}`);

describe('compareTyped', () => {
  it('marks right, wrong and missing words in order', () => {
    expect(marks('the quick red fox', 'the quick brown fox jumps')).toEqual(['r:the', 'r:quick', 'w:red', 'm:brown', 'r:fox', 'm:jumps']);
    const r = compareTyped('the quick red fox', 'the quick brown fox jumps');
    expect([r.correct, r.right, r.total, r.suggested]).toEqual([false, 3, 5, 'again']);
  });

  it('ignores case, accents, extra whitespace and edge punctuation by default; options make case and accents count', () => {
    expect(compareTyped('  cafe   de   PARIS ', 'Café de Paris.').correct).toBe(true);
    expect(compareTyped('cafe', 'café', { accentSensitive: true }).correct).toBe(false);
    expect(compareTyped('paris', 'Paris', { caseSensitive: true }).correct).toBe(false);
    expect(compareTyped('3,14', '3.14').correct).toBe(false);
  });

  it('compares with the first paragraph of the answer, Markdown formatting stripped', () => {
    expect(expectedAnswer('**Tensor** fusion via `outer` [product](http://x) ==here==\n\nThe explanation follows.')).toBe('Tensor fusion via outer product here');
    expect(expectedAnswer('[[Canberra|the capital]] and [[Sydney]]')).toBe('the capital and Sydney');
    expect(compareTyped('tensor fusion', '*Tensor fusion*\n\nbecause…').correct).toBe(true);
    expect(compareTyped('', 'Paris').words).toEqual([{ text: 'Paris', mark: 'missing' }]);
  });

  it('suggests good when right (easy when fast), hard when one word is off in a longer answer, else again', () => {
    expect(compareTyped('Paris', 'Paris', {}, 30_000).suggested).toBe('good');
    expect(compareTyped('Paris', 'Paris', {}, 4_000).suggested).toBe('easy');
    expect(compareTyped('one two three four five', 'one two three four six').suggested).toBe('hard');
    expect(compareTyped('Lyon', 'Paris').suggested).toBe('again');
    expect(suggestTypedGrade({ correct: false, right: 3, total: 4, wrong: 0, durationMs: null })).toBe('hard');
    expect(suggestTypedGrade({ correct: false, right: 1, total: 2, wrong: 0, durationMs: null })).toBe('again');
  });
});

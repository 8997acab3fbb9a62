import { describe, expect, it } from 'vitest';
import { matchTitle, shortTitle, suggestGrade, typoAllowance } from '../../src/quiz/index.js';
import { quizPapers } from './fixture.js';

const pool = quizPapers();
const paper = (key: string) => pool.find((p) => p.key === key)!;

describe('typed titles', () => {
  it('accepts the exact title regardless of case and punctuation', () => {
    expect(matchTitle('tensor fusion network for multimodal sentiment analysis', paper('tfn'), pool)).toBe('exact');
    expect(matchTitle('  Show Attend and Tell - Neural Image Caption Generation With Visual Attention!', paper('sat'), pool)).toBe('exact');
  });

  it('accepts small typos, in proportion to the length', () => {
    expect(matchTitle('Tensr Fusion Network for Multimodal Sentiment Analysis', paper('tfn'), pool)).toBe('typo');
    expect(matchTitle('Tensr Fusoin Netwrk for Multimodal Sentiment Analysis', paper('tfn'), pool)).toBe('typo');
    expect(matchTitle('Deep Canonical Corelation Analysis', paper('dcca'), pool)).toBe('typo');
    expect(typoAllowance(3)).toBe(0);
    expect(typoAllowance(40)).toBe(5);
  });

  it('accepts aliases and the short title', () => {
    expect(matchTitle('TFN', paper('tfn'), pool)).toBe('exact');
    expect(matchTitle('mult', paper('mult'), pool)).toBe('exact');
    expect(matchTitle('Found in Translation', paper('mctn'), pool)).toBe('exact');
    expect(matchTitle('Found in Translaton', paper('mctn'), pool)).toBe('typo');
    expect(matchTitle('Show, Attend and Tell', paper('sat'), pool)).toBe('exact');
    expect(shortTitle('Found in Translation: Learning Robust Joint Representations')).toBe('Found in Translation');
    expect(shortTitle('Multimodal Deep Learning')).toBeNull();
  });

  it('rejects a typo in a short alias, another paper, and similar but different titles', () => {
    expect(matchTitle('TFM', paper('tfn'), pool)).toBe('wrong');
    expect(matchTitle('LMF', paper('tfn'), pool)).toBe('wrong');
    expect(matchTitle('Efficient Low-rank Multimodal Fusion with Modality-Specific Factors', paper('tfn'), pool)).toBe('wrong');
    expect(matchTitle('Tensor Fusion Network for Multimodal Emotion Recognition', paper('tfn'), pool)).toBe('wrong');
    expect(matchTitle('Deep Multimodal Learning', paper('mdl'), pool)).toBe('wrong');
    expect(matchTitle('Deep Correlation Analysis', paper('dcca'), pool)).toBe('wrong');
    expect(matchTitle('', paper('tfn'), pool)).toBe('wrong');
  });

  it('rejects a near-typo of the answer when it is as close to another paper', () => {
    const twins = [
      { ...paper('dcca'), key: 'a', title: 'Deep Canonical Correlation Analysis', aliases: [] },
      { ...paper('dcca'), key: 'b', title: 'Deep Canonical Correlation Analyses', aliases: [] },
    ];
    expect(matchTitle('Deep Canonical Correlation Analysis', twins[0]!, twins)).toBe('exact');
    expect(matchTitle('Deep Canonical Correlation Analysis', twins[1]!, twins)).toBe('wrong');
  });
});

describe('grade suggestion', () => {
  it('maps wrong to again, typos and hesitation to hard, fast and exact to easy, else good', () => {
    expect(suggestGrade({ form: 'type-paper', match: 'wrong', durationMs: 1000 })).toBe('again');
    expect(suggestGrade({ form: 'type-paper', match: 'typo', durationMs: 1000 })).toBe('hard');
    expect(suggestGrade({ form: 'choose-paper', match: 'exact', durationMs: 60_000 })).toBe('hard');
    expect(suggestGrade({ form: 'choose-paper', match: 'exact', durationMs: 2_000 })).toBe('easy');
    expect(suggestGrade({ form: 'choose-paper', match: 'exact', durationMs: 10_000 })).toBe('good');
    expect(suggestGrade({ form: 'type-paper', match: 'exact', durationMs: 10_000 })).toBe('easy');
    expect(suggestGrade({ form: 'type-paper', match: 'exact', durationMs: null })).toBe('good');
  });
});

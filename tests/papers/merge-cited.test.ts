import { describe, expect, it } from 'vitest';
import { mergeCitedPaper, type CitedPaperFacts } from '../../src/papers/index.js';

const stored: CitedPaperFacts = { key: 'attention', title: 'Attention', authors: ['Vaswani'], venue: 'NeurIPS', year: null, slugs: ['attention'] };

describe('a paper cited again', () => {
  it('keeps every author and slug, the fuller title, and the venue and year first known', () => {
    const cited = { key: 'attention', title: 'Attention Is All You Need', authors: ['Vaswani', 'Shazeer'], venue: 'arXiv', year: 2017, slugs: ['vaswani2017'] };
    expect(mergeCitedPaper(stored, cited)).toEqual({
      key: 'attention', title: 'Attention Is All You Need', authors: ['Vaswani', 'Shazeer'], venue: 'NeurIPS', year: 2017, slugs: ['attention', 'vaswani2017'],
    });
  });

  it('does not shorten a title the store already has in full', () => {
    const full = { ...stored, title: 'Attention Is All You Need' };
    expect(mergeCitedPaper(full, { ...stored, title: 'Attention' }).title).toBe('Attention Is All You Need');
  });
});

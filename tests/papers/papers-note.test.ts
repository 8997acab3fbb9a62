import { describe, expect, it } from 'vitest';
import { findDeclared, papersMentioned, parsePapersNote, resolvesToPaper } from '../../src/papers/index.js';

const NOTE = [
  '---', 'papers: true', '---', '# Papers', '',
  '## Tensor Fusion Network for Multimodal Sentiment Analysis',
  '- slugs: tensor_fusion_network, [[tfn_paper]]',
  '- aliases: TFN',
  '- first author: Amir Zadeh',
  '- venue: EMNLP',
  '- year: 2017',
  '- topic: Fusion',
  '- idea: Fuses modalities with an outer product of the unimodal vectors',
  '  each extended by a constant 1.',
  '- checked: https://aclanthology.org/D17-1115/',
  '',
  '## Learning Transferable Visual Models From Natural Language Supervision',
  '- aliases: CLIP',
  '- year: 21',
  '- colour: blue',
].join('\n');

describe('parsePapersNote', () => {
  const { papers, problems } = parsePapersNote(NOTE, 'papers.md');

  it('reads each field of each paper, with the heading line', () => {
    expect(papers).toHaveLength(2);
    expect(papers[0]).toEqual({
      key: 'tensor_fusion_network_for_multimodal_sentiment_analysis',
      title: 'Tensor Fusion Network for Multimodal Sentiment Analysis',
      slugs: ['tensor_fusion_network', 'tfn_paper', 'tensor_fusion_network_for_multimodal_sentiment_analysis'],
      aliases: ['TFN'], firstAuthor: 'Amir Zadeh', authors: ['Amir Zadeh'], venue: 'EMNLP', year: 2017, topic: 'fusion',
      idea: 'Fuses modalities with an outer product of the unimodal vectors each extended by a constant 1.', line: 6,
    });
    expect(papers[1]?.year).toBeNull();
  });

  it('reports a bad year and an unknown field at their lines', () => {
    expect(problems).toEqual([
      { file: 'papers.md', line: 19, message: expect.stringMatching(/four-digit year/) },
      { file: 'papers.md', line: 20, message: expect.stringMatching(/unknown paper field 'colour'/) },
    ]);
  });

  it('finds the declared paper behind a wikilink slug, a title variant or an alias', () => {
    expect(findDeclared({ key: 'tfn_paper', title: 'Tfn paper', slugs: ['tfn_paper'] }, papers)?.title).toMatch(/^Tensor Fusion/);
    expect(findDeclared({ key: 'x', title: 'Tensor fusion network for multimodal sentiment analysis', slugs: [] }, papers)?.title).toMatch(/^Tensor Fusion/);
    expect(findDeclared({ key: 'clip', title: 'CLIP', slugs: [] }, papers)?.title).toMatch(/^Learning Transferable/);
    expect(findDeclared({ key: 'memory_fusion_network', title: 'Memory Fusion Network', slugs: ['memory_fusion_network'] }, papers)).toBeNull();
    expect(resolvesToPaper('tensor_fusion_network', papers)).toBe(true);
    expect(resolvesToPaper('memory_fusion_network', papers)).toBe(false);
  });

  it('reports a paper declared twice', () => {
    const twice = parsePapersNote('## A Paper Title\n- year: 2020\n\n## A paper title\n', 'p.md');
    expect(twice.problems).toEqual([{ file: 'p.md', line: 4, message: "paper 'A paper title' is declared twice (first at line 1)" }]);
  });
});

describe('findDeclared with what the extractor leaves around a title', () => {
  const { papers } = parsePapersNote([
    '## Multi-View Intact Space Learning', '- aliases: MISL', '',
    '## MUFASA: Multimodal Fusion Architecture Search for Electronic Health Records', '- aliases: MUFASA',
  ].join('\n'), 'p.md');

  it('finds a declared title inside authors and venue', () => {
    expect(findDeclared({ key: 'x', title: 'Xu, Tao & Xu, "Multi-view Intact Space Learning", IEEE', slugs: [] }, papers)?.title).toBe('Multi-View Intact Space Learning');
  });

  it('finds an alias that leads the words, but not one buried inside them', () => {
    expect(findDeclared({ key: 'x', title: 'MUFASA, Xu, So & Dai', slugs: [] }, papers)?.title).toMatch(/^MUFASA:/);
    expect(findDeclared({ key: 'x', title: 'Beyond MUFASA and friends', slugs: [] }, papers)).toBeNull();
  });
});

describe('papersMentioned', () => {
  const { papers } = parsePapersNote([
    '## Learning Transferable Visual Models From Natural Language Supervision', '- aliases: CLIP', '',
    '## Gated Multimodal Units for Information Fusion', '',
  ].join('\n'), 'p.md');

  it('finds a full title in any case and an alias as its own word with its capitals', () => {
    expect(papersMentioned('Arevalo et al., "Gated multimodal units for information fusion", 2017', papers)).toEqual(['gated_multimodal_units_for_information_fusion']);
    expect(papersMentioned('Why does CLIP need negatives?', papers)).toEqual(['learning_transferable_visual_models_from_natural_language_supervision']);
  });

  it('ignores an alias inside another word or in other capitals, and partial titles', () => {
    expect(papersMentioned('We clip the gradients; CLIPPED values; gated units for fusion', papers)).toEqual([]);
  });
});

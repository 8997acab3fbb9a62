import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPaperRefs, mergePapers, normalizeKey, paperKeyOf, type Paper } from '../../src/papers/index.js';

const NOTE = new URL('../fixtures/source-notes/challenges-in-multimodality.md', import.meta.url);
const text = readFileSync(NOTE, 'utf8');
const refs = extractPaperRefs(text);
const papers = mergePapers(refs.map((r) => ({ ...r, file: 'challenges-in-multimodality.md' })));

function paper(title: string): Paper | undefined {
  return papers.find((p) => p.title === title);
}

describe('the sample note challenges-in-multimodality.md', () => {
  it('yields at least 40 papers, each with a title and a unique key', () => {
    expect(papers.length).toBeGreaterThanOrEqual(40);
    for (const p of papers) {
      expect(p.title.trim()).not.toBe('');
      expect(p.refs.length).toBeGreaterThan(0);
    }
    expect(new Set(papers.map((p) => p.key)).size).toBe(papers.length);
  });

  it.each([
    ['Efficient Low Rank Multimodal Fusion with Modality-specific Factors', 'ACL', 2018, 23],
    ['On Deep Multi-view representation learning objectives and optimization', 'PMLR', 2015, 44],
    ['On the benefits of early fusion in multimodal representation learning', null, 2022, 34],
    ['Self-Supervised Learning from a Multi-View perspective', null, null, 66],
    ['Deep Multimodal Clustering for Unsupervised Audiovisual Learning', 'CVPR', 2019, 73],
    ['Extending LSTM for Multi-view Structured Learning', null, null, 182],
    ['MUFASA: Multimodal fusion architecture search for electronic health records', 'AAAI', 2021, 205],
    ['Extracting Training data from Large Language Models', 'USENIX', 2021, 329],
    ['Multimodal Few-Shot learning with Frozen Language Models', 'NeurIPS', 2021, 346],
    ['Foundations of multimodal co-learning', 'Information Fusion', 2020, 365],
    ['Vokenization: Improving Language Understanding with Contextualized Visual-Grounded Supervision', null, 2020, 381],
    ['Multibench: Multiscale benchmarks for multimodal representation learning', 'NeurIPS', 2021, 445],
    ['Multimodal Deep Learning', 'ICML', 2011, 448],
    ['Multimodal learning with deep boltzmann machines', 'JMLR', 2014, 449],
    ['Does my multimodal model learn cross-modal interactions? Its harder to tell than you might think!', 'EMNLP', 2020, 463],
    ['What makes training multi-modal classification networks hard?', 'CVPR', 2022, 500],
  ] as const)('has %s (%s %s) cited on line %s', (title, venue, year, line) => {
    const p = paper(title);
    expect(p, title).toBeDefined();
    expect(p?.venue).toBe(venue);
    expect(p?.year).toBe(year);
    expect(p?.refs.map((r) => r.line)).toContain(line);
  });

  it('merges each wikilink with the prose citation on its line', () => {
    const efficient = paper('Efficient Low Rank Multimodal Fusion with Modality-specific Factors');
    expect(efficient?.slugs).toEqual(['efficient_low_rank_multimodal_fusion_with_modality_specific_factors']);
    const wang = paper('On Deep Multi-view representation learning objectives and optimization');
    expect(wang?.authors).toEqual(['Wang']);
    expect(wang?.slugs).toEqual(['on_deep_multi_view_representation_learning_objectives_and_optimization']);
    // No paper is listed twice: once under its slug and once under its prose title.
    const slugged = papers.filter((p) => p.slugs.length > 0).length;
    const slugs = new Set(refs.flatMap((r) => (r.slug ? [r.slug] : [])));
    expect(slugged).toBe(slugs.size);
    expect(papers.find((p) => p.slugs.includes('lxmert'))?.refs.map((r) => r.line)).toEqual([111, 121]);
  });

  it('has no record made from ordinary prose', () => {
    const keys = new Set(papers.map((p) => p.key));
    const notPapers = [
      'Simple fusion: Modalities are homogenous, fusion just means adding or concatenation',
      'Dynamic Time Warping',
      'Full Multimodal ML Course at CMU',
      'Causal VQA: Does my multimodal model capture causation or correlation',
      'Is the man NOT wearing shoes AND is there beer?',
      'basic fusion',
      'PULSE',
      'Translation: DALL-E',
      'Unimodal bias and modality collapse',
    ];
    for (const s of notPapers) expect(keys.has(normalizeKey(s)), s).toBe(false);
    for (const p of papers) {
      expect(p.title, 'a title is not a sentence of the notes').not.toMatch(/^(?:Eg|This|What is|How|You|We|It|There)\b/);
      expect(p.title.split(/\s+/).length).toBeLessThanOrEqual(20);
    }
  });

  it('gives line numbers that point at the citation', () => {
    const lines = text.split('\n');
    for (const r of refs) {
      const line = lines[r.line - 1] ?? '';
      expect(line, `line ${r.line}`).toContain(r.raw.slice(0, 20));
    }
  });

  it('maps every ref to a paper key', () => {
    const keys = new Set(papers.map((p) => p.key));
    for (const r of refs) expect(keys.has(paperKeyOf(r, papers)), r.raw).toBe(true);
  });
});

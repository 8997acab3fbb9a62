import { describe, expect, it } from 'vitest';
import type { PaperRef } from '../../src/core/types.js';
import { extractPaperRefs, keysMatch, mergePapers, paperKeyOf } from '../../src/papers/index.js';

/** Refs of several notes, each tagged with its file. */
function refsOf(notes: Record<string, string>): Array<PaperRef & { file: string }> {
  return Object.entries(notes).flatMap(([file, text]) => extractPaperRefs(text).map((r) => ({ ...r, file })));
}

describe('keysMatch', () => {
  const words = (k: string) => k.split('_');
  it('matches equal keys, long prefixes and near-identical word sets', () => {
    expect(keysMatch(words('lxmert'), words('lxmert'))).toBe(true);
    expect(keysMatch(words('on_deep_multi_view_representation_learning'), words('on_deep_multi_view_representation_learning_objectives_and_optimization'))).toBe(true);
    expect(
      keysMatch(
        words('learning_to_compose_and_reason_with_language_tree_structures_for_visual_grounding'),
        words('learning_to_compose_and_reason_language_tree_structures_for_visual_grounding'),
      ),
    ).toBe(true);
  });
  it('does not match short prefixes or different papers', () => {
    expect(keysMatch(words('multimodal_deep_learning'), words('multimodal_deep_learning_with_transformers'))).toBe(false);
    expect(keysMatch(words('dall_e'), words('dall_e_2_hierarhical_text_conditioned_image_generation_with_clip_latents'))).toBe(false);
    expect(keysMatch(words('multimodal_learning_with_deep_boltzmann_machines'), words('multimodal_deep_learning'))).toBe(false);
    expect(keysMatch([], [])).toBe(false);
    // Same words apart from a number: a different paper, not a typo.
    expect(
      keysMatch(words('hierarchical_text_conditional_image_generation_with_clip_latents_2'), words('hierarchical_text_conditional_image_generation_with_clip_latents_3')),
    ).toBe(false);
  });
});

describe('mergePapers', () => {
  it('merges the same paper cited by slug in one note and by prose title in another', () => {
    const papers = mergePapers(
      refsOf({
        'a.md': 'Lecture notes. [[efficient_low_rank_multimodal_fusion_with_modality_specific_factors]]',
        'b.md': '\n\n - Efficient Low Rank Multimodal Fusion with Modality-specific Factors (Liu et al, ACL 2018)',
      }),
    );
    expect(papers).toEqual([
      {
        key: 'efficient_low_rank_multimodal_fusion_with_modality_specific_factors',
        title: 'Efficient Low Rank Multimodal Fusion with Modality-specific Factors',
        authors: ['Liu'],
        venue: 'ACL',
        year: 2018,
        slugs: ['efficient_low_rank_multimodal_fusion_with_modality_specific_factors'],
        refs: [
          { file: 'a.md', line: 1 },
          { file: 'b.md', line: 3 },
        ],
      },
    ]);
  });

  it('merges a shortened prose title into its full slug and keeps the longer, cased title', () => {
    const papers = mergePapers(
      refsOf({
        'a.md': '"Wang et al On Deep Multi-view representation learning PMLR 2015"',
        'b.md': '[[on_deep_multi_view_representation_learning_objectives_and_optimization]]',
      }),
    );
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      title: 'On Deep Multi-view representation learning objectives and optimization',
      authors: ['Wang'],
      venue: 'PMLR',
      year: 2015,
      slugs: ['on_deep_multi_view_representation_learning_objectives_and_optimization'],
    });
  });

  it('merges a misspelled citation by word overlap and unions authors, first venue and year', () => {
    const papers = mergePapers(
      refsOf({
        'a.md': 'Learning to Compose and Reason with Language Tree Structures for Visual Grounding (Hong et al 2019)',
        'b.md': 'See Learning to compose and reason with language tree structures for visual grounding TPAMI 2021, Hong et al.',
        'c.md': 'Learning to Compose and Reason with Language Tree Strucutres for Visual Grounding (Zhang et al)',
      }),
    );
    expect(papers).toHaveLength(1);
    expect(papers[0]?.authors).toEqual(['Hong', 'Zhang']);
    expect(papers[0]?.venue).toBe('TPAMI');
    expect(papers[0]?.year).toBe(2019);
    expect(papers[0]?.refs).toHaveLength(3);
  });

  it('keeps different papers apart, in order of first citation', () => {
    const papers = mergePapers(
      refsOf({
        'a.md': [' - Multimodal Deep Learning (Ngiam ICML 2011)', ' - Srivastava and Salakhutdinov: Multimodal learning with deep boltzmann machines JMLR 2014', '[[dall_e]] [[dall_e_2_hierarhical_text_conditioned_image_generation_with_clip_latents]]'].join('\n'),
      }),
    );
    expect(papers.map((p) => p.title)).toEqual([
      'Multimodal Deep Learning',
      'Multimodal learning with deep boltzmann machines',
      'DALL-E',
      'DALL-E 2 hierarhical text conditioned image generation with CLIP latents',
    ]);
    expect(new Set(papers.map((p) => p.key)).size).toBe(4);
  });

  it('lists a paper cited twice on one line once per line, and twice across lines', () => {
    const papers = mergePapers(refsOf({ 'a.md': '[[lxmert]] and [[lxmert]]\nSee [[lxmert]]' }));
    expect(papers).toHaveLength(1);
    expect(papers[0]?.refs).toEqual([
      { file: 'a.md', line: 1 },
      { file: 'a.md', line: 2 },
    ]);
  });

  it('returns nothing for no refs', () => {
    expect(mergePapers([])).toEqual([]);
  });
});

describe('paperKeyOf', () => {
  it('maps every ref to the key of the paper it was merged into', () => {
    const refs = refsOf({
      'a.md': '[[on_deep_multi_view_representation_learning_objectives_and_optimization]]\nMultimodal Deep Learning (Ngiam ICML 2011)',
      'b.md': '"Wang et al On Deep Multi-view representation learning PMLR 2015"',
    });
    const papers = mergePapers(refs);
    expect(papers).toHaveLength(2);
    const [first, second, third] = refs;
    if (!first || !second || !third) throw new Error('expected three refs');
    expect(paperKeyOf(first, papers)).toBe('on_deep_multi_view_representation_learning_objectives_and_optimization');
    expect(paperKeyOf(third, papers)).toBe('on_deep_multi_view_representation_learning_objectives_and_optimization');
    expect(paperKeyOf(second, papers)).toBe('multimodal_deep_learning');
  });

  it('falls back to the ref key when no paper matches', () => {
    const [ref] = extractPaperRefs('Multimodal Deep Learning (Ngiam ICML 2011)');
    if (!ref) throw new Error('expected a ref');
    expect(paperKeyOf(ref, [])).toBe('multimodal_deep_learning');
  });
});

describe('mergePapers at scale', () => {
  it('groups exactly as comparing every pair with keysMatch would', () => {
    // Deterministic titles from a small vocabulary, plus shortened and reworded variants.
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const vocab = Array.from({ length: 60 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    const titles: string[] = [];
    for (let i = 0; i < 150; i++) {
      const base = Array.from({ length: 4 + rnd(10) }, () => vocab[rnd(vocab.length)] ?? 'x');
      titles.push(base.join(' '));
      // Shortened (prefix rule) and with its first word changed (only word overlap can match).
      if (rnd(2) === 0) titles.push(base.slice(0, Math.max(4, base.length - 2)).join(' '));
      if (rnd(2) === 0) titles.push([vocab[rnd(vocab.length)] ?? 'y', ...base.slice(1)].join(' '));
    }
    const refs = titles.map((title, i) => ({ key: title.replace(/ /g, '_'), title, authors: [], venue: null, year: null, slug: null, line: i + 1, raw: title, file: 'a.md' }));

    const parent = titles.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : find(parent[i] ?? i));
    for (let i = 0; i < titles.length; i++) {
      for (let j = i + 1; j < titles.length; j++) {
        if (keysMatch((titles[i] ?? '').split(' '), (titles[j] ?? '').split(' '))) parent[find(j)] = find(i);
      }
    }
    const expected = new Set(titles.map((_, i) => titles.map((__, j) => j).filter((j) => find(j) === find(i)).map((j) => j + 1).join(',')));
    const actual = new Set(mergePapers(refs).map((p) => p.refs.map((r) => r.line).join(',')));
    expect(actual).toEqual(expected);
    expect(actual.size).toBeGreaterThan(50);
    expect(actual.size).toBeLessThan(titles.length);
  });
});

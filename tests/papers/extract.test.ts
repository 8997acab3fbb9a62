import { describe, expect, it } from 'vitest';
import { extractPaperRefs, humanizeSlug } from '../../src/papers/index.js';

/** The prose fields of every ref found in `text`. */
function cites(text: string) {
  return extractPaperRefs(text).map(({ title, authors, venue, year }) => ({ title, authors, venue, year }));
}

describe('prose citations from the sample note', () => {
  const cases: Array<[string, { title: string; authors: string[]; venue: string | null; year: number | null }]> = [
    [
      '\t - See "Wang et al On Deep Multi-view representation learning PMLR 2015"',
      { title: 'On Deep Multi-view representation learning', authors: ['Wang'], venue: 'PMLR', year: 2015 },
    ],
    [
      '\t- See Tsai et al Self-Supervised Learning from a Multi-View perspective.',
      { title: 'Self-Supervised Learning from a Multi-View perspective', authors: ['Tsai'], venue: null, year: null },
    ],
    [
      'See Hu et al Deep Multimodal Clustering for Unsupervised Audiovisual Learning (CVPR 2019)',
      { title: 'Deep Multimodal Clustering for Unsupervised Audiovisual Learning', authors: ['Hu'], venue: 'CVPR', year: 2019 },
    ],
    [
      '\t * See "on the benefits of early fusion in multimodal representation learning" 2022',
      { title: 'On the benefits of early fusion in multimodal representation learning', authors: [], venue: null, year: 2022 },
    ],
    [
      '\t- See MUFASA: Multimodal fusion architecture search for electronic health records AAAI 2021',
      { title: 'MUFASA: Multimodal fusion architecture search for electronic health records', authors: [], venue: 'AAAI', year: 2021 },
    ],
    [
      ' - Multimodal Few-Shot learning with Frozen Language Models NeurIPS 2021.',
      { title: 'Multimodal Few-Shot learning with Frozen Language Models', authors: [], venue: 'NeurIPS', year: 2021 },
    ],
    [
      'Foundations of multimodal co-learning Information Fusion 2020. Zadeh et al.',
      { title: 'Foundations of multimodal co-learning', authors: ['Zadeh'], venue: 'Information Fusion', year: 2020 },
    ],
    [
      'Masked language mdoelling: Vokenization: Improving Language Understanding with Contextualized Visual-Grounded Supervision (Tan and Bansal 2020).',
      {
        title: 'Vokenization: Improving Language Understanding with Contextualized Visual-Grounded Supervision',
        authors: ['Tan', 'Bansal'],
        venue: null,
        year: 2020,
      },
    ],
    [
      'Liant et al: Multibench: Multiscale benchmarks for multimodal representation learning (NeurIPS 2021).',
      { title: 'Multibench: Multiscale benchmarks for multimodal representation learning', authors: ['Liant'], venue: 'NeurIPS', year: 2021 },
    ],
    [' - Multimodal Deep Learning (Ngiam ICML 2011)', { title: 'Multimodal Deep Learning', authors: ['Ngiam'], venue: 'ICML', year: 2011 }],
    [
      ' - Srivastava and Salakhutdinov: Multimodal learning with deep boltzmann machines JMLR 2014',
      { title: 'Multimodal learning with deep boltzmann machines', authors: ['Srivastava', 'Salakhutdinov'], venue: 'JMLR', year: 2014 },
    ],
    [
      '"Does my multimodal model learn cross-modal interactions? Its harder to tell than you might think!" (EMNLP 2020)',
      {
        title: 'Does my multimodal model learn cross-modal interactions? Its harder to tell than you might think!',
        authors: [],
        venue: 'EMNLP',
        year: 2020,
      },
    ],
    [
      ' - Extracting Training data from Large Language Models (USENIX 2021)',
      { title: 'Extracting Training data from Large Language Models', authors: [], venue: 'USENIX', year: 2021 },
    ],
    [
      '\t- Rajagoapaln et al, Extending LSTM for Multi-view Structured Learning.',
      { title: 'Extending LSTM for Multi-view Structured Learning', authors: ['Rajagoapaln'], venue: null, year: null },
    ],
    [
      ' - See Wang et al : What makes training multi-modal classification networks hard? (CVPR 2022)',
      { title: 'What makes training multi-modal classification networks hard?', authors: ['Wang'], venue: 'CVPR', year: 2022 },
    ],
    [
      '- Cross-modal interactions worsen socail bases (Srinivasan and Bisk: Biases compound in pre-trained vision and language models NAACL 2022)',
      { title: 'Biases compound in pre-trained vision and language models', authors: ['Srinivasan', 'Bisk'], venue: 'NAACL', year: 2022 },
    ],
    [
      '\t\t- See towards Causal VQA: revealing and Reducing Spurious Correlations by Invariant and Covariant Semantic Editing (CVPR 2020 Agarwal)',
      {
        title: 'Towards Causal VQA: revealing and Reducing Spurious Correlations by Invariant and Covariant Semantic Editing',
        authors: ['Agarwal'],
        venue: 'CVPR',
        year: 2020,
      },
    ],
    [
      '\tCharacterizing and overcoming the greedy nature of learning in multi-modal deep nerual networks Wu et al 2022',
      { title: 'Characterizing and overcoming the greedy nature of learning in multi-modal deep nerual networks', authors: ['Wu'], venue: null, year: 2022 },
    ],
    [
      '\tGoyal et al: Making the V in VQA matter: Elevating the role of image understanding in visual question answering: CVPR 2017',
      {
        title: 'Making the V in VQA matter: Elevating the role of image understanding in visual question answering',
        authors: ['Goyal'],
        venue: 'CVPR',
        year: 2017,
      },
    ],
    [
      '- Leverage syntatic structure of language (See Learning to Compose and Reason with Language Tree Strucutres for Visual Grounding 2019)',
      { title: 'Learning to Compose and Reason with Language Tree Strucutres for Visual Grounding', authors: [], venue: null, year: 2019 },
    ],
    [
      'how can one derive logical conclusions? See VQA-LOL (Visual Question Answering under the Lens of Logic 2020)',
      { title: 'VQA-LOL: Visual Question Answering under the Lens of Logic', authors: [], venue: null, year: 2020 },
    ],
    [
      '\t- "A survey of reinforcment learnign informed by natural language, IJCAI 2019".',
      { title: 'A survey of reinforcment learnign informed by natural language', authors: [], venue: 'IJCAI', year: 2019 },
    ],
  ];

  it.each(cases)('%s', (line, expected) => {
    expect(cites(line)).toEqual([expected]);
  });

  it('keeps the source line as raw text', () => {
    const [ref] = extractPaperRefs(' - Multimodal Deep Learning (Ngiam ICML 2011)');
    expect(ref?.raw).toBe('Multimodal Deep Learning (Ngiam ICML 2011)');
    expect(ref?.key).toBe('multimodal_deep_learning');
    expect(ref?.slug).toBeNull();
    expect(ref?.line).toBe(1);
  });

  it('reads bibliography style and flashcard lines', () => {
    expect(cites('Radford et al. Learning Transferable Visual Models From Natural Language Supervision. ICML 2021.')).toEqual([
      { title: 'Learning Transferable Visual Models From Natural Language Supervision', authors: ['Radford'], venue: 'ICML', year: 2021 },
    ]);
    expect(cites('What is DCCAE?::Deep canonically correlated autoencoders (ICML 2015)')).toEqual([
      { title: 'Deep canonically correlated autoencoders', authors: [], venue: 'ICML', year: 2015 },
    ]);
    expect(cites('He, Zhang, Ren and Sun: Deep Residual Learning for Image Recognition (CVPR 2016)')).toEqual([
      { title: 'Deep Residual Learning for Image Recognition', authors: ['He', 'Zhang', 'Ren', 'Sun'], venue: 'CVPR', year: 2016 },
    ]);
    expect(cites('Language Models are Few-Shot Learners (Brown et al 2020)')).toEqual([
      { title: 'Language Models are Few-Shot Learners', authors: ['Brown'], venue: null, year: 2020 },
    ]);
    expect(cites('Attention is all you need (NeurIPS 2017)').map((c) => c.title)).toEqual(['Attention is all you need']);
  });

  it('finds several citations on one line', () => {
    expect(cites('Compare Deep Residual Learning (CVPR 2016) and Attention Is All You Need (NeurIPS 2017).').map((c) => c.title)).toEqual([
      'Deep Residual Learning',
      'Attention Is All You Need',
    ]);
  });

  it('reads markdown emphasis and links as plain title text', () => {
    expect(cites('See *Attention Is All You Need* (NeurIPS 2017)').map((c) => c.title)).toEqual(['Attention Is All You Need']);
    expect(cites('[Attention Is All You Need](https://arxiv.org/abs/1706.03762) (NeurIPS 2017)').map((c) => c.title)).toEqual([
      'Attention Is All You Need',
    ]);
  });
});

describe('wikilinks', () => {
  it('takes the slug from plain, aliased and heading links', () => {
    const refs = extractPaperRefs('See [[perceiver_io]], [[gato_a_generalist_agent|Gato]] and [[flava_a_foundational_language_and_vision_alignment_model#Results]].');
    expect(refs.map((r) => r.slug)).toEqual(['perceiver_io', 'gato_a_generalist_agent', 'flava_a_foundational_language_and_vision_alignment_model']);
    expect(refs.map((r) => r.title)).toEqual(['Perceiver IO', 'Gato a generalist agent', 'FLAVA a foundational language and vision alignment model']);
    expect(refs[1]).toMatchObject({ key: 'gato_a_generalist_agent', authors: [], venue: null, year: null, line: 1, raw: '[[gato_a_generalist_agent|Gato]]' });
  });

  it('humanises slugs and restores known acronyms', () => {
    expect(humanizeSlug('efficient_low_rank_multimodal_fusion_with_modality_specific_factors')).toBe(
      'Efficient low rank multimodal fusion with modality specific factors',
    );
    expect(humanizeSlug('clip_transferable_visual_models_from_natural_language_supervision')).toBe(
      'CLIP transferable visual models from natural language supervision',
    );
    expect(humanizeSlug('dall_e')).toBe('DALL-E');
    expect(humanizeSlug('survey_rl_informed_by_natural_language')).toBe('Survey RL informed by natural language');
    expect(humanizeSlug('papers/lxmert.md')).toBe('LXMERT');
  });

  it('ignores media embeds, same-note heading links and links in code', () => {
    expect(extractPaperRefs('![[figure.png]] [[#Results]] `[[not_a_link]]` ![[clip]]')).toEqual([]);
  });

  it('joins a wikilink with the prose citation of the same paper on its line', () => {
    const refs = extractPaperRefs(
      '\t - See Efficient Low Rank Multimodal Fusion with Modality-specific Factors (ACL 2018) [[efficient_low_rank_multimodal_fusion_with_modality_specific_factors]]',
    );
    expect(refs).toEqual([
      {
        key: 'efficient_low_rank_multimodal_fusion_with_modality_specific_factors',
        title: 'Efficient Low Rank Multimodal Fusion with Modality-specific Factors',
        authors: [],
        venue: 'ACL',
        year: 2018,
        slug: 'efficient_low_rank_multimodal_fusion_with_modality_specific_factors',
        line: 1,
        raw: 'See Efficient Low Rank Multimodal Fusion with Modality-specific Factors (ACL 2018) [[efficient_low_rank_multimodal_fusion_with_modality_specific_factors]]',
      },
    ]);
  });

  it('joins even when the note shortens or misspells the title', () => {
    const [ref, ...rest] = extractPaperRefs(
      '\t - See "Wang et al On Deep Multi-view representation learning PMLR 2015" [[on_deep_multi_view_representation_learning_objectives_and_optimization]]',
    );
    expect(rest).toEqual([]);
    expect(ref).toMatchObject({
      title: 'On Deep Multi-view representation learning',
      authors: ['Wang'],
      venue: 'PMLR',
      year: 2015,
      slug: 'on_deep_multi_view_representation_learning_objectives_and_optimization',
    });
  });

  it('keeps an unrelated wikilink on a citation line separate', () => {
    const refs = extractPaperRefs('Multimodal Deep Learning (Ngiam ICML 2011), compare [[lxmert]]');
    expect(refs.map((r) => [r.title, r.slug])).toEqual([
      ['Multimodal Deep Learning', null],
      ['LXMERT', 'lxmert'],
    ]);
  });
});

describe('what is not a citation', () => {
  const prose = [
    'What\'s the right representation. Also think about:',
    ' - Simple fusion: Modalities are homogenous, fusion just means adding or concatenation',
    ' - Unimodal encoder approach. As a first step, encode each separately and get a vector for each, then do fusion. This is "basic fusion"',
    ' - **Tensor fusion**: You add a $1$ to your vector is that you get both the unimodal and the bimodal interaction',
    '\t- "Is the man NOT wearing shoes AND is there beer?" (logical connectives)',
    'See eg Dynamic Time Warping. Exploring all the ways of doing that mapping.',
    'See also Full Multimodal ML Course at CMU. Also an advanced topics course on multi-modal.',
    '\t- Causal VQA: Does my multimodal model capture causation or correlation',
    'Sub-challenge: Translation: DALL-E',
    ' - PULSE',
    'See -',
    'Many more dimensions of transfer. See:',
    '\tClustering approach:  (HUBERT).',
    'Modality biases: Unimodal bias and modality collapse:',
    'I moved to Berlin in 2019.',
    'In 2020 we switched to a new approach.',
    'The model was retrained between 2019 and 2021 (twice).',
    'Accuracy went up by 3% (2022).',
    'Our paper was published at NeurIPS 2021.',
    'I met Hinton at NeurIPS 2019',
    'The conference ACL 2018 was in Melbourne.',
    'Wang et al showed that fusion helps.',
    'Version 2 released 2021',
    'Eg, linear regression: $z = w_0 + w_1 x_A + w_{2019} (x_A \\times x_B)$',
    'Read https://example.com/2021/05/some-post today',
    'Late fusion works better for heterogeneous modalities (Wang et al 2020).',
    'Fusion helps a lot (Wang et al).',
    'Wang et al: Fusion helps when modalities are aligned.',
    'ResNet (He et al 2016)',
    'The transformer architecture (Vaswani et al 2017) uses attention everywhere.',
    'GPT-3 was released in 2020 by OpenAI.',
    'In CVPR 2019, many papers used attention.',
    'Key idea: attention replaces recurrence (Vaswani et al., NeurIPS 2017).',
    'CVPR 2022 had 2000 accepted papers.',
    'Some prose sentence here. CVPR 2022 had many papers.',
    '- Deadline: ICLR 2024',
    'Read the ICML 2021 tutorial on fairness',
    'Chen et al 2020 propose SimCLR which uses contrastive learning',
  ];

  it.each(prose)('%s', (line) => {
    expect(extractPaperRefs(line)).toEqual([]);
  });

  it('skips headings, fenced code, $$ math and LaTeX environments', () => {
    const text = [
      '# Attention Is All You Need (NeurIPS 2017)',
      '## [[lxmert]]',
      '```',
      'Deep Residual Learning (CVPR 2016) [[resnet]]',
      '```',
      '~~~~python',
      '"Wang et al On Deep Multi-view representation learning PMLR 2015"',
      '~~~~',
      '$$',
      'Learning Factorized Multimodal Representations ICLR 2019',
      '$$',
      '\\begin{align}',
      'Multimodal Deep Learning (Ngiam ICML 2011)',
      '\\end{align}',
      '<!-- Extracting Training data from Large Language Models (USENIX 2021)',
      '[[hidden]] -->',
      'Only this: Multimodal Deep Learning (Ngiam ICML 2011)',
    ].join('\n');
    expect(extractPaperRefs(text).map((r) => [r.line, r.title])).toEqual([[17, 'Multimodal Deep Learning']]);
  });

  it('skips frontmatter but counts its lines', () => {
    const text = ['---', 'title: Notes on fusion (ACL 2018)', 'source: "[[not_a_paper]]"', '---', '', 'See [[perceiver_io]]', 'Multimodal Deep Learning (Ngiam ICML 2011)'].join('\n');
    expect(extractPaperRefs(text).map((r) => [r.line, r.title])).toEqual([
      [6, 'Perceiver IO'],
      [7, 'Multimodal Deep Learning'],
    ]);
  });

  it('counts lines with CRLF endings', () => {
    expect(extractPaperRefs('a\r\nb\r\n[[lxmert]]').map((r) => r.line)).toEqual([3]);
  });
});

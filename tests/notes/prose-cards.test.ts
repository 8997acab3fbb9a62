import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
import { brief, note, parsed } from './helpers.js';

describe('questions in prose', () => {
  it('a question line followed by bullets is answered by the bullets', () => {
    const text = note('What is a popular approach to fusion?', ' - Encode each modality separately', ' - Then fuse the vectors');
    expect(brief(text)).toEqual([
      { kind: 'qa', front: 'What is a popular approach to fusion?', back: '- Encode each modality separately\n- Then fuse the vectors', line: 1 },
    ]);
  });

  it('a question is answered by the next paragraph, reading past a short pointer', () => {
    const text = note('How do you handle ambiguity?', '', 'Eg, signals.', '', 'Map many elements to many elements at the smallest granularity.', '', 'Unrelated closing words here.');
    expect(brief(text)).toEqual([
      { kind: 'qa', front: 'How do you handle ambiguity?', back: 'Eg, signals.\nMap many elements to many elements at the smallest granularity.', line: 1 },
    ]);
  });

  it('a question bullet with nested bullets is answered by them, list markers and nesting kept', () => {
    const text = note('- Why does fusion help?', '\t- It models interactions', '\t\t* across modalities', '\t- It is cheap');
    expect(brief(text)).toEqual([
      { kind: 'qa', front: 'Why does fusion help?', back: '- It models interactions\n  - across modalities\n- It is cheap', line: 1 },
    ]);
  });

  it('a question followed by its answer on the same line is split', () => {
    expect(brief('- How do you model interaction? Study the univariate case first.')).toEqual([
      { kind: 'qa', front: 'How do you model interaction?', back: 'Study the univariate case first.', line: 1 },
    ]);
  });

  it('an interrogative bullet is answered by its later siblings', () => {
    const text = note('- Which losses are used?', '- Contrastive loss', '- Reconstruction loss');
    expect(brief(text)).toEqual([{ kind: 'qa', front: 'Which losses are used?', back: '- Contrastive loss\n- Reconstruction loss', line: 1 }]);
  });

  it('a question with no answer text, or among a list of open questions, gives no card', () => {
    expect(parsed(note('What is left to do?', '', '## Next')).cards).toEqual([]);
    const openQuestions = note('- How can we evaluate interpretations?', '- Do real datasets have interactions?', '- Composition');
    expect(parsed(openQuestions).cards.filter((c) => c.kind === 'qa')).toEqual([]);
  });

  it('a quoted title with a ? in it is not a question', () => {
    const text = note('"Does my model learn interactions? It is harder to tell than you think!" (EMNLP 2020)', '', 'Some following paragraph with words.');
    expect(parsed(text).cards).toEqual([]);
  });
});

describe('definitions in prose', () => {
  it('**Term**: definition makes a question card and a reversed card sharing an itemKey', () => {
    const cards = parsed('- **Tensor fusion**: an outer product of both modality vectors').cards;
    expect(cards.map(({ kind, front, back, line }) => ({ kind, front, back, line }))).toEqual([
      { kind: 'definition', front: 'What is Tensor fusion?', back: 'an outer product of both modality vectors', line: 1 },
      { kind: 'reversed', front: 'an outer product of both modality vectors', back: '**Tensor fusion**', line: 1 },
    ]);
    expect(cards[0]?.itemKey).toBe(cards[1]?.itemKey);
  });

  it('**Term:** and Term: forms work; a trivial definition gives nothing', () => {
    expect(brief('**Gated fusion:** a sigmoid gate between the inputs').map((c) => c.front)).toEqual(['What is Gated fusion?', 'a sigmoid gate between the inputs']);
    // A plain `Term:` line is less deliberate than bold: no reversed card.
    expect(brief('- Simple fusion: adding or concatenating vectors').map((c) => c.front)).toEqual(['What is Simple fusion?']);
    expect(brief('- **Additive fusion**: Late fusion')).toEqual([]);
  });

  it('a definition that repeats its term, or a one-word term, gives no reversed card', () => {
    expect(brief('- **Composing states**: how composing states mixes the old and new ones').map((c) => c.kind)).toEqual(['definition']);
    expect(brief('- **Striding**: skipping input positions to downsample the output').map((c) => c.kind)).toEqual(['definition']);
    expect(brief('- **Late fusion**: combining the predictions of separate unimodal models').map((c) => c.kind)).toEqual(['definition', 'reversed']);
  });

  it('Term: over a list is defined by the list, without a reversed card; a counted label is not a term', () => {
    expect(brief(note('Fusion constraints:', ' - respect cross-modal interactions', ' - respect temporal structure'))).toEqual([
      { kind: 'definition', front: 'What are Fusion constraints?', back: '- respect cross-modal interactions\n- respect temporal structure', line: 1 },
    ]);
    expect(brief(note('Two constraints:', ' - respect cross-modal interactions', ' - respect temporal structure'))).toEqual([]);
  });

  it('filler, sentences and citations are not terms', () => {
    const text = note('- Eg, with CLEVR: the gradient of the thing', '- You can project by integrating: the expectation', '- See also: the other note here', '- Smith and Jones: Learning deep things JMLR 2014');
    expect(parsed(text).cards.filter((c) => c.kind === 'definition')).toEqual([]);
  });
});

describe('heading cards', () => {
  it('a heading followed by a defining paragraph asks "What is <heading>?"', () => {
    const text = note('## Challenge 1: Representation', '', '### Fusion', '', 'Learn a joint representation that models cross-modal interactions.');
    const cards = parsed(text).cards;
    expect(cards.map(({ kind, front, back, line }) => ({ kind, front, back, line }))).toEqual([
      { kind: 'heading', front: 'What is Fusion?', back: 'Learn a joint representation that models cross-modal interactions.', line: 3 },
    ]);
    expect(cards[0]?.breadcrumb).toEqual(['Challenge 1: Representation', 'Fusion']);
    expect(cards[0]?.endLine).toBe(5);
  });

  it('drops "Challenge N:" from the subject and agrees in number', () => {
    const text = note('## Challenge 3: Reasoning', 'Combining knowledge through multiple inferential steps and structure.', '', '## Graph networks', 'Networks that pass messages along the edges of a graph.');
    expect(brief(text).map((c) => c.front)).toEqual(['What is Reasoning?', 'What are Graph networks?']);
  });

  it('a short paragraph or a question is not a definition of the heading', () => {
    expect(parsed(note('## Fission', 'Too short here.', '', '- **Modality fission**: splitting one modality into several factors')).cards.map((c) => c.kind)).toEqual(['definition', 'reversed']);
    expect(parsed(note('## Fission', 'What does fission mean for us here?')).cards).toEqual([]);
  });

  it('"X is …", "X refers to …" and "X: …" under the heading X define it; the verb sets the number', () => {
    expect(brief(note('## Round robin scheduling', 'Round robin scheduling is a preemptive policy that gives each process a fixed time slice in turn.'))).toEqual([
      { kind: 'heading', front: 'What is Round robin scheduling?', back: 'Round robin scheduling is a preemptive policy that gives each process a fixed time slice in turn.', line: 1 },
    ]);
    expect(brief(note('## Page faults', 'A page fault refers to an access to a page that is not in memory.')).map((c) => c.front)).toEqual(['What are Page faults?']);
    expect(brief(note('## Broadcasting in NumPy', 'Broadcasting is the implicit expansion of arrays to a common shape.')).map((c) => c.front)).toEqual(['What is Broadcasting in NumPy?']);
    expect(brief(note('## Deep network architectures', 'The deep network is the core of the model and processes the tokens.'))).toEqual([]);
  });

  it('a paragraph defining the heading itself gives one heading card; defining another term, a definition card', () => {
    const same = note('## Graph networks', 'Graph networks: nodes are elements, edges are their connections.');
    expect(brief(same).map((c) => [c.kind, c.front])).toEqual([['heading', 'What are Graph networks?']]);
    const other = note('## Heterogeneity', 'Modality biases: models learn to rely on one modality only.');
    expect(brief(other).map((c) => [c.kind, c.front])).toEqual([['definition', 'What are Modality biases?']]);
  });

  it('a section that states nothing gives nothing: no "key points of" fallback', () => {
    expect(brief(note('## Summary', ' - Summarization', ' - Translation'))).toEqual([]);
    expect(brief(note('## Paradigms', ' - Summarization', ' - Translation'))).toEqual([]);
  });
});

describe('breadcrumbs, dedupe and modes', () => {
  it('every card carries the heading path above it', () => {
    const text = note('# Note', '## Part A', '### Sub', 'alpha::one', '## Part B', 'beta::two', '# Other', 'gamma::three');
    expect(parsed(text).cards.map((c) => c.breadcrumb)).toEqual([['Note', 'Part A', 'Sub'], ['Note', 'Part B'], ['Other']]);
  });

  it('duplicate and trivial cards are dropped (explicit ones with a warning; one-character sides are kept)', () => {
    const text = note('front::back', 'front ::  back', 'x::y', 'same::same');
    expect(brief(text)).toEqual([{ kind: 'basic', front: 'front', back: 'back', line: 1 }, { kind: 'basic', front: 'x', back: 'y', line: 3 }]);
    expect(parseNote(text, 'n.md').warnings.map((w) => w.line)).toEqual([2, 4]);
  });

  it('an empty note has no cards and no problems', () => {
    for (const text of ['', '\n\n', '---\n---\n', '# Title only']) {
      expect(parseNote(text, 'e.md')).toEqual({ note: { file: 'e.md', deck: null, tags: [], options: {}, cards: [] }, errors: [], warnings: [] });
    }
  });

  it('a note with explicit syntax gets exactly its explicit cards', () => {
    const text = note('## Fusion', 'Learn a joint representation that models cross-modal interactions.', '', 'What is tensor fusion?', '- an outer product', '', 'fusion::combining modalities');
    expect(brief(text)).toEqual([{ kind: 'basic', front: 'fusion', back: 'combining modalities', line: 7 }]);
  });

  it('cards: both gives explicit and prose cards, without reading explicit lines twice', () => {
    const text = note('---', 'cards: both', '---', '## Fusion', 'Learn a joint representation that models cross-modal interactions.', '', 'Term: defined here::as a card');
    expect(brief(text)).toEqual([
      { kind: 'heading', front: 'What is Fusion?', back: 'Learn a joint representation that models cross-modal interactions.', line: 4 },
      { kind: 'basic', front: 'Term: defined here', back: 'as a card', line: 7 },
    ]);
    expect(brief(note('---', 'prose: true', '---', '## Fusion', 'Learn a joint representation that models cross-modal interactions.', '', 'alpha::beta')).map((c) => c.kind)).toEqual(['heading', 'basic']);
  });

  it('two items with the same first front get distinct itemKeys', () => {
    const keys = parsed(note('## A', 'Graph networks:', '- one thing here', '', '## B', 'Graph networks:', '- another thing here')).cards.map((c) => c.itemKey);
    expect(keys).toEqual(['definition:what are graph networks?', 'definition:what are graph networks?#2']);
  });

  it('itemKey depends on the item, not on its position', () => {
    const before = parsed(note('What is fusion?', '- combining modalities')).cards[0]?.itemKey;
    const after = parsed(note('Intro paragraph.', '', '', 'What is fusion?', '- combining modalities')).cards[0]?.itemKey;
    expect(before).toBe('qa:what is fusion?');
    expect(after).toBe(before);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';
const PAPERS = `---
papers: true
---
# Papers

## Tensor Fusion Network for Multimodal Sentiment Analysis
- slugs: tensor_fusion_network
- aliases: TFN
- first author: Amir Zadeh
- venue: EMNLP
- year: 2017
- topic: fusion
- idea: Fuses modalities with an outer product of the unimodal vectors, each extended by a 1.
`;
const NOTE = `# Fusion

What does [[tensor_fusion_network]] add to each vector before the outer product?::A constant 1, so unimodal terms survive.

Which paper introduced tensor fusion?::Zadeh et al., "Tensor Fusion Network for Multimodal Sentiment Analysis", EMNLP 2017.
`;

interface PaperJson { title: string; firstAuthor: string | null; venue: string | null; year: number | null; idea: string | null; topic: string | null; aliases: string[]; cards: number; declaredIn: string | null }

describe('a papers note', () => {
  it('declares papers with their facts, makes no cards itself, and links the cards that cite them', () => {
    env.write('deck/papers.md', PAPERS);
    env.write('deck/fusion.md', NOTE);
    const r = env.run(['import', path.join(env.dir, 'deck'), '--json'], { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(env.json(['cards'])).toHaveLength(2);
    const papers = env.json<PaperJson[]>(['papers']);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      title: 'Tensor Fusion Network for Multimodal Sentiment Analysis', firstAuthor: 'Amir Zadeh', venue: 'EMNLP', year: 2017,
      topic: 'fusion', aliases: ['TFN'], cards: 2, declaredIn: `${path.join(env.dir, 'deck/papers.md')}:6`,
    });
    expect(env.run(['papers']).stdout).toContain('Fuses modalities with an outer product');
  });

  it('keeps the declaration when only another note changes, and drops a paper removed from the note', () => {
    env.write('deck/papers.md', PAPERS);
    env.write('deck/fusion.md', NOTE);
    env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    env.write('deck/fusion.md', `${NOTE}\nWhat is TFN's output size for d_A = d_B = 2?::(2+1)(2+1) = 9 entries.\n`);
    env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(env.json<PaperJson[]>(['papers'])[0]?.idea).toMatch(/outer product/);

    env.write('deck/papers.md', '---\npapers: true\n---\n# Papers\n');
    env.write('deck/fusion.md', 'What is late fusion?::Combining unimodal decisions.\n');
    env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(env.json<PaperJson[]>(['papers'])).toEqual([]);
  });

  it('reports a malformed field with file and line and exits 1', () => {
    env.write('deck/papers.md', PAPERS.replace('- year: 2017', '- year: last year'));
    const r = env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(env.dir, 'deck/papers.md')}:11: year must be a four-digit year`);
  });

  it('engram decks counts paper quiz cards apart and says where they are asked', () => {
    env.write('deck/papers.md', PAPERS);
    env.write('deck/fusion.md', NOTE);
    env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(env.run(['quiz', 'papers', '--json'], { now: NOW }).code).toBe(0);
    const decks = env.json<Array<{ name: string; total: number; dueToday: number; quizCards: number }>>(['decks'], { now: NOW });
    expect(decks.find((d) => d.name === 'Papers')).toMatchObject({ total: 1, dueToday: 0, quizCards: 1 });
    expect(decks.find((d) => d.name === 'deck')).toMatchObject({ quizCards: 0 });
    expect(env.run(['decks'], { now: NOW }).stdout).toContain('Papers: 1 paper card, asked by `engram quiz papers` (not in the review)');
  });
});


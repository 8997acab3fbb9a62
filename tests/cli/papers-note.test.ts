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

// What a papers note declares and how re-imports keep it is tested in-process in
// tests/collection/import-identity.test.ts; here, `engram papers` and `engram decks` output.
describe('a papers note through the CLI', () => {
  it('engram papers prints the facts as JSON and the idea for humans', () => {
    env.write('deck/papers.md', PAPERS);
    env.write('deck/fusion.md', NOTE);
    const r = env.run(['import', path.join(env.dir, 'deck'), '--json'], { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    const papers = env.json<PaperJson[]>(['papers']);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({
      title: 'Tensor Fusion Network for Multimodal Sentiment Analysis', firstAuthor: 'Amir Zadeh', venue: 'EMNLP', year: 2017,
      topic: 'fusion', aliases: ['TFN'], cards: 2, declaredIn: `${path.join(env.dir, 'deck/papers.md')}:6`,
    });
    expect(env.run(['papers']).stdout).toContain('Fuses modalities with an outer product');
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

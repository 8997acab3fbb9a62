/**
 * `engram quiz papers` and `engram stats` in a real pseudo-terminal (tmux), like pty.test.ts
 * does for the review: keys go in through tmux, the screen is read back with capture-pane,
 * and the database is checked through the CLI afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { TempEnv } from '../helpers/cli.js';
import { hasTmux, terminalWithTempEnv } from '../helpers/tmux.js';

// Its own tmux server: pty.test.ts may run at the same time and kills its own.
const term = terminalWithTempEnv('quiz-stats', (e) => (env = e));
const { tmux, screen, waitFor, press } = term;
const session = 'e2e';
const NOW = '2026-12-01T09:00:00Z';
let env: TempEnv;

/** Runs `engram ARGS` in a tmux session of the given size on the test database, at the fixed time. */
function start(args: string[], width: number, height: number, keepOpen = false): void {
  term.start(args, { width, height }, { ENGRAM_DB: env.db, ENGRAM_NOW: NOW, TZ: 'UTC' }, keepOpen);
}

const sessionEnded = (): Promise<void> => term.ended();

const PAPERS_NOTE = `---
papers: true
---
## Tensor Fusion Network for Multimodal Sentiment Analysis
- aliases: TFN
- first author: Amir Zadeh
- venue: EMNLP
- year: 2017
- topic: fusion
- idea: Fuses modalities with the outer product of the unimodal vectors, each extended by a 1.

## Efficient Low-rank Multimodal Fusion with Modality-Specific Factors
- aliases: LMF
- first author: Zhun Liu
- venue: ACL
- year: 2018
- topic: fusion
- idea: Computes multiplicative fusion with low-rank modality-specific factors, linear in the number of modalities.

## Deep Canonical Correlation Analysis
- aliases: DCCA
- first author: Galen Andrew
- venue: ICML
- year: 2013
- topic: coordination
- idea: Learns nonlinear transformations of two views whose outputs are maximally correlated.

## Show, Attend and Tell: Neural Image Caption Generation with Visual Attention
- first author: Kelvin Xu
- venue: ICML
- year: 2015
- topic: generation
- idea: Generates captions word by word while attending to different regions of the image.
`;

interface Choice {
  number: number;
  text: string;
}
interface FirstQuestion {
  id: string;
  card_id: number;
  form: string;
  prompt: string;
  choices?: Choice[];
}

/** Imports the papers note; returns a seed whose first question is multiple choice, and that question. */
function quizDeck(): { seed: number; question: FirstQuestion & { choices: Choice[] } } {
  env.write('deck/papers.md', PAPERS_NOTE);
  expect(env.run(['import', `${env.dir}/deck`], { now: NOW }).code).toBe(0);
  for (let seed = 1; seed < 50; seed++) {
    const { question } = env.json<{ question: FirstQuestion }>(['quiz', 'papers', '--seed', String(seed)], { now: NOW });
    if (question.choices) return { seed, question: question as FirstQuestion & { choices: Choice[] } };
  }
  throw new Error('no seed gives a multiple-choice first question');
}

/** The paper behind a quiz card, from `engram show`: its title, citation line and idea. */
function paperOf(cardId: number): { title: string; citation: string; idea: string } {
  const card = env.json<{ front: string; back: string }>(['show', String(cardId)], { now: NOW });
  return { title: card.back.split(' — ')[0]!, citation: card.back, idea: card.front.replace(/^Which paper introduced: /, '') };
}

function rightChoice(question: { form: string; choices: Choice[] }, paper: { title: string; idea: string }): number {
  const right = question.choices.find((c) => c.text === (question.form === 'choose-idea' ? paper.idea : paper.title));
  if (!right) throw new Error(`no right choice in ${JSON.stringify(question)}`);
  return right.number;
}

describe.skipIf(!hasTmux)('paper quiz in a real terminal', () => {
  it('asks a multiple-choice question; the right number shows Right and the paper, enter saves, q quits', { timeout: 60_000 }, async () => {
    const { seed, question } = quizDeck();
    const paper = paperOf(question.card_id);
    start(['quiz', 'papers', '--seed', String(seed)], 100, 30);

    let shown = await waitFor(question.prompt.slice(0, 50));
    expect(shown).toContain('1 of 4');
    for (const choice of question.choices) expect(shown).toContain(`${choice.number}  ${choice.text.slice(0, 40)}`);
    shown = await press(String(rightChoice(question, paper)), 'Right.');
    expect(shown).toContain(paper.citation);
    const suggested = /(again|hard|good|easy) \(suggested\)/.exec(shown)?.[1];
    expect(suggested).toBeDefined();
    shown = await press('Enter', '2 of 4');
    expect(shown).toMatch(/Which paper introduced|What did "/);
    expect(shown).not.toContain(question.prompt.slice(0, 50));
    tmux('send-keys', '-t', session, 'q');
    await sessionEnded();

    const answered = env.json<{ reviews: Array<{ grade: string }> }>(['show', String(question.card_id)], { now: NOW });
    expect(answered.reviews.map((r) => r.grade)).toEqual([suggested]);
    const others = env.json<Array<{ id: number }>>(['cards', '--deck', 'Papers'], { now: NOW }).filter((c) => c.id !== question.card_id);
    expect(others).toHaveLength(3);
    for (const card of others) expect(env.json<{ reviews: unknown[] }>(['show', String(card.id)], { now: NOW }).reviews).toEqual([]);
  });

  it('a wrong answer is asked again at the end of the session, in a fresh question; --count counts papers', { timeout: 60_000 }, async () => {
    const { seed, question } = quizDeck();
    const paper = paperOf(question.card_id);
    start(['quiz', 'papers', '--seed', String(seed), '--count', '1'], 100, 30, true);

    let shown = await waitFor('1 of 1');
    const wrong = question.choices.find((c) => c.number !== rightChoice(question, paper))!;
    shown = await press(String(wrong.number), 'Wrong.');
    expect(shown).toContain('again (suggested)');
    shown = await press('Enter', 'asked again');
    expect(shown).toContain('2 of 2 (1 again)');
    expect(shown).not.toContain(question.prompt.slice(0, 50));

    // Answer the fresh question rightly, whatever its form.
    if (shown.includes('Type its title')) {
      tmux('send-keys', '-t', session, '-l', paper.title);
      await waitFor(`${paper.title.slice(-20)}_`);
      shown = await press('Enter', 'Right');
    } else {
      const lines = shown.split('\n').map((l) => /^\s*(\d)  (.+)$/.exec(l)).filter((m) => m !== null);
      const right = lines.find((m) => paper.title.startsWith(m[2]!.trim().slice(0, 30)) || paper.idea.startsWith(m[2]!.trim().slice(0, 30)));
      expect(right).toBeDefined();
      shown = await press(right![1]!, 'Right');
    }
    shown = await press('Enter', 'Paper quiz done');
    expect(shown).toContain('1 paper, 2 answered, 1 right.');
    await press('q', 'Quizzed 1 paper in 2 answers; 1 right.');

    const card = env.json<{ state: string; reviews: Array<{ grade: string }> }>(['show', String(question.card_id)], { now: NOW });
    expect(card.reviews.map((r) => r.grade)[0]).toBe('again');
    expect(card.reviews).toHaveLength(2);
  });
});

/** A few cards answered over three weeks: reviews for the heatmap, review answers for retention, due reviews for the forecast. */
function answeredDeck(): void {
  // An instant `days` before NOW, `minutes` into that day's session.
  const day = (days: number, minutes = 0) => new Date(Date.parse(NOW) + days * 86_400_000 + minutes * 60_000).toISOString();
  const ids = ['Alpha', 'Beta', 'Gamma'].map((front) => env.json<{ id: number }>(['add', '--deck', 'Stats', '--front', `${front} question`, '--back', `${front} answer`], { now: day(-20) }).id);
  for (const id of ids) {
    env.json(['answer', String(id), 'good'], { now: day(-20) });
    env.json(['answer', String(id), 'good'], { now: day(-20, 15) });
  }
  env.json(['answer', String(ids[0]), 'good'], { now: day(-10) });
  env.json(['answer', String(ids[1]), 'again'], { now: day(-10) });
  env.json(['answer', String(ids[1]), 'good'], { now: day(-10, 20) });
  env.json(['answer', String(ids[2]), 'easy'], { now: day(-3) });
}

describe.skipIf(!hasTmux)('stats in a real terminal', () => {
  it('draws the heatmap, retention and forecast in 100x40', { timeout: 60_000 }, async () => {
    answeredDeck();
    start(['stats'], 100, 40, true);
    const shown = await waitFor('Due forecast');
    expect(shown).toContain('Engram statistics');
    expect(shown).toMatch(/Reviews per day · last \d+ weeks · 10 reviews on 3 days/);
    expect(shown).toContain('busiest day 6 reviews');
    expect(shown).toMatch(/True retention/);
    expect(shown).toMatch(/\d+\.\d% \d+\/\d+/);
    expect(shown).toMatch(/│.*[▁▂▃▄▅▆▇█]/);
  });

  it('in a short 80x20 terminal the text is still all there (written as lines, not blanked)', { timeout: 60_000 }, async () => {
    answeredDeck();
    start(['stats'], 80, 20, true);
    const shown = await waitFor((s) => s.includes('Due forecast') && s.includes('Engram statistics'), { history: true });
    for (const heading of ['Reviews per day', 'True retention', 'busiest day 6 reviews']) expect(shown).toContain(heading);
    expect(shown).toMatch(/\d+\.\d% \d+\/\d+/);
    // The window shows the end of the text: the forecast chart with its bars.
    expect(screen()).toMatch(/│.*[▁▂▃▄▅▆▇█]/);
  });
});

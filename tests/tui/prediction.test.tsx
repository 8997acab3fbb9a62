import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { setNow } from '../../src/core/index.js';
import { createController, startingState } from '../../src/tui/index.js';
import { ReviewApp } from '../../src/tui/review-app.js';
import { initialSession, sessionReducer, type SessionCard } from '../../src/tui/session-reducer.js';
import { useTempCollection } from '../helpers/collection.js';
import { frame } from '../helpers/ink.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);
let col: Collection;
let cardId: number;

beforeEach(() => {
  col = temp.col();
  const dir = temp.dir();
  fs.mkdirSync(path.join(dir, 'deck', 'examples'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'deck', 'examples', 'sigmoid.ts'), 'const z = 1;\nconsole.log((1 / (1 + Math.exp(-z))).toFixed(4));\n');
  const note = path.join(dir, 'deck', 'gates.md');
  fs.writeFileSync(note, '# Gates\n\nWhat does the gate print for z = 1? :: σ(1) = 1/(1+e^-1) ≈ 0.73\npredict: examples/sigmoid.ts\n');
  expect(importNotes(col, [note]).errors).toEqual([]);
  const [card] = col.cards({});
  cardId = card!.id;
  expect(card!.kind).toBe('output');
});

async function type(app: ReturnType<typeof render>, keys: string) {
  for (const key of keys) {
    const before = app.lastFrame();
    app.stdin.write(key);
    await frame(app, (f) => f !== before, 2000);
  }
}

describe('a predict-the-output card in the review', () => {
  it('shows only the lines its predict: line chooses (#L2), with // … for the lines left out', async () => {
    const note = path.join(temp.dir(), 'deck', 'gates.md');
    fs.writeFileSync(note, '# Gates\n\nWhat does the gate print for z = 1? :: σ(1) = 1/(1+e^-1) ≈ 0.73\npredict: examples/sigmoid.ts#L2\n');
    expect(importNotes(col, [note]).errors).toEqual([]);
    expect(col.cards({}).map((c) => c.id)).toEqual([cardId]);
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    const f = await frame(app, (s) => s.includes('Math.exp'));
    expect(f).toContain('What does the gate print');
    expect(f).toContain('// …');
    expect(f).not.toContain('const z = 1');
    app.unmount();
  });

  it('shows the code, takes a typed prediction (q and s are text), runs, suggests a grade that enter confirms', async () => {
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    let f = await frame(app, (s) => s.includes('Math.exp'));
    expect(f).toContain('What does the gate print');
    expect(f).toContain('output> _');
    expect(f).not.toContain('0.73');
    await type(app, 'qs');
    await type(app, '\x7f\x7f');
    await type(app, '0.73');
    f = app.lastFrame()!;
    expect(f).toContain('output> 0.73_');
    app.stdin.write('\r');
    f = await frame(app, (s) => s.includes('suggested grade'));
    // Typed within the fast limit (the clock is pinned): right and fast suggests easy.
    expect(f).toContain('✓ right: suggested grade easy');
    expect(f).toContain('0.7311');
    expect(f).toContain('σ(1)');
    app.stdin.write('\r');
    await frame(app, (s) => s.includes('Nothing due') || s.includes('Done for now'));
    const reviews = col.reviewsOf(cardId);
    expect(reviews.map((r) => r.grade)).toEqual(['easy']);
    app.unmount();
  });

  it('a wrong prediction shows the diff and suggests again; a grade key overrides the suggestion', async () => {
    setNow(T0);
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    await frame(app, (s) => s.includes('output> _'));
    await type(app, '0.5');
    app.stdin.write('\r');
    const f = await frame(app, (s) => s.includes('suggested grade'));
    expect(f).toContain('✗ not quite: suggested grade again');
    expect(f).toContain('- 0.7311');
    expect(f).toContain('+ 0.5');
    app.stdin.write('2');
    await frame(app, (s) => !s.includes('suggested grade'));
    expect(col.reviewsOf(cardId).map((r) => r.grade)).toEqual(['hard']);
    app.unmount();
  });
});

describe('the prediction state in the reducer', () => {
  const card: SessionCard = {
    id: 7, deck: 'D', front: 'f', back: 'b', breadcrumb: [], state: 'new', due: T0, source: null, edited: false, hasExample: true, predict: true,
  };
  it('starts typing on a predict card, drops control sequences from typed text, tab makes a new line', () => {
    let s = initialSession({ main: [card], learning: [], now: T0, learnAheadMs: 0 });
    expect(s.prediction).toMatchObject({ cardId: 7, typed: '', status: 'typing' });
    s = sessionReducer(s, { type: 'predict-type', text: 'a\x1b[2Jb\x07\tc\r\nd' });
    expect(s.prediction?.typed).toBe('ab\nc\nd');
    s = sessionReducer(s, { type: 'predict-erase' });
    expect(s.prediction?.typed).toBe('ab\nc\n');
    expect(sessionReducer(s, { type: 'reveal' }).phase).toBe('question');
    s = sessionReducer(s, { type: 'predict-submitted', cardId: 7 });
    expect(sessionReducer(s, { type: 'reveal' }).phase).toBe('question');
    s = sessionReducer(s, { type: 'predict-type', text: 'late' });
    expect(s.prediction?.typed).toBe('ab\nc\n');
    s = sessionReducer(s, { type: 'predict-checked', cardId: 7, outcome: { correct: true, suggested: 'good', diff: [], output: '', ok: true } });
    expect(s.phase).toBe('answer');
    expect(s.prediction?.status).toBe('checked');
  });

  it('an ordinary card has no prediction', () => {
    const s = initialSession({ main: [{ ...card, predict: false }], learning: [], now: T0, learnAheadMs: 0 });
    expect(s.prediction).toBeNull();
  });
});

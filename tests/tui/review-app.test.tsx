import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/collection/index.js';
import { createController, firstFrameState, startingState } from '../../src/tui/index.js';
import { ReviewApp } from '../../src/tui/review-app.js';
import { useTempCollection } from '../helpers/collection.js';
import { frame } from '../helpers/ink.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const T0 = Date.parse('2026-12-01T09:00:00Z');
const SPACE = ' ';
const ESC = '\u001B';
const temp = useTempCollection(T0);
let col: Collection;
beforeEach(() => {
  col = temp.col();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

function mount(deck?: string) {
  const app = render(<ReviewApp controller={createController(col, deck)} initial={startingState(col, deck)} color={false} />);
  return app;
}

/** Waits (polling, not sleeping a fixed time) until the frame satisfies `ready`. */

/** Types a key and waits for the frame to change. */
async function press(app: ReturnType<typeof render>, key: string) {
  const before = app.lastFrame();
  app.stdin.write(key);
  await frame(app, (f) => f !== before, 2000);
}

describe('review screen', () => {
  it('starts from the queue\'s first card and counts, and reads the queue before the first key acts', async () => {
    for (const n of [1, 2, 3, 4]) col.addCard('D', `front ${n}`, `back ${n}`);
    const controller = createController(col);
    let reads = 0;
    const loadQueue = controller.loadQueue!;
    controller.loadQueue = () => (reads++, loadQueue());
    const app = render(<ReviewApp controller={controller} initial={firstFrameState(col)} color={false} />);
    expect(app.lastFrame()).toContain('front 1');
    expect(app.lastFrame()).toContain('4 new  0 learning  0 review');
    // Keys at once, before the queue's timer: the queue is read first, then the answer is taken.
    app.stdin.write(SPACE);
    app.stdin.write('4');
    const next = await frame(app, (f) => f.includes('front 2'), 2000);
    expect(next).toContain('3 new  0 learning  0 review');
    await press(app, SPACE);
    await press(app, '4');
    await press(app, SPACE);
    await press(app, '4');
    expect(app.lastFrame()).toContain('front 4');
    expect(app.lastFrame()).toContain('1 new  0 learning  0 review');
    // Never a frame without a card: the first answer found the queue read, and only once (the
    // timer after the first frame found it read).
    expect(app.frames.filter((f) => f.includes("reading today's queue"))).toEqual([]);
    expect(reads).toBe(1);
    app.unmount();
  });

  it('shows the deck, the counts and the front; space reveals the back with interval labels', async () => {
    col.addCard('Physics', 'What is $\\sigma$ in $x_A \\times x_B$?', 'A **gate** value');
    col.addCard('Physics', 'Second question', 'Second answer');
    const app = mount();
    await tick();
    let frame = app.lastFrame()!;
    expect(frame).toContain('Physics');
    expect(frame).toContain('2 new  0 learning  0 review');
    expect(frame).toContain('What is σ in x_A × x_B?');
    expect(frame).not.toContain('A gate value');
    expect(frame).toContain('show answer');
    await press(app, SPACE);
    frame = app.lastFrame()!;
    expect(frame).toContain('gate');
    expect(frame).toMatch(/1 again 1m\s+2 hard 6m\s+3 good 10m\s+4 easy \d+d/);
    app.unmount();
  });

  it('grading saves the answer and shows the next card; u undoes it', async () => {
    const a = col.addCard('D', 'first front', 'first back');
    col.addCard('D', 'second front', 'second back');
    const app = mount();
    await tick();
    await press(app, SPACE);
    await press(app, '3');
    expect(col.reviewsOf(a.id)).toHaveLength(1);
    let frame = app.lastFrame()!;
    expect(frame).toContain('second front');
    expect(frame).toContain('1 new  1 learning  0 review');
    await press(app, 'u');
    frame = app.lastFrame()!;
    expect(frame).toContain('first front');
    expect(frame).toContain('2 new  0 learning  0 review');
    expect(col.reviewsOf(a.id)).toHaveLength(0);
    app.unmount();
  });

  it('strips terminal control sequences from card text', async () => {
    col.addCard('D', 'safe\u001B]52;c;ZXZpbA==\u0007 text\u001B[2J here\u009B31m', 'back\u0007');
    const app = mount();
    await tick();
    const frame = app.lastFrame()!;
    expect(frame).toContain('safe text here');
    expect(frame).not.toContain('\u001B]52');
    expect(frame).not.toContain('\u001B[2J');
    expect(frame).not.toContain('\u009B');
    app.unmount();
  });

  it('opens and closes the help overlay', async () => {
    col.addCard('D', 'front', 'back');
    const app = mount();
    await tick();
    await press(app, '?');
    expect(app.lastFrame()).toContain('undo the last action');
    await press(app, ESC);
    await tick();
    expect(app.lastFrame()).not.toContain('undo the last action');
    expect(app.lastFrame()).toContain('front');
    app.unmount();
  });

  it('says so when nothing is due, with the next due time', async () => {
    const c = col.addCard('D', 'front', 'back');
    col.answer(c.id, 'easy');
    const app = mount();
    await tick();
    const frame = app.lastFrame()!;
    expect(frame).toContain('Nothing due right now.');
    expect(frame).toMatch(/Next card due in \d+d/);
    app.unmount();
  });

  it('shows the end screen with reviewed count and again rate', async () => {
    col.addCard('D', 'only card', 'back');
    const app = mount();
    await tick();
    await press(app, SPACE);
    await press(app, '4');
    const frame = app.lastFrame()!;
    expect(frame).toContain('Done for now.');
    expect(frame).toContain('Reviewed   1 card');
    expect(frame).toContain('Again rate 0%');
    app.unmount();
  });

  it('brings a learning card back in the same session', async () => {
    const a = col.addCard('D', 'learn me', 'back');
    const app = mount();
    await tick();
    await press(app, SPACE);
    await press(app, '1'); // again: due in 1 minute, within learn-ahead, nothing else left
    const frame = app.lastFrame()!;
    expect(frame).toContain('learn me');
    expect(frame).toContain('0 new  1 learning  0 review');
    expect(col.getCard(a.id).memory.state).toBe('learning');
    app.unmount();
  });

  it('marks a card edited since its last review', async () => {
    const a = col.addCard('D', 'old text', 'back');
    col.answer(a.id, 'again');
    col.store.updateCardContent(a.id, { deckId: a.deckId, noteId: null, kind: 'manual', front: 'new text', back: 'back', source: null, breadcrumb: [], itemKey: a.itemKey, tags: [] }, T0);
    const app = mount();
    await tick();
    expect(app.lastFrame()).toContain('✎ edited since your last review');
    app.unmount();
  });
});

describe('runnable examples and long cards', () => {
  it('r runs the example and scrolls its output into view', async () => {
    const file = path.join(temp.dir(), 'ex.md');
    const code = Array.from({ length: 25 }, (_, i) => `const v${i} = ${i};`).join('\n');
    fs.writeFileSync(file, `# Ex\n\nWhat does this print?\n?\nA sum.\n\`\`\`ts example\n${code}\nconsole.log('sum is', 6 * 7);\n\`\`\`\n`);
    const { importNotes } = await import('../../src/collection/import-notes.js');
    importNotes(col, [file]);
    const app = mount();
    await tick();
    await press(app, SPACE);
    expect(app.lastFrame()).toMatch(/v \d+ more lines/);
    expect(app.lastFrame()).toContain('r run  o edit  ? help  q quit');
    await press(app, 'r');
    const output = await frame(app, (f) => f.includes('sum is 42'), 20_000);
    expect(output).toContain('▶ example output');
    expect(output).toContain('sum is 42');
    expect(output).toMatch(/lines above/);
    await press(app, 'k');
    expect(app.lastFrame()).toContain('v 1 more line ');
    app.unmount();
  }, 30_000);

  it('warms the example sandbox once a card with an example is on screen, and not before', async () => {
    const file = path.join(temp.dir(), 'ex.md');
    fs.writeFileSync(file, "# Ex\n\nPlain question?::Plain answer.\n\nWhat does this print?\n?\nA sum.\n```ts example\nconsole.log(6 * 7);\n```\n");
    const { importNotes } = await import('../../src/collection/import-notes.js');
    importNotes(col, [file]);
    let prepared = 0;
    const controller = { ...createController(col), prepareExamples: () => void prepared++ };
    const app = render(<ReviewApp controller={controller} initial={startingState(col)} color={false} />);
    await frame(app, (f) => f.includes('Plain question?'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(prepared).toBe(0);
    await press(app, SPACE);
    await press(app, '3');
    await frame(app, (f) => f.includes('What does this print?'));
    const until = Date.now() + 5000;
    while (prepared === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(prepared).toBe(1);
    app.unmount();
  });
});


/**
 * Pictures on the review screen, through the real controller on a temporary collection: the
 * caption where the terminal draws nothing, blank rows reserved under it where it draws, the
 * overlay told the screen row, and the `i` key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { createController, startingState } from '../../src/tui/index.js';
import { ReviewApp } from '../../src/tui/review-app.js';
import { reviewCommandFor } from '../../src/tui/review-keys.js';
import type { GraphicsOverlay, ScreenImage } from '../../src/tui/graphics-overlay.js';
import { useTempCollection } from '../helpers/collection.js';
import { makePng } from '../helpers/png.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);
let col: Collection;
beforeEach(() => {
  col = temp.col();
  const vault = path.join(temp.dir(), 'vault');
  fs.mkdirSync(path.join(vault, '.obsidian'), { recursive: true });
  fs.writeFileSync(path.join(vault, 'diagram.png'), makePng(160, 80, () => [200, 100, 50]));
  fs.writeFileSync(path.join(vault, 'ml.md'), 'What does the diagram show?::Early fusion. ![[diagram.png]]\n\n![[diagram.png]] Which figure?::The ![[missing.png]] one\n');
  importNotes(col, [vault]);
});

async function settle(app: ReturnType<typeof render>, ready: (frame: string) => boolean): Promise<string> {
  const until = Date.now() + 3000;
  while (!ready(app.lastFrame() ?? '') && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return app.lastFrame() ?? '';
}

describe('pictures in the review', () => {
  it('without graphics, a picture is a caption line with its name; a missing one says so', async () => {
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    await settle(app, (f) => f.includes('What does the diagram show?'));
    app.stdin.write(' ');
    const frame = await settle(app, (f) => f.includes('[image: diagram.png]'));
    expect(frame).toContain('Early fusion.');
    expect(frame).toContain('[image: diagram.png] (i: open)');
    expect(frame).not.toContain('![[');
    app.stdin.write('3');
    const second = await settle(app, (f) => f.includes('Which figure?'));
    // The picture on the front is shown before the answer is.
    expect(second).toContain('[image: diagram.png]');
    app.stdin.write(' ');
    expect(await settle(app, (f) => f.includes('missing.png'))).toContain('[image: missing.png] (not found)');
    app.unmount();
  });

  it('with graphics, blank rows are reserved under the caption and the overlay gets the screen row', async () => {
    const shown: ScreenImage[][] = [];
    const overlay = { show: (images: ScreenImage[]) => shown.push(images) } as unknown as GraphicsOverlay;
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} graphics={{ protocol: 'kitty', overlay }} />);
    await settle(app, (f) => f.includes('What does the diagram show?'));
    expect(shown.at(-1)).toEqual([]);
    app.stdin.write(' ');
    const frame = await settle(app, (f) => f.includes('[image: diagram.png]'));
    const lines = frame.split('\n');
    const caption = lines.findIndex((l) => l.startsWith('[image: diagram.png]'));
    // 160x80 pixels: 20 columns by 5 rows, all blank, then the grade line.
    expect(lines.slice(caption + 1, caption + 6).every((l) => l.trim() === '')).toBe(true);
    await settle(app, () => (shown.at(-1)?.length ?? 0) > 0);
    const last = shown.at(-1)!;
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ row: caption + 1, box: { cols: 20, rows: 5 }, name: 'diagram.png' });
    app.stdin.write('?');
    await settle(app, (f) => f.includes('Keys'));
    // Effects run after the frame is written: wait for the overlay to be told.
    await settle(app, () => shown.at(-1)?.length === 0);
    expect(shown.at(-1)).toEqual([]);
    app.unmount();
  });

  it('i asks the controller to open the picture; the notice says what happened', async () => {
    const controller = createController(col);
    const opened: boolean[] = [];
    const app = render(<ReviewApp controller={{ ...controller, openImage: (_id, answer) => { opened.push(answer); return 'opened diagram.png with xdg-open'; } }} initial={startingState(col)} color={false} />);
    await settle(app, (f) => f.includes('What does the diagram show?'));
    app.stdin.write('i');
    expect(await settle(app, (f) => f.includes('> opened diagram.png'))).toContain('> opened diagram.png with xdg-open');
    expect(opened).toEqual([false]);
    app.unmount();
  });

  it('the key map sends i to open-image in either phase', () => {
    const state = startingState(col);
    expect(reviewCommandFor(state, 'i', {}, { maxScroll: 0, page: 1 })).toEqual({ type: 'open-image' });
    expect(reviewCommandFor({ ...state, phase: 'answer' }, 'i', {}, { maxScroll: 0, page: 1 })).toEqual({ type: 'open-image' });
  });

  it('the real controller: a card without pictures says so; the front-only phase offers only front pictures', () => {
    const controller = createController(col);
    const state = startingState(col);
    const cards = [state.current!, ...state.main];
    const first = cards.find((c) => c.front.startsWith('What does'))!;
    expect(controller.openImage!(first.id, false)).toBe('this card has no picture');
    const id = col.addCard('Misc', 'plain', 'text').id;
    expect(controller.openImage!(id, true)).toBe('this card has no picture');
  });
});

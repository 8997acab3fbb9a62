import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { now } from '../../src/core/index.js';
import { BrowseApp, QUERY_DEBOUNCE_MS } from '../../src/tui/browse/browse-app.js';
import { createBrowseController } from '../../src/tui/browse/browse-controller.js';
import { initialBrowse } from '../../src/tui/browse/browse-reducer.js';
import { columnsFor, rowLine } from '../../src/tui/browse/browse-screen.js';
import { useTempCollection } from '../helpers/collection.js';
import { frame, press } from '../helpers/ink.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);
let col: Collection;
beforeEach(() => {
  col = temp.col();
});

const DOWN = '\u001B[B';
const ENTER = '\r';
const ESC = '\u001B';

type App = ReturnType<typeof render>;

/** Types text in one write, as a paste arrives (the query line takes it whole). */
async function type(app: App, text: string): Promise<void> {
  app.stdin.write(text);
  await new Promise((resolve) => setTimeout(resolve, 5));
}

function fill(n: number, deck = 'Alpha'): void {
  for (let i = 1; i <= n; i++) col.addCard(deck, `Question ${deck} ${i}?`, `Answer ${deck} ${i}.`);
}

function open(query = '', exits: Array<{ review: string | null }> = []): App {
  return render(<BrowseApp controller={createBrowseController(col)} initial={initialBrowse(query)} color={false} now={now} onExit={(r) => exits.push(r)} />);
}

describe('engram browse (ink)', () => {
  it('lists the cards with the total, and renders the selected card below; moving changes it', async () => {
    fill(30);
    const app = open();
    const first = await frame(app, (f) => f.includes('Question Alpha 1?') && f.includes('Answer Alpha 1.'));
    expect(first).toContain('1/30');
    expect(first).toMatch(/deck\s+due\s+ivl\s+stab front/);
    expect(first).toMatch(/Alpha\s+new\s+-\s+- Question Alpha 1\?/);
    // The list shows a screen, not all 30 cards.
    expect(first).not.toContain('Question Alpha 30?');
    const next = await press(app, DOWN, 'Answer Alpha 2.');
    expect(next).toContain('2/30');
    expect(next).not.toContain('Answer Alpha 1.');
    await press(app, 'G', (f) => f.includes('30/30') && f.includes('Answer Alpha 30.'));
    app.unmount();
  });

  it('a jump made before the opening query settles still shows the rows and card it lands on', async () => {
    fill(60);
    const controller = createBrowseController(col);
    const find = controller.find.bind(controller);
    // The jump's window is slow to read: the opening query's debounce ends meanwhile, and its
    // answer (the first rows) lands in the same render as the jump's window. (Seen under load:
    // the list stayed on "…" rows and no card.)
    controller.find = (query, offset, limit) => {
      const result = find(query, offset, limit);
      if (offset > 0) {
        const until = Date.now() + QUERY_DEBOUNCE_MS + 50;
        while (Date.now() < until);
      }
      return result;
    };
    const app = render(<BrowseApp controller={controller} initial={initialBrowse('')} color={false} now={now} />);
    await frame(app, (f) => f.includes('Answer Alpha 1.'));
    app.stdin.write('G');
    const last = await frame(app, (f) => f.includes('Answer Alpha 60.'), 3000);
    expect(last).toContain('60/60');
    expect(last).toContain('Answer Alpha 60.');
    expect(last).toContain('Question Alpha 60?');
    app.unmount();
  });

  it('a query narrows the list after typing stops; a bad one shows its error under the column and keeps the list', async () => {
    fill(3, 'Alpha');
    fill(2, 'Beta');
    const app = open();
    await frame(app, (f) => f.includes('1/5'));
    await press(app, '/', 'enter/esc back to the list');
    await type(app, 'deck:Beta');
    const narrowed = await frame(app, (f) => f.includes('1/2') && f.includes('Answer Beta 1.'));
    expect(narrowed).not.toContain('Question Alpha');
    await type(app, ' is:foo');
    const bad = await frame(app, (f) => f.includes('^'));
    const lines = bad.split('\n');
    const caretLine = lines.find((l) => l.includes('^'))!;
    // "/ " then the query: the parser points at "foo" (column 14), so the caret is under its "f".
    expect(caretLine.indexOf('^')).toBe(lines[0]!.indexOf('foo'));
    expect(caretLine).toMatch(/\^ .*is:foo/);
    expect(bad).toContain('Answer Beta 1.');
    expect(bad).toContain('1/2');
    app.unmount();
  });

  it('s suspends and unsuspends, f then a digit flags, in the database', async () => {
    fill(3);
    const app = open();
    await frame(app, (f) => f.includes('1/3'));
    const id = col.findCards('', { limit: 1 }).cards[0]!.id;
    await press(app, 's', `#${id} suspended`);
    expect(col.getCard(id).suspended).toBe(true);
    await press(app, 's', `#${id} unsuspended`);
    expect(col.getCard(id).suspended).toBe(false);
    await press(app, 'f', 'flag: 0 none');
    await press(app, '3', `#${id}: flag 3`);
    expect(col.getCard(id).flag).toBe(3);
    // Without color the flag shows as its digit in the first column.
    expect(app.lastFrame()!.split('\n').find((l) => l.includes('Question Alpha 1?'))).toMatch(/^3 /);
    await press(app, 'f', 'flag: 0 none');
    await press(app, 'x', (f) => !f.includes('flag: 0 none'));
    expect(col.getCard(id).flag).toBe(3);
    app.unmount();
  });

  it('t edits tags (+add -remove, enter applies, esc cancels) and R forgets, both journalled, in the database', async () => {
    fill(2);
    const id = col.findCards('', { limit: 1 }).cards[0]!.id;
    col.answer(id, 'good');
    col.tag([id], ['old'], []);
    const app = open();
    await frame(app, (f) => f.includes('1/2'));
    await press(app, 't', 'tags> ');
    await type(app, '+exam -old');
    await press(app, ENTER, `#${id}: tags +exam -old`);
    expect(col.getCard(id).tags).toEqual(['exam']);
    await press(app, 't', 'tags> ');
    await type(app, '+never');
    await press(app, ESC, (f) => !f.includes('tags> '));
    expect(col.getCard(id).tags).toEqual(['exam']);
    expect(col.getCard(id).memory.state).toBe('learning');
    await press(app, 'R', `#${id} forgotten`);
    expect(col.getCard(id).memory.state).toBe('new');
    expect(col.store.reviewsOfCard(id)).toHaveLength(1);
    // The journal takes back the forget, then the tag edit.
    col.undo();
    expect(col.getCard(id).memory.state).toBe('learning');
    col.undo();
    expect(col.getCard(id).tags).toEqual(['old']);
    app.unmount();
  });

  it('? shows the keys; enter ends the browser asking to review its query; q quits without', async () => {
    fill(2);
    const exits: Array<{ review: string | null }> = [];
    const app = open('deck:Alpha', exits);
    await frame(app, (f) => f.includes('1/2'));
    await press(app, '?', 'Browser keys');
    expect(app.lastFrame()).toContain('suspend / unsuspend');
    await press(app, ESC, '1/2');
    app.stdin.write(ENTER);
    await frame(app, () => exits.length > 0);
    expect(exits).toEqual([{ review: 'deck:Alpha' }]);
    app.unmount();
    const again = open('', exits);
    await frame(again, (f) => f.includes('1/2'));
    again.stdin.write('q');
    await frame(again, () => exits.length > 1);
    expect(exits[1]).toEqual({ review: null });
    again.unmount();
  });

  it('card text with terminal control sequences is drawn without them', async () => {
    col.addCard('Evil', 'Bold \x1b[2J\x1b]0;pwned\x07 question?', 'An \x1b[31manswer\x9b.');
    const app = open();
    const f = await frame(app, (x) => x.includes('question?'));
    expect(f).not.toMatch(/\x1b\[2J|\x1b\]0;|\x07|\x9b/);
    expect(f).not.toContain('pwned\x07');
    app.unmount();
  });

  it('e refuses a card without a note of its own, and opens the note otherwise (editor exit code reported)', async () => {
    col.addCard('Hand', 'Made by hand?', 'Yes.');
    const dir = path.join(temp.dir(), 'notes');
    fs.mkdirSync(dir);
    const note = path.join(dir, 'n.md');
    fs.writeFileSync(note, '# N\n\nWhat is two plus two?::Four\n');
    importNotes(col, [note]);
    const prev = { visual: process.env['VISUAL'], editor: process.env['EDITOR'] };
    // `false` exits 1 without touching the file: the browser says so and keeps going.
    process.env['VISUAL'] = 'false';
    try {
      const app = open();
      await frame(app, (f) => f.includes('1/2'));
      await press(app, 'e', 'no note of its own');
      await press(app, DOWN, 'What is two plus two?');
      await press(app, 'e', 'editor exited with code 1');
      app.unmount();
    } finally {
      if (prev.visual === undefined) delete process.env['VISUAL'];
      else process.env['VISUAL'] = prev.visual;
    }
  });
});

describe('browse columns', () => {
  const card = { id: 1, deck: 'A very long deck name::child', state: 'review' as const, due: T0 + 3 * 86_400_000, intervalDays: 12, stability: 14.6,
    front: 'A front that is far too long to fit into the narrow terminal at all', back: '', flag: 0, suspended: true, source: null };

  it.each([60, 80, 120])('a row fits %i columns exactly, cut with …', (width) => {
    const line = rowLine(card, width, T0, false);
    expect([...line].length).toBe(width);
    expect(line).toContain('…');
    expect(line).toMatch(/^ S /);
    expect(line).toMatch(/\s3d\s+12d\s+15d /);
    expect(columnsFor(width).front).toBeGreaterThan(10);
  });
});

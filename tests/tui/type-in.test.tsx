/**
 * A typed-answer card in the review (ink-testing-library, a real collection): the input line,
 * letters as text, the word diff after enter, the suggested grade that enter confirms; and the
 * card id and flag in the header, f+digit, and u undoing the flag before the answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { createController, startingState } from '../../src/tui/index.js';
import { ReviewApp } from '../../src/tui/review-app.js';
import { useTempCollection } from '../helpers/collection.js';
import { frame } from '../helpers/ink.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);
let col: Collection;

beforeEach(() => {
  col = temp.col();
  const note = path.join(temp.dir(), 'deck', 'capitals.md');
  fs.mkdirSync(path.dirname(note), { recursive: true });
  fs.writeFileSync(note, '# Capitals\n\nCapital of Australia?::**Canberra** city\ntype: true\n\nCapital of France?::Paris\n');
  expect(importNotes(col, [note]).errors).toEqual([]);
});

async function type(app: ReturnType<typeof render>, keys: string) {
  for (const key of keys) {
    const before = app.lastFrame();
    app.stdin.write(key);
    await frame(app, (f) => f !== before, 2000);
  }
}

describe('a typed-answer card in the review', () => {
  it('takes the typed answer (q and u are text), shows the word diff and confirms the suggested grade with enter', async () => {
    const [typed, plain] = col.cards({});
    expect(typed!.typeIn).toBe(true);
    expect(plain!.typeIn).toBeUndefined();
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    let f = await frame(app, (s) => s.includes('answer> _'));
    expect(f).toContain(`#${typed!.id}`);
    expect(f).toContain('type the answer');
    expect(f).not.toContain('Canberra');
    await type(app, 'qu');
    await type(app, '\x7f\x7f');
    await type(app, 'canbera city ');
    // A paste with control characters (BEL, an 8-bit CSI): they never get into the answer, only their printable rest.
    app.stdin.write('x\x07\u009b31my');
    f = await frame(app, (s) => s.includes('my_'));
    expect(f).toContain('answer> canbera city x31my_');
    app.stdin.write('\r');
    f = await frame(app, (s) => s.includes('suggested grade'));
    expect(f).toContain('✗ not quite: suggested grade again');
    expect(f).toContain('[-canbera-] {+Canberra+} city [-x31my-]');
    expect(f).toContain('Canberra city'); // the answer side below
    app.stdin.write('\r');
    f = await frame(app, (s) => s.includes('Capital of France'));
    expect(col.reviewsOf(typed!.id).map((r) => r.grade)).toEqual(['again']);
    app.unmount();
  });

  it('a right answer suggests good; f then a digit flags the card in the header; u undoes the flag, then the answer', async () => {
    const [typed, plain] = col.cards({});
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    await frame(app, (s) => s.includes('answer> _'));
    await type(app, 'Canberra  CITY');
    app.stdin.write('\r');
    let f = await frame(app, (s) => s.includes('suggested grade'));
    expect(f).toContain('✓ right: suggested grade');
    expect(f).toContain('Canberra CITY');
    app.stdin.write('3');
    f = await frame(app, (s) => s.includes('Capital of France'));
    expect(f).toContain(`#${plain!.id} capitals > Capitals`);
    app.stdin.write('f');
    f = await frame(app, (s) => s.includes('flag: 1 red'));
    app.stdin.write('2');
    f = await frame(app, (s) => s.includes('[orange]'));
    expect(f).toContain(`#${plain!.id} [orange] capitals > Capitals`);
    expect(col.getCard(plain!.id).flag).toBe(2);
    app.stdin.write('u');
    f = await frame(app, (s) => s.includes('undone: flag'));
    expect(f).not.toContain('[orange]');
    expect(col.getCard(plain!.id).flag).toBe(0);
    app.stdin.write('u');
    f = await frame(app, (s) => s.includes('answer> _'));
    expect(f).toContain('Capital of Australia');
    expect(col.reviewsOf(typed!.id)).toEqual([]);
    app.unmount();
  });
});

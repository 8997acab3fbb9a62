import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { createTriageController, triageItems } from '../../src/tui/triage/triage-controller.js';
import { TriageApp } from '../../src/tui/triage/triage-app.js';
import { initialTriage, type TriageState } from '../../src/tui/triage/triage-reducer.js';
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

const Q1 = 'How does round robin scheduling share the processor?';
const Q2 = 'Why does a shorter time slice feel more responsive?';
const Q3 = 'What does the scheduler do when a process blocks?';
const Q4 = 'How is a page fault handled by the kernel?';

function note(deck: string, ...qas: Array<[string, string]>): string {
  // `cards: both`: an explicit card written during triage must not turn the note's prose cards off.
  return ['---', `deck: ${deck}`, 'cards: both', '---', `# ${deck} notes`, '', ...qas.flatMap(([q, a]) => [q, '', a, ''])].join('\n');
}

function setUp(): { a: string; b: string } {
  const dir = path.join(temp.dir(), 'notes');
  fs.mkdirSync(dir, { recursive: true });
  const a = path.join(dir, 'a.md');
  const b = path.join(dir, 'b.md');
  fs.writeFileSync(a, note('OS',
    [Q1, 'Each process runs for one fixed time slice in turn, then goes to the back of the ready queue.'],
    [Q2, 'Waiting processes get the processor sooner, at the cost of more context switches.'],
    [Q3, 'It picks another ready process, and the blocked one waits until its input arrives.']));
  fs.writeFileSync(b, note('OS', [Q4, 'The kernel finds the page on disk, loads it into a free frame and restarts the instruction.']));
  importNotes(col, [a, b]);
  return { a, b };
}

function mount(onExit?: (state: TriageState) => void) {
  return render(<TriageApp controller={createTriageController(col)} initial={initialTriage(triageItems(col))} color={false} {...(onExit ? { onExit } : {})} />);
}

const statusOf = (front: string) => col.cards({}).find((c) => c.front === front)?.status
  ?? col.store.findCards({ includeRetired: true }).find((c) => c.front === front)?.status;

describe('triage screen', () => {
  it('shows a suggestion with its deck, heading path and the note lines around it', async () => {
    const { a } = setUp();
    const app = mount();
    const f = await frame(app, (x) => x.includes(Q1));
    expect(f).toContain('Suggestion: OS > OS notes');
    expect(f).toContain('1 of 4');
    expect(f).toContain(`${a}:7`);
    expect(f).toMatch(/> ?7 \| How does round robin/);
    expect(f).toMatch(/5 \| # OS notes/);
    expect(f).toContain('A: Each process runs for one fixed time slice');
    app.unmount();
  });

  it('a accepts, r rejects, s skips, u undoes, and each decision is saved at once', async () => {
    setUp();
    const app = mount();
    await frame(app, (x) => x.includes(Q1));
    await press(app, 'a', Q2);
    expect(statusOf(Q1)).toBe('accepted');
    expect(col.queue().cards.map((c) => c.front)).toContain(Q1);
    await press(app, 'r', Q3);
    expect(statusOf(Q2)).toBe('rejected');
    await press(app, 's', Q4);
    expect(statusOf(Q3)).toBe('suggested');
    await press(app, 'u', Q2);
    expect(statusOf(Q2)).toBe('suggested');
    await press(app, 'u', Q1);
    expect(statusOf(Q1)).toBe('suggested');
    expect(col.queue().cards.map((c) => c.front)).not.toContain(Q1);
    app.unmount();
  });

  it('A accepts the rest of this note, R rejects it, and the other note is untouched', async () => {
    setUp();
    const app = mount();
    await frame(app, (x) => x.includes(Q1));
    await press(app, 's', Q2);
    await press(app, 'A', Q4);
    expect([Q1, Q2, Q3, Q4].map(statusOf)).toEqual(['suggested', 'accepted', 'accepted', 'suggested']);
    await press(app, 'u', Q2);
    expect([Q2, Q3].map(statusOf)).toEqual(['suggested', 'suggested']);
    await press(app, 'R', Q4);
    expect([Q1, Q2, Q3, Q4].map(statusOf)).toEqual(['suggested', 'rejected', 'rejected', 'suggested']);
    const done = await press(app, 'a', 'Triage done.');
    expect(done).toContain('1 accepted  2 rejected  1 skipped');
    expect(done).toContain('1 suggestion still waiting (engram triage).');
    app.unmount();
  });

  it('q quits with the decisions kept; ? shows the keys', async () => {
    setUp();
    let final: TriageState | null = null;
    const app = mount((state) => {
      final = state;
    });
    await frame(app, (x) => x.includes(Q1));
    await press(app, '?', 'Triage keys');
    await press(app, '?', Q1);
    await press(app, 'a', Q2);
    app.stdin.write('q');
    await frame(app, () => final !== null);
    expect(final!.accepted).toBe(1);
    expect(statusOf(Q1)).toBe('accepted');
    app.unmount();
  });

  it('a note file that is gone since the import is reported, not a crash', async () => {
    const { a } = setUp();
    fs.rmSync(a);
    const app = mount();
    const f = await frame(app, (x) => x.includes(Q1));
    expect(f).toContain('cannot show the note');
    await press(app, 'a', Q2);
    expect(statusOf(Q1)).toBe('accepted');
    app.unmount();
  });

  it('e opens the note in $VISUAL at the line, re-imports it, and shows what the note suggests now', async () => {
    const { a } = setUp();
    // A scripted "editor" that turns the first prose question into an explicit card.
    const script = path.join(temp.dir(), 'edit.sh');
    fs.writeFileSync(script, `#!/bin/sh\necho "$@" > "${path.join(temp.dir(), 'argv')}"\nsed -i 's/^How does round robin scheduling share the processor?$/Round robin::one slice each, in turn/' "$1"\n`);
    const before = process.env['VISUAL'];
    process.env['VISUAL'] = `sh ${script}`;
    try {
      const app = mount();
      await frame(app, (x) => x.includes(Q1));
      const f = await press(app, 'e', 'note re-imported');
      expect(fs.readFileSync(path.join(temp.dir(), 'argv'), 'utf8').trim()).toBe(a);
      // The screen now holds what the note suggests after the edit: the rewritten question is gone.
      const now = triageItems(col);
      expect(now.map((i) => i.front)).not.toContain(Q1);
      expect(now.map((i) => i.front)).toEqual(expect.arrayContaining([Q2, Q3, Q4]));
      expect(f).toContain(`1 of ${now.length}`);
      expect(f).toContain(`Q: ${now[0]!.front}`);
      expect(col.queue().cards.map((c) => c.front)).toContain('Round robin');
      app.unmount();
    } finally {
      if (before === undefined) delete process.env['VISUAL'];
      else process.env['VISUAL'] = before;
    }
  });

  it('says so when there is nothing to triage', async () => {
    const app = mount();
    const f = await frame(app, (x) => x.includes('No suggestions'));
    expect(f).toContain('0 suggestions still waiting.');
    app.unmount();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { createController, startingState } from '../../src/tui/index.js';
import { ReviewApp } from '../../src/tui/review-app.js';
import { useTempCollection } from '../helpers/collection.js';
import { frame } from '../helpers/ink.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);

const NOTE = [
  '---', 'deck: OS', 'cards: both', '---', '# Scheduling', '',
  'What is a process?::A program in execution.', '',
  'How does round robin scheduling share the processor?', '',
  'Each process runs for one fixed time slice in turn, then goes to the back of the ready queue.', '',
].join('\n');

function importNote(): void {
  const file = path.join(temp.dir(), 'os.md');
  fs.writeFileSync(file, NOTE);
  importNotes(temp.col(), [file]);
}

describe('the review and waiting suggestions', () => {
  it('the end screen says how many suggestions wait and how to triage them; the review never shows them', async () => {
    importNote();
    const col = temp.col();
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    let f = await frame(app, (x) => x.includes('What is a process?'));
    expect(f).toContain('1 new  0 learning  0 review');
    app.stdin.write(' ');
    await frame(app, (x) => x.includes('4 easy'));
    app.stdin.write('4');
    f = await frame(app, (x) => x.includes('Done for now.') && x.includes('suggestion'));
    expect(f).toContain('1 suggestion from your notes waiting (not in the queue): engram triage');
    expect(f).not.toContain('round robin');
    app.unmount();
  });

  it('the "nothing due" screen says it too', async () => {
    importNote();
    const col = temp.col();
    const [explicit] = col.queue().cards;
    col.answer(explicit!.id, 'easy');
    const app = render(<ReviewApp controller={createController(col)} initial={startingState(col)} color={false} />);
    const f = await frame(app, (x) => x.includes('Nothing due right now.') && x.includes('suggestion'));
    expect(f).toContain('1 suggestion from your notes waiting (not in the queue): engram triage');
    app.unmount();
  });
});

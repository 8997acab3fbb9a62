/**
 * `engram triage` in a real pseudo-terminal (tmux): the screen drawn from a real import, keys
 * sent through tmux, decisions checked through the CLI afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { TempEnv } from '../helpers/cli.js';
import { hasTmux, terminalWithTempEnv } from '../helpers/tmux.js';

const term = terminalWithTempEnv('triage', (e) => (env = e));
const NOW = '2026-12-01T09:00:00Z';
let env: TempEnv;

const Q1 = 'How does round robin scheduling share the processor?';
const Q2 = 'Why does a shorter time slice make the system feel more responsive?';
const NOTE = [
  '---', 'deck: OS', 'cards: both', '---', '# Scheduling', '',
  'What is a process?::A program in execution.', '',
  Q1, '', 'Each process runs for one fixed time slice in turn, then goes to the back of the ready queue.', '',
  Q2, '', 'Waiting processes get the processor sooner, at the cost of more context switches.', '',
].join('\n');

describe.skipIf(!hasTmux)('engram triage in a terminal', () => {
  it('shows each suggestion in its note; a accepts, r rejects, q quits and the queue has the accepted card', async () => {
    const file = env.write('notes/os.md', NOTE);
    expect(env.run(['import', file], { now: NOW }).code).toBe(0);
    term.start(['triage'], { width: 100, height: 30 }, { ENGRAM_DB: env.db, ENGRAM_NOW: NOW, TZ: 'UTC', NO_COLOR: '1' }, true);
    const first = await term.waitFor(Q1);
    expect(first).toContain('Suggestion: OS > Scheduling');
    expect(first).toContain('1 of 2');
    expect(first).toContain(`${file}:9`);
    expect(first).toContain('What is a process?::A program in execution.');
    await term.press('a', (s) => s.includes(`Q: ${Q2}`) && s.includes('1 accepted'));
    await term.press('r', 'Triage done.');
    await term.press('q', 'Triage: 1 accepted, 1 rejected.');
    const due = env.json<{ cards: Array<{ front: string }> }>(['due'], { now: NOW });
    expect(due.cards.map((c) => c.front)).toEqual(['What is a process?', Q1]);
    expect(env.json<Array<{ suggestions: number }>>(['decks'], { now: NOW })[0]!.suggestions).toBe(0);
  });
});

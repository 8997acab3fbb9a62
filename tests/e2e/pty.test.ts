/**
 * The review session in a real pseudo-terminal (tmux): start, reveal, grade, undo, quit;
 * then the review log holds exactly the answers given.
 */
import { describe, expect, it } from 'vitest';
import type { TempEnv } from '../helpers/cli.js';
import { hasTmux, terminalWithTempEnv } from '../helpers/tmux.js';

const term = terminalWithTempEnv('review', (e) => (env = e));
const { tmux, screen, waitFor, press } = term;
const session = 'e2e';
let env: TempEnv;

/** Starts `engram review` in a detached tmux session of the given size, on the test database. */
function startReview(width: number, height: number, vars: Record<string, string> = {}): void {
  term.start(['review'], { width, height }, { ...vars, ENGRAM_DB: env.db, ENGRAM_NOW: NOW, TZ: 'UTC' });
}

const NOW = '2026-12-01T09:00:00Z';

describe.skipIf(!hasTmux)('review in a real terminal', () => {
  it('reveals, grades, undoes and quits; the log holds exactly the answers given', { timeout: 60_000 }, async () => {
    for (const [front, back] of [['Alpha question', 'alpha answer'], ['Beta question', 'beta answer'], ['Gamma question', 'gamma answer']]) {
      env.json(['add', '--deck', 'E2E', '--front', front!, '--back', back!], { now: NOW });
    }
    startReview(100, 30);

    await waitFor('Alpha question');
    expect(screen()).toContain('3 new  0 learning  0 review');
    await press('Space', 'alpha answer');
    await waitFor(/3 good 10m/);
    await press('3', 'Beta question');
    await press('Space', 'beta answer');
    await press('1', 'Gamma question');
    await press('u', 'Beta question');
    await waitFor('undone');
    await press('Space', 'beta answer');
    await press('4', 'Gamma question');
    tmux('send-keys', '-t', session, 'q');
    await term.ended();

    const cards = env.json(['cards']);
    const byFront = (front: string) => cards.find((c: { front: string }) => c.front === front);
    const alpha = env.json(['show', String(byFront('Alpha question').id)]);
    const beta = env.json(['show', String(byFront('Beta question').id)]);
    const gamma = env.json(['show', String(byFront('Gamma question').id)]);
    expect(alpha.reviews.map((r: { grade: string }) => r.grade)).toEqual(['good']);
    expect(beta.reviews.map((r: { grade: string }) => r.grade)).toEqual(['easy']);
    expect(gamma.reviews).toEqual([]);
    expect(alpha.state).toBe('learning');
    expect(beta.state).toBe('review');
  });

  it('r runs the card\'s example file in the sandbox and shows its output under the answer', { timeout: 60_000 }, async () => {
    env.write('deck/examples/fuse.ts', 'export function fuse(a: number[], b: number[]): number[] {\n  return a.flatMap((x) => b.map((y) => x * y));\n}\nexport function main(): void {\n  console.log("outer product:", fuse([1, 2], [3, 4]).join(" "));\n}\n');
    env.write('deck/fusion.md', 'What does tensor fusion compute?::The outer product of the modality vectors.\nexample: examples/fuse.ts\n');
    expect(env.run(['import', `${env.dir}/deck`], { now: NOW }).code).toBe(0);
    startReview(100, 30);
    await waitFor('What does tensor fusion compute?');
    await press('Space', 'outer product of the modality vectors');
    const shown = await press('r', 'outer product: 3 4 6 8');
    const lines = shown.split('\n');
    const answerAt = lines.findIndex((l) => l.includes('outer product of the modality vectors'));
    const outputAt = lines.findIndex((l) => l.includes('outer product: 3 4 6 8'));
    expect(answerAt).toBeGreaterThan(-1);
    expect(outputAt).toBeGreaterThan(answerAt);
    tmux('send-keys', '-t', session, 'q');
  });

  it('fits 60x20, follows a resize, and honours NO_COLOR', { timeout: 60_000 }, async () => {
    const long = 'word '.repeat(60).trim();
    env.json(['add', '--deck', 'Narrow', '--front', `A long question: ${long}?`, '--back', 'short answer'], { now: NOW });
    startReview(60, 20, { NO_COLOR: '1' });
    const narrow = await waitFor('show answer');
    const lines = narrow.split('\n');
    expect(Math.max(...lines.map((l) => l.trimEnd().length))).toBeLessThanOrEqual(60);
    expect(lines.filter((l) => l.includes('word')).length).toBeGreaterThan(3);
    const colors = tmux('capture-pane', '-p', '-e', '-t', session);
    expect(colors).not.toMatch(/\x1b\[(3[0-7]|9[0-7]|38;)/);

    tmux('resize-window', '-t', session, '-x', '120', '-y', '30');
    const wide = await waitFor((screenText: string) => screenText.split('\n').some((l) => l.trimEnd().length > 60));
    expect(wide.split('\n').filter((l) => l.includes('word')).length).toBeLessThan(lines.filter((l) => l.includes('word')).length);
    tmux('send-keys', '-t', session, 'q');
  });

  it('o opens the note in $EDITOR at the card and re-imports it', { timeout: 60_000 }, async () => {
    const note = env.write('notes/edit.md', '# Edit\n\nWhat is the capital of Atlantis?::Poseidonia\n');
    env.run(['import', note], { now: NOW });
    // A non-interactive "editor": rewrites the answer in place, as a person would.
    startReview(100, 30, { EDITOR: 'sed -i s/Poseidonia/Atlantica/' });
    await waitFor('capital of Atlantis');
    await press('Space', 'Poseidonia');
    await press('o', 'Atlantica');
    await waitFor('note re-imported');
    tmux('send-keys', '-t', session, 'q');
    const cards = env.json(['cards']);
    expect(cards).toHaveLength(1);
    expect(cards[0].back).toBe('Atlantica');
  });
});

/**
 * The review session in a real pseudo-terminal (tmux): start, reveal, grade, undo, quit;
 * then the review log holds exactly the answers given.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, tempEnv, type TempEnv } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `engram-test-${process.pid}`;
const session = 'review';
let env: TempEnv;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', session);
}

async function waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      last = screen();
    } catch {
      last = '(tmux session gone)';
    }
    if (typeof text === 'string' ? last.includes(text) : typeof text === 'function' ? text(last) : text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${String(text)}; screen was:\n${last}`);
}

beforeEach(() => {
  env = tempEnv();
});
afterEach(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  env.cleanup();
});

describe.skipIf(!hasTmux)('review in a real terminal', () => {
  it('reveals, grades, undoes and quits; the log holds exactly the answers given', { timeout: 60_000 }, async () => {
    const now = '2026-12-01T09:00:00Z';
    for (const [front, back] of [['Alpha question', 'alpha answer'], ['Beta question', 'beta answer'], ['Gamma question', 'gamma answer']]) {
      env.json(['add', '--deck', 'E2E', '--front', front!, '--back', back!], { now });
    }
    const command = `ENGRAM_DB='${env.db}' ENGRAM_NOW='${now}' TZ=UTC '${process.execPath}' '${CLI}' review`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);

    await waitFor('Alpha question');
    expect(screen()).toContain('3 new  0 learning  0 review');
    tmux('send-keys', '-t', session, 'Space');
    await waitFor('alpha answer');
    await waitFor(/3 good 10m/);
    tmux('send-keys', '-t', session, '3');
    await waitFor('Beta question');
    tmux('send-keys', '-t', session, 'Space');
    await waitFor('beta answer');
    tmux('send-keys', '-t', session, '1');
    await waitFor('Gamma question');
    tmux('send-keys', '-t', session, 'u');
    await waitFor('Beta question');
    await waitFor('undone');
    tmux('send-keys', '-t', session, 'Space');
    await waitFor('beta answer');
    tmux('send-keys', '-t', session, '4');
    await waitFor('Gamma question');
    tmux('send-keys', '-t', session, 'q');
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      try {
        tmux('has-session', '-t', session);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }

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

  it('fits 60x20, follows a resize, and honours NO_COLOR', { timeout: 60_000 }, async () => {
    const now = '2026-12-01T09:00:00Z';
    const long = 'word '.repeat(60).trim();
    env.json(['add', '--deck', 'Narrow', '--front', `A long question: ${long}?`, '--back', 'short answer'], { now });
    const command = `NO_COLOR=1 ENGRAM_DB='${env.db}' ENGRAM_NOW='${now}' TZ=UTC '${process.execPath}' '${CLI}' review`;
    tmux('new-session', '-d', '-s', session, '-x', '60', '-y', '20', command);
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
    const now = '2026-12-01T09:00:00Z';
    const note = env.write('notes/edit.md', '# Edit\n\nWhat is the capital of Atlantis?::Poseidonia\n');
    env.run(['import', note], { now });
    // A non-interactive "editor": rewrites the answer in place, as a person would.
    const editor = `sed -i s/Poseidonia/Atlantica/`;
    const command = `EDITOR='${editor}' ENGRAM_DB='${env.db}' ENGRAM_NOW='${now}' TZ=UTC '${process.execPath}' '${CLI}' review`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);
    await waitFor('capital of Atlantis');
    tmux('send-keys', '-t', session, 'Space');
    await waitFor('Poseidonia');
    tmux('send-keys', '-t', session, 'o');
    await waitFor('Atlantica');
    await waitFor('note re-imported');
    tmux('send-keys', '-t', session, 'q');
    const cards = env.json(['cards']);
    expect(cards).toHaveLength(1);
    expect(cards[0].back).toBe('Atlantica');
  });
});

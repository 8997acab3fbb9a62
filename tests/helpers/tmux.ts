/**
 * Drives engram in a real pseudo-terminal: a detached tmux session on a private server, keys
 * sent with send-keys, the screen read back with capture-pane.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, beforeEach } from 'vitest';
import { CLI, tempEnv, type TempEnv } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export type ScreenTest = string | RegExp | ((screen: string) => boolean);

export interface Terminal {
  tmux(...args: string[]): string;
  /** The visible screen, or with `history` also the lines scrolled off the top. */
  screen(history?: boolean): string;
  waitFor(text: ScreenTest, options?: { history?: boolean; timeoutMs?: number }): Promise<string>;
  /** Types a key and waits for the screen to show what it should. */
  press(key: string, then: ScreenTest): Promise<string>;
  /**
   * Runs `engram ARGS` in a session of the given size with the given environment. With
   * `keepOpen` the pane stays after the command ends, so what it printed last can be read.
   */
  start(args: string[], size: { width: number; height: number }, vars: Record<string, string>, keepOpen?: boolean): void;
  /** Waits for the command to end (the session closes). */
  ended(timeoutMs?: number): Promise<void>;
  /** Stops the private tmux server. */
  close(): void;
}

/** `name` keeps test files apart: each gets its own tmux server. */
export function terminal(name: string): Terminal {
  const socket = `engram-${name}-${process.pid}`;
  const session = 'e2e';
  // stderr is captured: a command racing the session's end would print 'server exited unexpectedly'.
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const screen = (history = false): string => tmux('capture-pane', '-p', '-t', session, ...(history ? ['-S', '-200'] : []));
  const waitFor: Terminal['waitFor'] = async (text, options = {}) => {
    const until = Date.now() + (options.timeoutMs ?? 15_000);
    let last = '';
    while (Date.now() < until) {
      try {
        last = screen(options.history);
      } catch {
        last = '(tmux session gone)';
      }
      if (typeof text === 'string' ? last.includes(text) : typeof text === 'function' ? text(last) : text.test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${String(text)}; screen was:\n${last}`);
  };
  return {
    tmux,
    screen,
    waitFor,
    press(key, then) {
      tmux('send-keys', '-t', session, key);
      return waitFor(then);
    },
    start(args, size, vars, keepOpen = false) {
      const assignments = Object.entries(vars).map(([k, v]) => `${k}='${v}'`);
      const command = `${assignments.join(' ')} '${process.execPath}' '${CLI}' ${args.map((a) => `'${a}'`).join(' ')}${keepOpen ? '; sleep 120' : ''}`;
      const open = () => tmux('new-session', '-d', '-s', session, '-x', String(size.width), '-y', String(size.height), command);
      try {
        open();
      } catch (error) {
        // The previous session's server may still be shutting down (it exits with its last
        // session): a new session asked for in that moment finds it gone. Once more, after it has.
        if (!String((error as { stderr?: unknown }).stderr ?? error).includes('server exited unexpectedly')) throw error;
        open();
      }
    },
    async ended(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        try {
          tmux('has-session', '-t', session);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the session did not end; screen was:\n${screen()}`);
    },
    close() {
      try {
        execFileSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    },
  };
}

/**
 * A file's tmux terminal, with a fresh temporary environment for each test (handed to `use`);
 * after each test the tmux server is stopped and the environment removed.
 */
export function terminalWithTempEnv(name: string, use: (env: TempEnv) => void): Terminal {
  const term = terminal(name);
  let current: TempEnv | null = null;
  beforeEach(() => {
    current = tempEnv();
    use(current);
  });
  afterEach(() => {
    term.close();
    current?.cleanup();
    current = null;
  });
  return term;
}

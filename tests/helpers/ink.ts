/** Waiting on ink-testing-library frames: shared by the screen tests in tests/tui. */
import type { render } from 'ink-testing-library';
import { expect } from 'vitest';

export type InkApp = ReturnType<typeof render>;

/** The last frame once `ready` accepts it, or the last frame at the timeout (the caller's expect then fails). */
export async function frame(app: InkApp, ready: (frame: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = app.lastFrame() ?? '';
  while (!ready(last) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = app.lastFrame() ?? '';
  }
  return last;
}

/** Types `key` and expects a frame that shows `expected` (a text, or a test of the frame). */
export async function press(app: InkApp, key: string, expected: string | ((f: string) => boolean)): Promise<string> {
  app.stdin.write(key);
  const test = typeof expected === 'string' ? (f: string) => f.includes(expected) : expected;
  const f = await frame(app, test);
  expect(test(f), `after ${JSON.stringify(key)} the frame was:\n${f}`).toBe(true);
  return f;
}

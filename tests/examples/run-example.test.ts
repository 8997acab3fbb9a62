import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, parseTimeoutSetting, runExample, type RunOptions, type RunResult } from '../../src/examples/index.js';
import { trimIncompleteUtf8 } from '../../src/examples/output-capture.js';
import { hardStopGraceMs, HARD_STOP_GRACE_MS } from '../../src/examples/worker-host.js';
import type { ExampleSpec } from '../../src/core/index.js';

const ts = (code: string, line = 10): ExampleSpec => ({ lang: 'ts', code, line });
const run = (code: string, options?: RunOptions) => runExample(ts(code), options);

describe('runExample: running', () => {
  it('captures console output exactly, warn/error on stderr', async () => {
    const r = await run('console.log("hello");\nconsole.info("✓ 日本");\nconsole.warn("careful");\nconsole.error("bad", 2);');
    expect(r).toMatchObject({ ok: true, exitCode: 0, stdout: 'hello\n✓ 日本\n', stderr: 'careful\nbad 2\n', timedOut: false, truncated: false });
    expect(r.error).toBeUndefined();
    expect(r.ms).toBeGreaterThan(0);
  });

  it('formats objects and arrays readably', async () => {
    const r = await run(`
console.log([[1, 2], [3, 4]]);
console.log({ name: 'fusion', dims: [2, 3], nested: { deep: { deeper: { deepest: 1 } } } });
console.log(new Map([['a', 1]]), new Set([1]), null, undefined, 1.5, -0, 10n, 'top level string');
console.log(Array.from({ length: 150 }, (_, i) => i).length, [function named() {}]);`);
    expect(r.stdout.split('\n')).toEqual([
      '[ [ 1, 2 ], [ 3, 4 ] ]',
      "{ name: 'fusion', dims: [ 2, 3 ], nested: { deep: { deeper: [Object] } } }",
      "Map(1) { 'a' => 1 } Set(1) { 1 } null undefined 1.5 -0 10n top level string",
      '150 [ [Function: named] ]',
      '',
    ]);
  });

  it('breaks long objects over lines and elides long arrays', async () => {
    const r = await run('console.log(Array.from({ length: 120 }, (_, i) => i));');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('[');
    expect(lines[1]).toBe('  0,');
    expect(lines.at(-2)).toBe('  ... 20 more items');
    expect(lines.at(-1)).toBe(']');
  });

  it('runs TypeScript with types, generics and top-level await on promises', async () => {
    const r = await run(`
interface Point { x: number; y: number }
type Pair<T> = [T, T];
function add<T extends Point>(a: T, b: T): Point { return { x: a.x + b.x, y: a.y + b.y }; }
const pair: Pair<Point> = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
const sum = await Promise.resolve(add(...pair));
console.log(JSON.stringify(sum) as string);
`);
    expect(r.stdout).toBe('{"x":4,"y":6}\n');
    expect(r.ok).toBe(true);
  });

  it('runs plain JavaScript', async () => {
    const r = await runExample({ lang: 'js', code: 'console.log([1, 2, 3].map((n) => n * 2).join(","))', line: 1 });
    expect(r).toMatchObject({ ok: true, stdout: '2,4,6\n' });
  });

  it('calls an exported main() after the module, and awaits it when async', async () => {
    const r = await run(`
export const scale = 3;
export function tensorFusion(a: number[], b: number[]): number[][] {
  return [...a, 1].map((x) => [...b, 1].map((y) => x * y));
}
console.log('module evaluated');
export async function main(): Promise<void> {
  await null;
  console.log(tensorFusion([scale], [2]));
}`);
    expect(r).toMatchObject({ ok: true, exitCode: 0 });
    expect(r.stdout).toBe('module evaluated\n[ [ 6, 3 ], [ 2, 1 ] ]\n');
  });

  it('reports an error thrown by main() as exit code 1', async () => {
    const r = await run('export function main() {\n  throw new TypeError("from main");\n}');
    expect(r).toMatchObject({ ok: false, exitCode: 1 });
    expect(r.stderr).toMatch(/^TypeError: from main\n\s+at main \(example\.ts:2:\d+\)/);
  });

  it('reports an uncaught error: exit 1, message and stack with lines of the example', async () => {
    const r = await run('interface A { x: number }\n\nconst a: A = { x: 1 };\nthrow new Error("boom " + a.x);\n');
    expect(r).toMatchObject({ ok: false, exitCode: 1, timedOut: false });
    expect(r.stderr).toContain('Error: boom 1');
    // Source maps: the stack names line 4 of the example's code, not of the transpiled JS.
    expect(r.stderr).toMatch(/example\.ts:4:\d+/);
    expect(r.stderr).not.toContain('example.mjs');
  });

  it('reports a rejected top-level await and a promise that never settles', async () => {
    const rejected = await run('await Promise.reject(new RangeError("nope"));');
    expect(rejected).toMatchObject({ ok: false, exitCode: 1 });
    expect(rejected.stderr).toContain('RangeError: nope');
    const forever = await run('await new Promise(() => {});');
    expect(forever).toMatchObject({ ok: false, exitCode: 1, timedOut: false });
    expect(forever.stderr).toMatch(/never settles/);
  });

  it('reports a syntax error as exit code 1, a one-line error with the line in the note, and stderr naming the example', async () => {
    const r = await runExample(ts('const a = 1;\nconst b = ;\n', 20));
    expect(r).toMatchObject({ ok: false, exitCode: 1, stdout: '', timedOut: false });
    expect(r.error).toMatch(/^line 22: \S/);
    expect(r.error).not.toContain('\n');
    // stderr is what `engram run --json` shows: the message must be there too.
    expect(r.stderr).toBe('SyntaxError: Unexpected ";"\n    at example.ts:2:11\n');
  });

  it('refuses imports and require with a clear message', async () => {
    for (const code of ['import fs from "node:fs";\nconsole.log(fs);', 'const fs = require("fs");', 'await import("node:fs");']) {
      const r = await run(code);
      expect(r.ok).toBe(false);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('imports are not available in examples');
      expect(r.stdout).toBe('');
    }
  });

  it('has no timers', async () => {
    const r = await run('console.log(typeof setTimeout, typeof setInterval, typeof queueMicrotask);');
    expect(r.stdout).toBe('undefined undefined undefined\n');
  });

  it('stops an infinite loop at the time limit', async () => {
    const r = await run('console.log("before");\nwhile (true) {}', { timeoutMs: 150 });
    expect(r).toMatchObject({ ok: false, timedOut: true, truncated: false, exitCode: null, stdout: 'before\n' });
    expect(r.error).toBe('timed out after 150 ms');
    expect(r.ms).toBeGreaterThanOrEqual(150);
    expect(r.ms).toBeLessThan(2000);
  });

  it('stops a loop inside an async main at the time limit', async () => {
    const r = await run('export async function main() { await null; for (;;) {} }', { timeoutMs: 150 });
    expect(r).toMatchObject({ ok: false, timedOut: true });
  });

  it('truncates huge output at the cap, stops the run, and says so', async () => {
    // Spins after printing: only the stop on truncation ends it before the timeout.
    const r = await run('for (;;) console.log("x".repeat(999));', { maxOutputBytes: 4096, timeoutMs: 5000 });
    expect(r).toMatchObject({ ok: false, truncated: true, timedOut: false, exitCode: null });
    const [kept, note] = r.stdout.split(/\n(?=\[output truncated)/);
    expect(Buffer.byteLength(kept ?? '')).toBeLessThanOrEqual(4096);
    expect(kept).toMatch(/^(x{999}\n)+x*$/);
    expect(note).toBe('[output truncated: more than 4096 bytes]\n');
    expect(r.error).toBe('output exceeded 4096 bytes');
    expect(r.ms).toBeLessThan(3000);
  });

  it('caps stderr too and never cuts a UTF-8 character in half', async () => {
    const r = await run('console.error("€".repeat(100000));', { maxOutputBytes: 1000 });
    expect(r.truncated).toBe(true);
    expect(r.stderr).toBe(`${'€'.repeat(333)}\n[output truncated: more than 1000 bytes]\n`); // 333 * 3 = 999 bytes
  });

  it('does not flag output that fits the cap', async () => {
    const r = await run('console.log("y".repeat(999));', { maxOutputBytes: 1000 });
    expect(r).toMatchObject({ ok: true, truncated: false, stdout: `${'y'.repeat(999)}\n` });
  });

  it('turns runaway recursion into a stack overflow error', async () => {
    const r = await run('function down(n: number): number { return down(n + 1) + 1; }\ndown(0);');
    expect(r).toMatchObject({ ok: false, exitCode: 1 });
    expect(r.stderr).toMatch(/stack overflow/);
    const after = await run('console.log("fine")');
    expect(after).toMatchObject({ ok: true, stdout: 'fine\n' });
  });

  it('loads esbuild and QuickJS lazily (no static import)', () => {
    for (const file of ['transpile.ts', 'quickjs-engine.ts']) {
      const source = readFileSync(fileURLToPath(new URL(`../../src/examples/${file}`, import.meta.url)), 'utf8');
      expect(source).not.toMatch(/^import (?!type)[^;]*from\s+['"](esbuild|quickjs-emscripten)['"]/m);
    }
  });

  it('reuses the loaded engine: a second run is fast', async () => {
    await run('console.log(1)');
    const r = await run('console.log(2)');
    expect(r.stdout).toBe('2\n');
    expect(r.ms).toBeLessThan(500);
  });
});

/**
 * Examples that QuickJS's interrupt handler cannot stop in time, or that break the engine
 * itself. Each must end as a clean result (timed out, or exit code 1 with a message) within the
 * limit plus a margin, and leave the sandbox working for the next run. The limit is much shorter
 * than the 2 s default: the interrupt handler and the worker's hard stop work the same at any
 * limit, and these runs would otherwise spend most of the suite's time waiting.
 */
describe('runExample: hostile examples end cleanly within the limit', () => {
  const LIMIT_MS = 150;
  const WALL_MS = 3000;
  const ENGINE_TEXT = /Aborted\(|RuntimeError|unreachable|Maximum call stack|sandbox failed/;

  async function timed(code: string, limitMs = LIMIT_MS): Promise<RunResult & { wall: number }> {
    const t = performance.now();
    const r = await run(code, { timeoutMs: limitMs });
    return { ...r, wall: performance.now() - t };
  }

  /** Stopped at the limit, or failed with an error of its own: never the engine's words. */
  function expectCleanEnd(r: RunResult & { wall: number }): void {
    expect(r.ok).toBe(false);
    if (r.timedOut) {
      expect(r).toMatchObject({ exitCode: null, error: `timed out after ${LIMIT_MS} ms` });
    } else {
      expect(r.exitCode).toBe(1);
      expect(r.stderr).not.toBe('');
    }
    expect(`${r.stdout}${r.stderr}${r.error ?? ''}`).not.toMatch(ENGINE_TEXT);
    expect(r.wall).toBeLessThan(WALL_MS);
  }

  const stillWorks = async (): Promise<void> => {
    expect(await run('console.log("fine")')).toMatchObject({ ok: true, stdout: 'fine\n' });
  };

  it('stops an example that catches its own stack overflow and recurses again, keeping what it printed', { timeout: 60_000 }, async () => {
    const r = await timed('function f(): void { try { f(); } catch { f(); } }\nconsole.log("before");\nf();');
    expectCleanEnd(r);
    expect(r).toMatchObject({ timedOut: true, stdout: 'before\n' });
    expect(r.wall).toBeGreaterThanOrEqual(LIMIT_MS);
    await stillWorks();
    // The killed worker was replaced by a fresh one, and that one is warm now.
    const warm = await run('console.log(3)');
    expect(warm).toMatchObject({ ok: true, stdout: '3\n' });
    expect(warm.ms).toBeLessThan(500);
  });

  it('stops recursion through eval that catches its own stack overflow', { timeout: 60_000 }, async () => {
    const r = await timed('function e(n: number): number { try { return eval("e(n + 1)"); } catch { return eval("e(n + 1)"); } }\ne(0);');
    expectCleanEnd(r);
    expect(r.timedOut).toBe(true);
    await stillWorks();
  });

  it('ends JSON.stringify of a 100k-deep array and a 100k-deep object cleanly', { timeout: 60_000 }, async () => {
    for (const build of ['a = [a]', 'a = { a }']) {
      const r = await timed(`let a: any = [];\nfor (let i = 0; i < 100_000; i++) ${build};\nconsole.log(JSON.stringify(a).length);`);
      expectCleanEnd(r);
      await stillWorks();
    }
  });

  it('ends 100k-deep eval nesting as a stack overflow error', { timeout: 60_000 }, async () => {
    // Parsing the nesting takes ~0.2 s (longer on a busy machine) and ends in QuickJS's own error,
    // not at the limit: a limit the parse could outlast would make this a timeout instead.
    const r = await timed('const src = "(".repeat(100_000) + "1" + ")".repeat(100_000);\nconsole.log((0, eval)(src));', 10_000);
    expectCleanEnd(r);
    expect(r).toMatchObject({ exitCode: 1, timedOut: false });
    expect(r.stderr).toMatch(/stack overflow/);
    await stillWorks();
  });

  it('ends endless promise and microtask loops cleanly', { timeout: 60_000 }, async () => {
    for (const code of [
      'async function f(): Promise<void> { await null; return f(); }\nawait f();',
      'function loop(): void { Promise.resolve().then(loop); }\nloop();',
      'const loop = (): Promise<void> => Promise.resolve().then(loop);\nawait loop();',
      'export async function main() { for (;;) await null; }',
    ]) {
      const r = await timed(code);
      expectCleanEnd(r);
      await stillWorks();
    }
  });
});

describe('the time limit setting (ENGRAM_EXAMPLE_TIMEOUT_MS)', () => {
  it('is the 2 s default when unset or empty, else a whole number of ms from 100 to 60000', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(2000);
    expect(parseTimeoutSetting(undefined)).toBe(2000);
    expect(parseTimeoutSetting('')).toBe(2000);
    expect(parseTimeoutSetting('100')).toBe(100);
    expect(parseTimeoutSetting(' 5000 ')).toBe(5000);
    expect(parseTimeoutSetting('60000')).toBe(60_000);
  });

  it('refuses anything else with one line naming the variable and the range (a usage error)', () => {
    for (const bad of ['99', '60001', '0', '-5', '1.5', '2e3', '2s', 'abc', 'Infinity', '0x100']) {
      let error: unknown;
      try {
        parseTimeoutSetting(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        message: `ENGRAM_EXAMPLE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000: '${bad}'`,
        exitCode: 2,
      });
    }
  });

  it('the hard stop after the limit is 250 ms, a quarter of a shorter limit, at least 100 ms', () => {
    expect(hardStopGraceMs(2000)).toBe(HARD_STOP_GRACE_MS);
    expect(HARD_STOP_GRACE_MS).toBe(250);
    expect(hardStopGraceMs(60_000)).toBe(250);
    expect(hardStopGraceMs(600)).toBe(150);
    expect(hardStopGraceMs(300)).toBe(100);
    expect(hardStopGraceMs(100)).toBe(100);
  });
});

describe('trimIncompleteUtf8', () => {
  const cut = (text: string, bytes: number) => trimIncompleteUtf8(Buffer.from(text).subarray(0, bytes)).toString('utf8');

  it('drops a character cut in half and keeps complete ones', () => {
    expect(cut('a€', 4)).toBe('a€');
    expect(cut('a€', 3)).toBe('a');
    expect(cut('a€', 2)).toBe('a');
    expect(cut('a😀', 4)).toBe('a');
    expect(cut('a😀', 5)).toBe('a😀');
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('é', 1)).toBe('');
  });
});

/**
 * Escape attempts against the example sandbox, through `runExample` and through `engram run`.
 * Each attempt would succeed (and its test fail) if the example ran in plain Node: the file
 * would be read or written, the secret printed, the marker file created, the server reached,
 * the loop never stopped, the memory never capped, the output never cut.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, runExample, TIMEOUT_ENV, type RunOptions } from '../../src/examples/index.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'engram-sandbox-test-'));
const token = `${process.pid}-${Date.now()}`;
const SECRET_TEXT = `file-secret-${token}`;
const SECRET_FILE = path.join(scratch, 'secret.txt');
writeFileSync(SECRET_FILE, SECRET_TEXT);
const WRITE_TARGET = path.join(scratch, 'written.txt');
const SPAWN_MARKER = path.join(scratch, 'spawned.txt');
const ENV_NAME = 'ENGRAM_SANDBOX_TEST_SECRET';
const ENV_SECRET = `env-secret-${token}`;
const q = JSON.stringify;

let server: net.Server;
let port = 0;
let connections = 0;

/** Tries each way in; prints `name ALLOWED value` or `name denied why`. */
function attempts(list: Array<[string, string]>): string {
  const body = list.map(([name, expr]) => `  [${q(name)}, async () => ${expr}],`).join('\n');
  return `const g: any = globalThis;
const tries: Array<[string, () => Promise<unknown>]> = [
${body}
];
for (const [name, f] of tries) {
  try {
    console.log(name, 'ALLOWED', String(await f()));
  } catch (e: any) {
    console.log(name, 'denied', String(e?.message ?? e));
  }
}`;
}

const GOOD = {
  code: 'const xA = [1, 2], xB = [3, -1];\nconsole.log([...xA, 1].map((a) => [...xB, 1].map((b) => a * b)));',
  stdout: '[ [ 3, -1, 1 ], [ 6, -2, 2 ], [ 3, -1, 1 ] ]\n',
};

const ATTACKS = {
  readFile: attempts([
    ['require', `g.require('fs').readFileSync(${q(SECRET_FILE)}, 'utf8')`],
    ['import', `(await import('node:fs')).readFileSync(${q(SECRET_FILE)}, 'utf8')`],
    ['getBuiltinModule', `g.process.getBuiltinModule('fs').readFileSync(${q(SECRET_FILE)}, 'utf8')`],
    ['binding', `g.process.binding('fs')`],
    ['std', `g.std.loadFile(${q(SECRET_FILE)})`],
  ]),
  writeFile: attempts([
    ['require', `g.require('fs').writeFileSync(${q(WRITE_TARGET)}, 'pwned')`],
    ['import', `(await import('node:fs')).writeFileSync(${q(WRITE_TARGET)}, 'pwned')`],
    ['getBuiltinModule', `g.process.getBuiltinModule('fs').writeFileSync(${q(WRITE_TARGET)}, 'pwned')`],
    ['std', `g.std.open(${q(WRITE_TARGET)}, 'w').puts('pwned')`],
  ]),
  env: attempts([
    ['process.env', `JSON.stringify(g.process.env)`],
    ['import', `JSON.stringify((await import('node:process')).env)`],
    ['std', `g.std.getenv(${q(ENV_NAME)})`],
  ]),
  spawn: attempts([
    ['import', `(await import('node:child_process')).execSync(${q(`echo pwned > '${SPAWN_MARKER}'`)})`],
    ['getBuiltinModule', `g.process.getBuiltinModule('child_process').execSync(${q(`echo pwned > '${SPAWN_MARKER}'`)})`],
    ['os.exec', `g.os.exec(['sh', '-c', ${q(`echo pwned > '${SPAWN_MARKER}'`)}])`],
  ]),
  network: (p: number) => attempts([
    ['fetch', `await g.fetch('http://127.0.0.1:${p}/')`],
    ['net', `await new Promise((ok, fail) => g.process.getBuiltinModule('net').connect(${p}, '127.0.0.1').on('connect', ok).on('error', fail))`],
    ['import', `(await import('node:net')).connect(${p}, '127.0.0.1')`],
    ['XMLHttpRequest', `new g.XMLHttpRequest().open('GET', 'http://127.0.0.1:${p}/')`],
    ['WebSocket', `new g.WebSocket('ws://127.0.0.1:${p}/')`],
  ]),
  loop: 'console.log("spinning");\nwhile (true) {}',
  memory: 'const keep: number[][] = [];\nfor (;;) keep.push(new Array(100_000).fill(1.5));',
  memoryStrings: 'const keep: string[] = [];\nfor (;;) keep.push("x".repeat(1 << 20) + keep.length);',
  memoryBuffers: 'const keep: ArrayBuffer[] = [];\nfor (;;) keep.push(new ArrayBuffer(1 << 20));',
  print: 'console.log("x".repeat(10 * 1024 * 1024));',
  // Out of reach of QuickJS's interrupt handler or its own stack check: the host has to end these.
  recurse: 'function f(): void { try { f(); } catch { f(); } }\nconsole.log("before");\nf();',
  stringify: 'let a: any = [];\nfor (let i = 0; i < 100_000; i++) a = [a];\nconsole.log(JSON.stringify(a).length);',
  promiseLoop: 'const loop = (): Promise<void> => Promise.resolve().then(loop);\nawait loop();',
  syntax: 'const a = 1;\nconst b = ;',
};

/** Every attempt was denied, and nothing it could have read shows up. */
function expectAllDenied(stdout: string, count: number): void {
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(count);
  for (const line of lines) expect(line).toMatch(/^\S+ denied /);
  expect(stdout).not.toContain(SECRET_TEXT);
  expect(stdout).not.toContain(ENV_SECRET);
}

const runTs = (code: string, options?: RunOptions) => runExample({ lang: 'ts', code, line: 1 }, options);
/**
 * The time limit of attacks that only have to be stopped at the limit (the worker's interrupt
 * handler and hard stop work the same at any limit). No run waits for the 2 s default: the
 * default is parseTimeoutSetting(undefined), tested in run-example.test.ts, and `engram run`
 * reads the setting through the same call whether the variable is set (tested here) or not.
 */
const SHORT_LIMIT_MS = 150;
/** For attacks that must end by another limit (memory, output), never by time, even on a busy machine. */
const LONG_LIMIT_MS = 30_000;

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(scratch, { recursive: true, force: true });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('sandbox: runExample', () => {
  const stillHealthy = async () => expect(await runTs(GOOD.code)).toMatchObject({ ok: true, stdout: GOOD.stdout });

  it('cannot read files', async () => {
    const r = await runTs(ATTACKS.readFile);
    expectAllDenied(r.stdout, 5);
  });

  it('cannot write files', async () => {
    const r = await runTs(ATTACKS.writeFile);
    expectAllDenied(r.stdout, 4);
    expect(existsSync(WRITE_TARGET)).toBe(false);
  });

  it('cannot read the environment', async () => {
    process.env[ENV_NAME] = ENV_SECRET;
    try {
      const r = await runTs(ATTACKS.env);
      expectAllDenied(r.stdout, 3);
    } finally {
      delete process.env[ENV_NAME];
    }
  });

  it('cannot spawn a process', async () => {
    const r = await runTs(ATTACKS.spawn);
    expectAllDenied(r.stdout, 3);
    expect(existsSync(SPAWN_MARKER)).toBe(false);
  });

  it('cannot reach the network', async () => {
    const r = await runTs(ATTACKS.network(port));
    await settle();
    expectAllDenied(r.stdout, 5);
    expect(connections).toBe(0);
  });

  it('uses a 2 s limit by default', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(2000);
  });

  it('is stopped by the memory limit, long before the time limit, and the parent stays small', async () => {
    const rssBefore = process.memoryUsage().rss;
    for (const code of [ATTACKS.memory, ATTACKS.memoryStrings]) {
      // A long time limit: only the memory cap may end these (they take ~0.3–0.8 s, more on a busy machine).
      const r = await runTs(code, { timeoutMs: LONG_LIMIT_MS });
      expect(r).toMatchObject({ ok: false, exitCode: 1, timedOut: false, error: 'out of memory' });
      expect(r.stderr).toMatch(/out of memory/);
      expect(r.ms).toBeLessThan(LONG_LIMIT_MS / 3);
      await stillHealthy();
    }
    // The WASM heap is capped at 64 MB; without the sandbox this would grow to gigabytes.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });

  it('cuts 10 MB of output at 64 KB', async () => {
    const r = await runTs(ATTACKS.print, { timeoutMs: LONG_LIMIT_MS });
    expect(r).toMatchObject({ ok: false, truncated: true, timedOut: false });
    expect(r.stdout).toMatch(/^x{65536}\n\[output truncated: more than 65536 bytes\]\n$/);
  });

  // Runs last: no attack above left anything behind that breaks a later run.
  it('after every attack, the good example still runs the same', async () => {
    await stillHealthy();
  });
});

describe('sandbox: engram run', () => {
  let env: TempEnv;
  const ids: Record<string, number> = {};

  beforeAll(() => {
    env = tempEnv();
    const cards: Array<[string, string]> = [
      ['good', GOOD.code], ['readFile', ATTACKS.readFile], ['writeFile', ATTACKS.writeFile], ['env', ATTACKS.env],
      ['spawn', ATTACKS.spawn], ['network', ATTACKS.network(port)], ['loop', ATTACKS.loop],
      ['memory', ATTACKS.memoryBuffers], ['print', ATTACKS.print], ['recurse', ATTACKS.recurse],
      ['stringify', ATTACKS.stringify], ['promiseLoop', ATTACKS.promiseLoop], ['syntax', ATTACKS.syntax],
    ];
    const note = ['# Sandbox', '', ...cards.flatMap(([name, code]) => [`Card ${name}?`, '?', `Answer ${name}.`, '```ts example', code, '```', ''])];
    const file = env.write('notes/sandbox.md', note.join('\n'));
    // Set up through the in-process CLI, which the tests below start anyway: importing the
    // collection layer into this (isolated) file would cost more than the two commands.
    expect(env.run(['import', file])).toMatchObject({ code: 0, stderr: '' });
    for (const card of env.json<Array<{ id: number; front: string }>>(['cards'])) {
      const name = /^Card (\w+)\?$/.exec(card.front)?.[1];
      if (name) ids[name] = card.id;
    }
    expect(Object.keys(ids).sort()).toEqual(cards.map(([name]) => name).sort());
  });
  afterAll(() => env.cleanup());

  /** `limitMs` sets the time limit through ENGRAM_EXAMPLE_TIMEOUT_MS; without it the default applies. */
  const limitEnv = (limitMs: number | undefined) => ({ [TIMEOUT_ENV]: limitMs === undefined ? undefined : String(limitMs) });
  const runHuman = (name: string, limitMs?: number) => env.run(['run', String(ids[name])], { env: limitEnv(limitMs) });
  const runCard = (name: string, limitMs?: number, extraEnv: Record<string, string> = {}) => {
    const r = env.run(['run', String(ids[name]), '--json'], { env: { ...extraEnv, ...limitEnv(limitMs) } });
    return { code: r.code, stderr: r.stderr, result: JSON.parse(r.stdout) as Record<string, unknown> & { stdout: string } };
  };
  const stillHealthy = () => {
    expect(runHuman('good')).toMatchObject({ code: 0, stdout: GOOD.stdout, stderr: '' });
  };

  it('runs a good example: output, exit 0, and the exact JSON keys', () => {
    const r = runCard('good');
    expect(r.code).toBe(0);
    expect(Object.keys(r.result)).toEqual(['stdout', 'stderr', 'exitCode', 'timedOut', 'truncated', 'ms']);
    expect(r.result).toMatchObject({ stdout: GOOD.stdout, stderr: '', exitCode: 0, timedOut: false, truncated: false });
  });

  it('cannot read files', () => {
    expectAllDenied(runCard('readFile').result.stdout, 5);
  });

  it('cannot write files', () => {
    expectAllDenied(runCard('writeFile').result.stdout, 4);
    expect(existsSync(WRITE_TARGET)).toBe(false);
  });

  it('cannot read the environment', () => {
    const r = runCard('env', undefined, { [ENV_NAME]: ENV_SECRET });
    expectAllDenied(r.result.stdout, 3);
  });

  it('cannot spawn a process', () => {
    expectAllDenied(runCard('spawn').result.stdout, 3);
    expect(existsSync(SPAWN_MARKER)).toBe(false);
  });

  it('cannot reach the network', async () => {
    // `env.run` blocks this thread, but the kernel completes a TCP handshake to a listening socket
    // without it: a connection the example made would be in the backlog, accepted (and counted)
    // once this thread runs again, which settle() waits for.
    const r = runCard('network');
    await settle();
    expectAllDenied(r.result.stdout, 5);
    expect(connections).toBe(0);
  });

  it('stops an endless loop at the limit from ENGRAM_EXAMPLE_TIMEOUT_MS: exit 1, a status line', () => {
    const human = runHuman('loop', SHORT_LIMIT_MS);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('spinning\n');
    expect(human.stderr).toBe(`engram: example stopped: timed out after ${SHORT_LIMIT_MS} ms\n`);
  });

  it('stops unbounded allocation with out of memory', () => {
    // Typed arrays, which QuickJS's own heap limit does not count (the WASM memory cap stops
    // them; strings and plain arrays: in-process above). A long limit: only the cap may end it.
    const r = runCard('memory', LONG_LIMIT_MS);
    expect(r.code).toBe(1);
    expect(r.result).toMatchObject({ exitCode: 1, timedOut: false });
    expect(r.result['stderr']).toMatch(/out of memory/);
  });

  const timed = <T>(fn: () => T) => {
    const t = performance.now();
    const value = fn();
    return { value, wall: performance.now() - t };
  };
  /**
   * `engram run` of an attack at the short limit: how much longer it took than a good example
   * (so a loaded machine's slow start-up does not count; the good run also shows the sandbox
   * recovered from the attack before), and its result.
   */
  const runTimed = <T>(run: () => T) => {
    const base = timed(() => runCard('good'));
    expect(base.value.code).toBe(0);
    const { value, wall } = timed(run);
    return { ...value, wall: wall - base.wall };
  };
  // The limit, the grace before the worker is terminated, and a generous margin for a busy machine.
  const WALL_MS = SHORT_LIMIT_MS + 2500;
  const ENGINE_TEXT = /Aborted\(|RuntimeError|unreachable|Maximum call stack|sandbox failed/;

  it('stops an example that catches its own stack overflow at the limit, quietly', () => {
    const json = runTimed(() => runCard('recurse', SHORT_LIMIT_MS));
    expect(json.code).toBe(1);
    expect(json.result).toMatchObject({ timedOut: true, exitCode: null, stdout: 'before\n', stderr: '' });
    expect(json.stderr).toBe('');
    expect(json.wall).toBeLessThan(WALL_MS);
    const human = runTimed(() => runHuman('recurse', SHORT_LIMIT_MS));
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('before\n');
    expect(human.stderr).toBe(`engram: example stopped: timed out after ${SHORT_LIMIT_MS} ms\n`);
    expect(human.wall).toBeLessThan(WALL_MS);
  });

  it('ends a 100k-deep JSON.stringify and an endless promise loop cleanly; the engine never writes to the screen', () => {
    // The human run shows all there is: the example's output and stderr, then engram's status
    // line (which says whether it timed out, and the error the JSON leaves out).
    for (const name of ['stringify', 'promiseLoop']) {
      const human = runTimed(() => runHuman(name, SHORT_LIMIT_MS));
      expect(human.code).toBe(1);
      expect(human.wall).toBeLessThan(WALL_MS);
      expect(`${human.stdout}${human.stderr}`).not.toMatch(ENGINE_TEXT);
      // Stopped at the limit, or an error of the example's own (QuickJS's stack overflow, or its
      // out-of-memory when the promises fill the heap first): either is a clean end, one line from engram.
      expect(human.stderr).toMatch(new RegExp(
        `^(engram: example stopped: timed out after ${SHORT_LIMIT_MS} ms|` +
        '(InternalError: stack overflow[^\\n]*|Uncaught null \\(possibly out of memory\\))\\nengram: example failed[^\\n]*)\\n$',
      ));
    }
  });

  it('reports a syntax error as exit code 1 with the message, in JSON too', () => {
    const json = runCard('syntax');
    expect(json.code).toBe(1);
    expect(json.result).toMatchObject({ exitCode: 1, timedOut: false, stdout: '' });
    expect(json.result['stderr']).toMatch(/^SyntaxError: Unexpected ";"\n\s+at example\.ts:2:11\n$/);
    const human = runHuman('syntax');
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^SyntaxError: Unexpected ";"\n\s+at example\.ts:2:11\nengram: example failed: line \d+: Unexpected ";"\n$/);
  });

  it('cuts 10 MB of output at 64 KB and says so', () => {
    // A long limit: only the output cap may end it. The status line says truncated (not timed out).
    const human = runHuman('print', LONG_LIMIT_MS);
    expect(human.code).toBe(1);
    expect(human.stdout.length).toBeLessThan(66_000);
    expect(human.stdout).toMatch(/^x{65536}\n\[output truncated: more than 65536 bytes\]\n$/);
    expect(human.stderr).toBe('engram: example stopped: output exceeded 65536 bytes\n');
  });

  // Runs last: no attack above left anything behind that breaks a later run.
  it('after every attack, the good example still runs the same', () => {
    stillHealthy();
  });
});

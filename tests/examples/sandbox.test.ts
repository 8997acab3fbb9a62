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
import { runExample } from '../../src/examples/index.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { importNotes } from '../../src/collection/import-notes.js';

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

const runTs = (code: string) => runExample({ lang: 'ts', code, line: 1 });

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
    await stillHealthy();
  });

  it('cannot write files', async () => {
    const r = await runTs(ATTACKS.writeFile);
    expectAllDenied(r.stdout, 4);
    expect(existsSync(WRITE_TARGET)).toBe(false);
    await stillHealthy();
  });

  it('cannot read the environment', async () => {
    process.env[ENV_NAME] = ENV_SECRET;
    try {
      const r = await runTs(ATTACKS.env);
      expectAllDenied(r.stdout, 3);
    } finally {
      delete process.env[ENV_NAME];
    }
    await stillHealthy();
  });

  it('cannot spawn a process', async () => {
    const r = await runTs(ATTACKS.spawn);
    expectAllDenied(r.stdout, 3);
    expect(existsSync(SPAWN_MARKER)).toBe(false);
    await stillHealthy();
  });

  it('cannot reach the network', async () => {
    const r = await runTs(ATTACKS.network(port));
    await settle();
    expectAllDenied(r.stdout, 5);
    expect(connections).toBe(0);
    await stillHealthy();
  });

  it('is stopped by the time limit', async () => {
    const r = await runExample({ lang: 'ts', code: ATTACKS.loop, line: 1 }, { timeoutMs: 500 });
    expect(r).toMatchObject({ ok: false, timedOut: true, exitCode: null, stdout: 'spinning\n' });
    await stillHealthy();
  });

  it('is stopped by the memory limit, quickly, and the parent stays small', async () => {
    const rssBefore = process.memoryUsage().rss;
    for (const code of [ATTACKS.memory, ATTACKS.memoryStrings]) {
      const r = await runTs(code);
      expect(r).toMatchObject({ ok: false, exitCode: 1, timedOut: false, error: 'out of memory' });
      expect(r.stderr).toMatch(/out of memory/);
      expect(r.ms).toBeLessThan(5000);
      await stillHealthy();
    }
    // The WASM heap is capped at 64 MB; without the sandbox this would grow to gigabytes.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });

  it('cuts 10 MB of output at 64 KB', async () => {
    const r = await runTs(ATTACKS.print);
    expect(r).toMatchObject({ ok: false, truncated: true, timedOut: false });
    expect(r.stdout).toMatch(/^x{65536}\n\[output truncated: more than 65536 bytes\]\n$/);
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
      ['memory', ATTACKS.memoryStrings], ['print', ATTACKS.print], ['recurse', ATTACKS.recurse],
      ['stringify', ATTACKS.stringify], ['promiseLoop', ATTACKS.promiseLoop], ['syntax', ATTACKS.syntax],
    ];
    const note = ['# Sandbox', '', ...cards.flatMap(([name, code]) => [`Card ${name}?`, '?', `Answer ${name}.`, '```ts example', code, '```', ''])];
    const file = env.write('notes/sandbox.md', note.join('\n'));
    // Set up in-process: only `engram run` is under test here.
    withCollectionAt(env.db, Date.now(), (col) => {
      expect(importNotes(col, [file]).errors).toEqual([]);
      for (const card of col.cards({})) {
        const name = /^Card (\w+)\?$/.exec(card.front)?.[1];
        if (name) ids[name] = card.id;
      }
    });
    expect(Object.keys(ids).sort()).toEqual(cards.map(([name]) => name).sort());
  });
  afterAll(() => env.cleanup());

  const runCard = (name: string, extraEnv?: Record<string, string>) => {
    const r = env.run(['run', String(ids[name]), '--json'], extraEnv ? { env: extraEnv } : {});
    return { code: r.code, stderr: r.stderr, result: JSON.parse(r.stdout) as Record<string, unknown> & { stdout: string } };
  };
  const stillHealthy = () => {
    const r = env.run(['run', String(ids['good'])]);
    expect(r).toMatchObject({ code: 0, stdout: GOOD.stdout, stderr: '' });
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
    const r = runCard('env', { [ENV_NAME]: ENV_SECRET });
    expectAllDenied(r.result.stdout, 3);
  });

  it('cannot spawn a process', () => {
    expectAllDenied(runCard('spawn').result.stdout, 3);
    expect(existsSync(SPAWN_MARKER)).toBe(false);
  });

  it('cannot reach the network', async () => {
    // Async spawn: the test's server must be free to accept while the example runs.
    const r = await env.runAsync(['run', String(ids['network']), '--json']);
    await settle();
    expectAllDenied((JSON.parse(r.stdout) as { stdout: string }).stdout, 5);
    expect(connections).toBe(0);
  });

  it('stops an endless loop: exit 1, timedOut, a status line', () => {
    // timedOut and exitCode null in the result: the in-process time-limit test above.
    const human = env.run(['run', String(ids['loop'])]);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('spinning\n');
    expect(human.stderr).toBe('engram: example stopped: timed out after 2000 ms\n');
  });

  it('stops unbounded allocation with out of memory', () => {
    const r = runCard('memory');
    expect(r.code).toBe(1);
    expect(r.result).toMatchObject({ exitCode: 1, timedOut: false });
    expect(r.result['stderr']).toMatch(/out of memory/);
  });

  const timedRun = (name: string) => {
    const t = performance.now();
    const json = runCard(name);
    return { json, wall: performance.now() - t };
  };
  /**
   * `engram run` both ways: the JSON result, how much longer it took than a good example (so a
   * loaded machine's slow start-up does not count), and the human run's exit code and stderr.
   */
  const runTimed = (name: string) => {
    const base = timedRun('good').wall;
    const { json, wall } = timedRun(name);
    const human = env.run(['run', String(ids[name])]);
    return { json, wall: wall - base, human };
  };
  // The 2 s limit, the grace before the worker is terminated, and a fresh worker's start.
  const WALL_MS = 4500;
  const ENGINE_TEXT = /Aborted\(|RuntimeError|unreachable|Maximum call stack|sandbox failed/;

  it('stops an example that catches its own stack overflow at the limit, quietly', { timeout: 60_000 }, () => {
    const { json, wall, human } = runTimed('recurse');
    expect(json.code).toBe(1);
    expect(json.result).toMatchObject({ timedOut: true, exitCode: null, stdout: 'before\n' });
    expect(json.stderr).toBe('');
    expect(wall).toBeLessThan(WALL_MS);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('before\n');
    expect(human.stderr).toBe('engram: example stopped: timed out after 2000 ms\n');
    stillHealthy();
  });

  it('ends a 100k-deep JSON.stringify and an endless promise loop cleanly; the engine never writes to the screen', { timeout: 60_000 }, () => {
    for (const name of ['stringify', 'promiseLoop']) {
      const { json, wall, human } = runTimed(name);
      expect(json.code).toBe(1);
      expect(json.stderr).toBe('');
      const result = json.result as unknown as { timedOut: boolean; exitCode: number | null; stderr: string };
      expect(result.timedOut ? result.exitCode === null : result.exitCode === 1 && result.stderr !== '').toBe(true);
      expect(JSON.stringify(result)).not.toMatch(ENGINE_TEXT);
      expect(wall).toBeLessThan(WALL_MS);
      expect(human.code).toBe(1);
      expect(human.stderr).not.toMatch(ENGINE_TEXT);
      // The promise loop may end by the time limit or, when its promises fill the heap first, as
      // QuickJS's own out-of-memory error: either is a clean end, one line from engram.
      expect(human.stderr).toMatch(/^(InternalError: stack overflow[^\n]*\n|Uncaught null \(possibly out of memory\)\n)?engram: example (stopped|failed)[^\n]*\n$/);
    }
    stillHealthy();
  });

  it('reports a syntax error as exit code 1 with the message, in JSON too', () => {
    const { json, human } = runTimed('syntax');
    expect(json.code).toBe(1);
    expect(json.result).toMatchObject({ exitCode: 1, timedOut: false, stdout: '' });
    expect(json.result['stderr']).toMatch(/^SyntaxError: Unexpected ";"\n\s+at example\.ts:2:11\n$/);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^SyntaxError: Unexpected ";"\n\s+at example\.ts:2:11\nengram: example failed: line \d+: Unexpected ";"\n$/);
  });

  it('cuts 10 MB of output at 64 KB and says so', () => {
    const r = runCard('print');
    expect(r.code).toBe(1);
    expect(r.result).toMatchObject({ truncated: true, timedOut: false });
    expect(r.result.stdout.length).toBeLessThan(66_000);
    const human = env.run(['run', String(ids['print'])]);
    expect(human.stderr).toBe('engram: example stopped: output exceeded 65536 bytes\n');
  });

  // Runs last: no attack above left anything behind that breaks a later run.
  it('after every attack, the good example still runs the same', () => {
    stillHealthy();
  });
});

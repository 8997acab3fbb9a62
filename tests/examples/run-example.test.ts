import { existsSync, readFileSync, realpathSync, writeFileSync, chmodSync, rmSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExample, SANDBOX_PREFIX, type RunOptions } from '../../src/examples/index.js';
import { spawnSync } from 'node:child_process';
import { trimIncompleteUtf8, withCpuLimit } from '../../src/examples/run-example.js';
import type { ExampleSpec } from '../../src/core/index.js';

const ts = (code: string, line = 10): ExampleSpec => ({ lang: 'ts', code, line });
const run = (code: string, options?: RunOptions) => runExample(ts(code), options);

/** Runs `body` in the example and prints the error code it throws (or ALLOWED). */
function probe(body: string): string {
  return `
try {
  ${body}
  console.log('ALLOWED');
} catch (e) {
  console.log(e.code ?? e.message);
}`;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'engram-examples-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('runExample: running', () => {
  it('captures stdout exactly', async () => {
    const r = await run('console.log("hello");\nprocess.stdout.write("no newline ✓ 日本");');
    expect(r).toMatchObject({ ok: true, exitCode: 0, stdout: 'hello\nno newline ✓ 日本', stderr: '', timedOut: false, truncated: false });
    expect(r.error).toBeUndefined();
    expect(r.ms).toBeGreaterThan(0);
  });

  it('runs TypeScript with type annotations, generics and top-level await', async () => {
    const r = await run(`
interface Point { x: number; y: number }
type Pair<T> = [T, T];
function add<T extends Point>(a: T, b: T): Point { return { x: a.x + b.x, y: a.y + b.y }; }
const pair: Pair<Point> = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
await new Promise<void>((resolve) => setTimeout(resolve, 10));
console.log(JSON.stringify(add(...pair)) as string);
`);
    expect(r.stdout).toBe('{"x":4,"y":6}\n');
    expect(r.ok).toBe(true);
  });

  it('runs plain JavaScript', async () => {
    const r = await runExample({ lang: 'js', code: 'console.log([1, 2, 3].map((n) => n * 2).join(","))', line: 1 });
    expect(r).toMatchObject({ ok: true, stdout: '2,4,6\n' });
  });

  it('reports a thrown error: not ok, non-zero exit, message on stderr with the TS line', async () => {
    const r = await run('interface A { x: number }\n\nconst a: A = { x: 1 };\nthrow new Error("boom " + a.x);\n');
    expect(r.ok).toBe(false);
    expect(r.exitCode).not.toBe(0);
    expect(r.exitCode).not.toBeNull();
    expect(r.stderr).toContain('Error: boom 1');
    // Source maps: the stack names line 4 of the example's code, not of the transpiled JS.
    expect(r.stderr).toMatch(/example\.ts:4:\d+/);
    expect(r.timedOut).toBe(false);
  });

  it('reports a syntax error as one line with the line number in the note', async () => {
    const r = await runExample(ts('const a = 1;\nconst b = ;\n', 20));
    expect(r.ok).toBe(false);
    expect(r.exitCode).toBeNull();
    expect(r.error).toMatch(/^line 22: \S/);
    expect(r.error).not.toContain('\n');
  });

  it('kills an infinite loop at the timeout', async () => {
    const r = await run('while (true) {}', { timeoutMs: 500 });
    expect(r).toMatchObject({ ok: false, timedOut: true, truncated: false, exitCode: null });
    expect(r.error).toBe('timed out after 500 ms');
    expect(r.ms).toBeGreaterThanOrEqual(500);
    expect(r.ms).toBeLessThan(3000);
  });

  it('removes the sandbox directory after a timeout', async () => {
    // Generous timeout: the child must get as far as printing its cwd before it is killed.
    const r = await run('console.log(process.cwd());\nwhile (true) {}', { timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    const dir = r.stdout.trim();
    expect(path.basename(dir).startsWith(SANDBOX_PREFIX)).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it('truncates huge output, kills the process, and keeps exactly the cap', async () => {
    // Writes past the cap, then spins: only the kill on truncation stops it before the timeout.
    const r = await run('process.stdout.write("x".repeat(100000));\nwhile (true) {}', { maxOutputBytes: 4096, timeoutMs: 4000 });
    expect(r).toMatchObject({ ok: false, truncated: true, timedOut: false, exitCode: null });
    expect(r.stdout).toBe('x'.repeat(4096));
    expect(r.error).toMatch(/output exceeded 4096 bytes/);
  });

  it('caps stderr too and never cuts a UTF-8 character in half', async () => {
    const r = await run('process.stderr.write("€".repeat(100000));', { maxOutputBytes: 1000 });
    expect(r.truncated).toBe(true);
    expect(r.stderr).toBe('€'.repeat(333)); // 333 * 3 = 999 bytes; the 334th would not fit
  });

  it('does not flag output that fits the cap', async () => {
    const r = await run('process.stdout.write("y".repeat(1000));', { maxOutputBytes: 1000 });
    expect(r).toMatchObject({ ok: true, truncated: false, stdout: 'y'.repeat(1000) });
  });

  it('bounds the JS heap', async () => {
    const r = await run('const keep: number[][] = [];\nwhile (true) keep.push(new Array(1_000_000).fill(1.5));', { maxOutputBytes: 4096 });
    expect(r.ok).toBe(false);
    expect(r.timedOut).toBe(false);
  });

  it('can be cancelled with an AbortSignal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const r = await run('while (true) {}', { signal: controller.signal });
    expect(r).toMatchObject({ ok: false, timedOut: false, error: 'cancelled' });
    expect(r.ms).toBeLessThan(3000);
  });

  it('reports a Node binary that cannot be started', async () => {
    const r = await run('console.log(1)', { nodePath: path.join(scratch, 'no-such-node') });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^could not start /);
  });
});

// Independent runs with no timing assertions: run them side by side to keep the suite quick.
describe.concurrent('runExample: sandbox', () => {
  it('denies reading files outside the sandbox', async () => {
    const secret = path.join(scratch, 'secret.txt');
    writeFileSync(secret, 'top secret');
    const r = await run(`
import { readFileSync } from 'node:fs';
for (const file of ['/etc/passwd', ${JSON.stringify(secret)}]) {
  try { console.log(readFileSync(file, 'utf8')); } catch (e: any) { console.log(e.code); }
}`);
    expect(r.stdout).toBe('ERR_ACCESS_DENIED\nERR_ACCESS_DENIED\n');
  });

  it('denies writing files, outside and inside the sandbox', async () => {
    const target = path.join(os.tmpdir(), `engram-write-test-${process.pid}-${Date.now()}.txt`);
    const r = await run(`
import { writeFileSync } from 'node:fs';
${probe(`writeFileSync(${JSON.stringify(target)}, 'pwned');`)}
${probe(`writeFileSync('inside.txt', 'pwned');`)}`);
    expect(r.stdout).toBe('ERR_ACCESS_DENIED\nERR_ACCESS_DENIED\n');
    expect(existsSync(target)).toBe(false);
  });

  it('denies child processes, worker threads and signalling other processes', async () => {
    const r = await run(`
import { execFileSync, spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
${probe(`spawnSync(process.execPath, ['-e', '1']);`)}
${probe(`execFileSync('/bin/sh', ['-c', 'echo pwned']);`)}
${probe(`new Worker('1', { eval: true });`)}
${probe('process.kill(process.ppid, 0);')}`);
    expect(r.stdout).toBe('ERR_ACCESS_DENIED\n'.repeat(4));
  });

  describe('network (best effort)', () => {
    let server: net.Server;
    let port = 0;
    let connections = 0;
    beforeAll(async () => {
      server = net.createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('denies fetch, net, http and DNS, and nothing reaches a local server', async () => {
      const r = await run(`
import net from 'node:net';
import http from 'node:http';
import { lookup } from 'node:dns/promises';
const url = 'http://127.0.0.1:${port}/';
const attempt = async (f: () => unknown) => {
  try {
    await f();
    console.log('ALLOWED');
  } catch (e: any) {
    console.log(e.code ?? e.message);
  }
};
await attempt(() => fetch(url));
await attempt(() => new Promise((resolve, reject) => net.connect(${port}, '127.0.0.1').on('connect', resolve).on('error', reject)));
await attempt(() => new Promise((resolve, reject) => http.get(url, resolve).on('error', reject)));
await attempt(() => lookup('localhost'));
await attempt(() => new Promise((resolve, reject) => net.createServer().listen(0).on('listening', resolve).on('error', reject)));
`);
      expect(r.stdout).toBe('ERR_ACCESS_DENIED\n'.repeat(5));
      expect(connections).toBe(0);
    });
  });

  it('gives an empty environment and a fresh directory under the temp dir, removed afterwards', async () => {
    process.env.ENGRAM_TEST_SECRET = 'hunter2';
    let r;
    try {
      r = await run(`
import { readdirSync } from 'node:fs';
console.log(JSON.stringify(process.env));
console.log(String(process.env.HOME));
console.log(process.cwd());
console.log(readdirSync('.').sort().join(','));`);
    } finally {
      delete process.env.ENGRAM_TEST_SECRET;
    }
    const [env, home, dir = '', listing] = r.stdout.split('\n');
    expect(env).toBe('{}');
    expect(home).toBe('undefined');
    expect(r.stdout).not.toContain('hunter2');
    expect(path.dirname(dir)).toBe(realpathSync(os.tmpdir()));
    expect(path.basename(dir).startsWith(SANDBOX_PREFIX)).toBe(true);
    expect(listing).toBe('example.mjs,preamble.mjs');
    expect(existsSync(dir)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('refuses to run when the permission model is not active', async () => {
    // A "node" that drops the first two arguments (the permission flags) and runs the rest.
    const fakeNode = path.join(scratch, 'node-without-permissions');
    writeFileSync(fakeNode, `#!/bin/sh\nshift 2\nexec ${JSON.stringify(process.execPath)} "$@"\n`);
    chmodSync(fakeNode, 0o755);
    const r = await run('console.log("ran unsandboxed")', { nodePath: fakeNode });
    expect(r.ok).toBe(false);
    expect(r.stdout).toBe('');
    expect(r.error).toBe('the sandbox could not be set up');
  });

  it('loads esbuild lazily (no static import)', () => {
    const source = readFileSync(fileURLToPath(new URL('../../src/examples/run-example.ts', import.meta.url)), 'utf8');
    expect(source).not.toMatch(/^import[^;]*from\s+['"]esbuild['"]/m);
    expect(source).toContain("await import('esbuild')");
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

describe.skipIf(process.platform === 'win32')('withCpuLimit', () => {
  it('passes arguments through the shell unchanged', () => {
    const args = ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', 'a b', '$(echo pwned)', '"q" \'r\'', '*'];
    const [command, commandArgs] = withCpuLimit(process.execPath, args, 5);
    const r = spawnSync(command, commandArgs, { env: {}, encoding: 'utf8' });
    expect(r.stdout).toBe(JSON.stringify(['a b', '$(echo pwned)', '"q" \'r\'', '*']) + '\n');
  });

  it('lets the kernel kill a busy loop nobody else kills', () => {
    const [command, commandArgs] = withCpuLimit(process.execPath, ['-e', 'while (true) {}'], 1);
    const r = spawnSync(command, commandArgs, { env: {}, timeout: 8000 });
    expect(r.error).toBeUndefined(); // not ended by spawnSync's own timeout
    expect(['SIGKILL', 'SIGXCPU']).toContain(r.signal);
  });
});

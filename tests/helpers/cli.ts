/**
 * Runs the built CLI on a temporary database. `run` calls the bundle's main() in a worker thread
 * (dist/cli-main.js: the code dist/engram.js runs, without Node's start-up per command), with the
 * run's environment variables set in that worker; a run with its own TZ, `subprocess: true`, or
 * ENGRAM_TEST_SUBPROCESS=1 spawns dist/engram.js instead, as `runAsync` always does.
 * The worker thread is used only with ENGRAM_TEST_IN_PROCESS=1 (see inProcessMode).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'engram.js');
const CLI_MAIN = path.join(ROOT, 'dist', 'cli-main.js');
const CLI_WORKER = fileURLToPath(new URL('./cli-worker.mjs', import.meta.url));

let inProcess: { worker: Worker; port: MessagePort } | null = null;

/** One worker per test worker, started on first use; unref'd so it never keeps vitest alive. */
function cliWorker(): { worker: Worker; port: MessagePort } {
  if (inProcess) return inProcess;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(CLI_WORKER, {
    workerData: { cliMain: pathToFileURL(CLI_MAIN).href, port: port2 },
    transferList: [port2],
    env: { ...process.env, TZ: 'UTC' },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    inProcess = null;
  });
  inProcess = { worker, port: port1 };
  return inProcess;
}

function runInProcess(args: string[], env: Record<string, string>, cwd: string): RunResult {
  const { port } = cliWorker();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  port.postMessage({ args, env, cwd, flag });
  if (Atomics.wait(flag, 0, 0, 60_000) === 'timed-out') {
    inProcess?.worker.terminate();
    inProcess = null;
    throw new Error(`engram ${args.join(' ')}: no answer from the in-process CLI within 60 s`);
  }
  const reply = receiveMessageOnPort(port);
  if (!reply) throw new Error(`engram ${args.join(' ')}: the in-process CLI posted no result`);
  return reply.message as RunResult;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TempEnv {
  dir: string;
  db: string;
  /** `env` adds variables to this process's environment for the command; `undefined` removes one. */
  run(args: string[], options?: { now?: string; env?: Record<string, string | undefined>; cwd?: string; subprocess?: boolean }): RunResult;
  runAsync(args: string[], options?: { now?: string }): Promise<RunResult>;
  json<T = any>(args: string[], options?: { now?: string }): T;
  write(rel: string, text: string | Buffer): string;
  cleanup(): void;
}

/**
 * Whether `run` calls main() in the worker thread: only with ENGRAM_TEST_IN_PROCESS=1. The
 * worker thread loads better-sqlite3 a second time in the test process, and a test process
 * that also uses it on its own thread crashed natively now and then (a segfault in libgcc_s,
 * 1 run in 5–7 of the full suite on 2026-12-02; cause not found). Spawning is slower (the
 * suite takes about three times as long) but has never crashed.
 */
function inProcessMode(): boolean {
  return process.env['ENGRAM_TEST_IN_PROCESS'] === '1' && !process.env['ENGRAM_TEST_SUBPROCESS'];
}

export function tempEnv(): TempEnv {
  // The CLI's worker thread is started and has run a command before the test opens a database
  // itself. Started later, it crashed the test process natively (a segfault in libgcc_s) in
  // tests/interop/export-roundtrip.test.ts run alone; cause not found, this order avoids it.
  if (!inProcess && inProcessMode()) runInProcess(['--version'], { ...process.env as Record<string, string>, TZ: 'UTC' }, os.tmpdir());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-test-'));
  const db = path.join(dir, 'engram.db');
  const baseEnv = (now?: string, extra: Record<string, string | undefined> = {}) => {
    const env: Record<string, string> = { ...process.env as Record<string, string>, ENGRAM_DB: db, TZ: 'UTC', NO_COLOR: '1' };
    for (const [key, value] of Object.entries(extra)) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    delete env['ENGRAM_NOW'];
    if (now) env['ENGRAM_NOW'] = now;
    return env;
  };
  const env: TempEnv = {
    dir,
    db,
    run(args, options = {}) {
      if (!options.subprocess && !options.env?.['TZ'] && inProcessMode()) {
        return runInProcess(args, baseEnv(options.now, options.env), options.cwd ?? dir);
      }
      const r = spawnSync(process.execPath, [CLI, ...args], {
        env: baseEnv(options.now, options.env), cwd: options.cwd ?? dir, encoding: 'utf8',
      });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    runAsync(args, options = {}) {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { env: baseEnv(options.now), cwd: dir });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    },
    json(args, options) {
      const r = env.run([...args, '--json'], options);
      if (r.code !== 0) throw new Error(`engram ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    write(rel, text) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}

const CLI_BATCH = fileURLToPath(new URL('./cli-batch.mjs', import.meta.url));

/**
 * Runs the commands one after another in ONE new process (dist/cli-main.js's main(), as in the
 * in-process worker), optionally started through `wrap` (e.g. setpriv, to run as another user).
 * For tests that need a separate process but not Node's start-up per command.
 */
export function runBatch(commands: Array<{ args: string[]; env: Record<string, string>; cwd: string }>, wrap: string[] = []): RunResult[] {
  const argv = [...wrap, process.execPath, CLI_BATCH, pathToFileURL(CLI_MAIN).href];
  const r = spawnSync(argv[0]!, argv.slice(1), { input: JSON.stringify(commands), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`cli-batch exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as RunResult[];
}

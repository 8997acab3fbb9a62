/**
 * Runs the built CLI on a temporary database. `run` hands the command to a long-lived engram
 * process (tests/helpers/cli-server.mjs: dist/cli-main.js's main(), the code dist/engram.js runs,
 * without Node's start-up per command), one per test worker, with the run's environment and working
 * folder. A run with its own TZ, `subprocess: true`, or ENGRAM_TEST_SUBPROCESS=1 spawns
 * dist/engram.js instead, as `runAsync` always does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'engram.js');
const CLI_MAIN = path.join(ROOT, 'dist', 'cli-main.js');
const CLI_SERVER = fileURLToPath(new URL('./cli-server.mjs', import.meta.url));

/**
 * The command server talks over two FIFOs, read and written with synchronous calls so `run` stays
 * synchronous. The test process polls the reply FIFO (opened non-blocking), so a server that died
 * is seen as the end of the stream and a stuck one as a timeout, never as a hung test process.
 */
interface CommandServer {
  child: ChildProcess;
  folder: string;
  requests: number;
  replies: number;
}

let server: CommandServer | null = null;
const COMMAND_TIMEOUT_MS = 60_000;
const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

function serverLog(folder: string): string {
  try {
    return fs.readFileSync(path.join(folder, 'server.log'), 'utf8').trim();
  } catch {
    return '';
  }
}

/** The server died (rather than hung or broke the protocol): the one case a command is retried. */
class ServerDied extends Error {}

/**
 * A process's /proc/PID/stat fields after its name (fields[0] is field 3 of proc(5), the state),
 * or null when the process is gone.
 */
export function procStatFields(pid: number | 'self'): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** How a dead server's process ended, from /proc (its zombie's exit_code field), if it can be told. */
function exitStatusOf(pid: number | undefined): string {
  if (!pid) return 'unknown';
  for (let i = 0; i < 100; i++) {
    const fields = procStatFields(pid);
    if (!fields) return 'unknown (already reaped)';
    if (fields[0] === 'Z' || fields[0] === 'X') {
      const status = Number(fields[49]);
      return status & 0x7f ? `signal ${status & 0x7f}${status & 0x80 ? ' (core dumped)' : ''}` : `exit code ${status >> 8}`;
    }
    sleep(10);
  }
  return 'still running';
}

function stopServer(reason: string, died = false): never {
  const stopped = server;
  server = null;
  const status = died ? exitStatusOf(stopped?.child.pid) : '';
  if (stopped) {
    stopped.child.kill('SIGKILL');
    if (stopped.requests >= 0) fs.closeSync(stopped.requests);
    fs.closeSync(stopped.replies);
  }
  const log = stopped ? serverLog(stopped.folder) : '';
  const message = `engram command server: ${reason}${status ? ` (${status})` : ''}${log ? `\n${log}` : ''}`;
  throw died ? new ServerDied(message) : new Error(message);
}

/** One read buffer for every reply (reads copy out of it): a fresh 64 KB per command cost 0.4 s a run. */
const buffer = Buffer.allocUnsafe(1 << 16);

/**
 * Reads one frame (4-byte length, JSON), polling; gives up after `timeoutMs`. At start-up the reply
 * FIFO reads as ended until the server has opened its end, so there the end means "not yet".
 */
function readReply(replies: number, timeoutMs: number, what: string, startUp = false): unknown {
  const deadline = Date.now() + timeoutMs;
  const chunks: Buffer[] = [];
  let have = 0;
  let need = 4;
  let bodyLength = -1;
  let idle = 0;
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(replies, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      startUp = false;
      if (Date.now() > deadline) stopServer(`no answer to ${what} within ${timeoutMs / 1000} s`);
      // Short naps while a command is young, longer ones for slow commands: a fast command's answer
      // is picked up within a fraction of a millisecond without spinning through a long one.
      sleep(idle++ < 50 ? 0.1 : 1);
      continue;
    }
    if (n === 0) {
      if (!startUp) stopServer(`it exited during ${what}`, true);
      if (Date.now() > deadline) stopServer(`it did not start within ${timeoutMs / 1000} s`);
      sleep(2);
      continue;
    }
    startUp = false;
    idle = 0;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
    have += n;
    if (bodyLength < 0 && have >= 4) {
      bodyLength = Buffer.concat(chunks).readUInt32BE(0);
      need = 4 + bodyLength;
    }
    if (bodyLength >= 0 && have >= need) {
      const all = Buffer.concat(chunks);
      if (have > need) stopServer(`it sent more than one reply to ${what}`);
      return JSON.parse(all.subarray(4).toString('utf8'));
    }
  }
}

function writeRequest(requests: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const frame = Buffer.alloc(4 + body.length);
  frame.writeUInt32BE(body.length);
  body.copy(frame, 4);
  for (let at = 0; at < frame.length; ) {
    try {
      at += fs.writeSync(requests, frame, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') stopServer(`could not send a request: ${(error as Error).message}`, (error as NodeJS.ErrnoException).code === 'EPIPE');
      sleep(0.2);
    }
  }
}

/** One server per test worker, started on first use; unref'd, and it exits when this process does. */
function commandServer(): CommandServer {
  if (server) return server;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-cli-server-'));
  const requestPath = path.join(folder, 'requests');
  const replyPath = path.join(folder, 'replies');
  const made = spawnSync('mkfifo', [requestPath, replyPath], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr || made.error?.message}`);
  const { O_RDONLY, O_WRONLY, O_NONBLOCK } = fs.constants;
  const replies = fs.openSync(replyPath, O_RDONLY | O_NONBLOCK);
  const log = fs.openSync(path.join(folder, 'server.log'), 'w');
  const child = spawn(process.execPath, [CLI_SERVER, pathToFileURL(CLI_MAIN).href, requestPath, replyPath], {
    stdio: ['ignore', log, log],
    env: { ...process.env, TZ: 'UTC' },
    cwd: folder,
  });
  fs.closeSync(log);
  child.unref();
  server = { child, folder, requests: -1, replies };
  if (readReply(replies, 30_000, 'start-up', true) !== 'ready') stopServer('its first reply was not "ready"');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      server.requests = fs.openSync(requestPath, O_WRONLY | O_NONBLOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > deadline) {
        stopServer(`could not open its request FIFO: ${(error as Error).message}`);
      }
      sleep(1);
    }
  }
  return server;
}

/** The command server's process id, once started (for the runner's own tests). */
export function commandServerPid(): number | undefined {
  return server?.child.pid;
}

let restarts = 0;

/** How many times a command was run again on a new server because the old one had died. */
export function commandServerRestarts(): number {
  return restarts;
}

/**
 * A server that dies (a process gone, not a command's failure: those are replies) fails no
 * test by itself: the command runs once more on a new server, and the death is reported on
 * stderr. A command that kills its server every time still fails, the second time.
 */
function runInServer(args: string[], env: Record<string, string>, cwd: string): RunResult {
  const what = `engram ${args.join(' ')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const { requests, replies } = commandServer();
      writeRequest(requests, { args, env, cwd });
      return readReply(replies, COMMAND_TIMEOUT_MS, what) as RunResult;
    } catch (error) {
      if (!(error instanceof ServerDied) || attempt > 1) throw error;
      restarts++;
      process.stderr.write(`${(error as Error).message}\n(running ${what} again on a new server)\n`);
    }
  }
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

/** ENGRAM_TEST_SUBPROCESS=1 spawns every command, as before the server existed. */
function serverMode(): boolean {
  return !process.env['ENGRAM_TEST_SUBPROCESS'];
}

export function tempEnv(): TempEnv {
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
      if (!options.subprocess && !options.env?.['TZ'] && serverMode()) {
        return runInServer(args, baseEnv(options.now, options.env), options.cwd ?? dir);
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
 * command server), optionally started through `wrap` (e.g. setpriv, to run as another user).
 * For tests that need a separate process but not Node's start-up per command.
 */
export function runBatch(commands: Array<{ args: string[]; env: Record<string, string>; cwd: string }>, wrap: string[] = []): RunResult[] {
  const argv = [...wrap, process.execPath, CLI_BATCH, pathToFileURL(CLI_MAIN).href];
  const r = spawnSync(argv[0]!, argv.slice(1), { input: JSON.stringify(commands), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`cli-batch exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as RunResult[];
}

/**
 * Runs a card's example in a child Node.js process and returns what happened as plain data.
 * This is the one module of Engram that spawns processes.
 *
 * ISOLATION FOR CONVENIENCE, NOT A SECURITY BOUNDARY. The examples are the user's own notes;
 * the sandbox exists so that a careless example cannot damage files, start programs, hang
 * the app or flood the screen. It does not stop a determined attacker:
 *
 * - Denied by Node's (experimental) permission model: reading anything outside the fresh
 *   temporary directory that holds the example, any file-system write, child processes,
 *   worker threads, native addons, WASI, the inspector, `process.binding`.
 *   The permission model itself is experimental in Node 20 and has had bypass bugs.
 * - Network: NOT covered by the permission model in Node 20. A preamble module (preamble.ts)
 *   replaces `fetch`/`WebSocket` and the JS entry points of `net`, `dgram` and `dns` with
 *   functions that throw. That is monkey-patching, best effort only.
 * - `process.kill` is replaced the same way (best effort) so an example cannot signal the app.
 * - Bounded: wall time (SIGKILL on timeout), V8 heap (`--max-old-space-size=64`; memory held
 *   outside the JS heap, such as large Buffers, is NOT capped), and captured output
 *   (the process is killed once a stream exceeds the cap). On POSIX a CPU-time rlimit is a
 *   backstop in case this process dies without killing the example; an example that sleeps
 *   (timers) would survive such a death.
 * - Environment: the child gets an empty environment (no inherited secrets), cwd = the temp
 *   directory, stdin ignored. The temp directory is removed afterwards in every case.
 *
 * Examples run as ES modules (`.mjs`); they can import Node built-ins but no npm packages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExampleSpec } from '../core/index.js';
import { PREAMBLE_EXIT_CODE, PREAMBLE_SOURCE } from './preamble.js';

export interface RunResult {
  /** True when the example exited with code 0, in time, within the output cap. */
  ok: boolean;
  /** Exit code, or null when the process was killed by a signal or never started. */
  exitCode: number | null;
  /** Captured output, raw UTF-8 (not sanitised: the renderer does that). */
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** A stream exceeded `maxOutputBytes`; the process was killed and output cut there. */
  truncated: boolean;
  /** Wall time of the whole run, transpiling included. */
  ms: number;
  /** One line saying why the run failed, when there is more to say than the exit code. */
  error?: string;
}

export interface RunOptions {
  /** Wall-clock limit for the child process; default 5000. */
  timeoutMs?: number;
  /** Cap on each of stdout and stderr, in bytes; default 64 KiB. */
  maxOutputBytes?: number;
  /** Node binary to run the example with; default `process.execPath`. */
  nodePath?: string;
  /** Aborting kills the example (e.g. the user left the card); the result says `error: 'cancelled'`. */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;
/** Heap limit of the example process, in MiB. */
export const EXAMPLE_HEAP_MB = 64;
/** Prefix of the temporary directories examples run in (under `os.tmpdir()`). */
export const SANDBOX_PREFIX = 'engram-example-';

/** How long to wait for the pipes to close after the process has exited or been killed. */
const CLOSE_GRACE_MS = 500;

export async function runExample(spec: ExampleSpec, options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const failed = (error: string): RunResult => ({
    ok: false, exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, ms: elapsed(), error,
  });

  if (options.signal?.aborted) return failed('cancelled');

  const js = await transpile(spec);
  if ('error' in js) return failed(js.error);

  // Checked up front: through /bin/sh, a missing binary would look like the example exiting 127.
  const nodePath = options.nodePath ?? process.execPath;
  try {
    await access(nodePath, fsConstants.X_OK);
  } catch (e) {
    return failed(`could not start ${nodePath}: ${oneLine(errorMessage(e))}`);
  }

  let dir: string;
  try {
    dir = await realpath(await mkdtemp(path.join(os.tmpdir(), SANDBOX_PREFIX)));
  } catch (e) {
    return failed(`could not create a sandbox directory: ${oneLine(errorMessage(e))}`);
  }
  try {
    const preamble = path.join(dir, 'preamble.mjs');
    const entry = path.join(dir, 'example.mjs');
    await writeFile(preamble, PREAMBLE_SOURCE, 'utf8');
    await writeFile(entry, js.code, 'utf8');
    const outcome = await runChild(childArgs(dir, preamble, entry), dir, options);
    return { ...outcome, ms: elapsed() };
  } catch (e) {
    return failed(oneLine(errorMessage(e)));
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Transpiling

async function transpile(spec: ExampleSpec): Promise<{ code: string } | { error: string }> {
  // Loaded lazily: importing this module must cost nothing at startup.
  const { transform } = await import('esbuild');
  try {
    const result = await transform(spec.code, {
      loader: spec.lang,
      format: 'esm',
      target: 'node20',
      // Inline source map + --enable-source-maps: stack traces name lines of the example's code.
      sourcefile: `example.${spec.lang}`,
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    return { code: result.code };
  } catch (e) {
    return { error: describeTransformError(e, spec.line) };
  }
}

/**
 * `line N: message`, where N is the line in the note: `spec.line` is the line of the opening
 * fence, so line k of the code is `spec.line + k`.
 */
function describeTransformError(e: unknown, baseLine: number): string {
  const first = isTransformFailure(e) ? e.errors[0] : undefined;
  if (!first) return `could not compile the example: ${oneLine(errorMessage(e))}`;
  const where = first.location ? `line ${baseLine + first.location.line}: ` : '';
  return `${where}${oneLine(first.text)}`;
}

interface EsbuildMessage {
  text: string;
  location: { line: number } | null;
}

function isTransformFailure(e: unknown): e is { errors: EsbuildMessage[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errors?: unknown }).errors);
}

// ---------------------------------------------------------------------------------------------
// The child process

function childArgs(dir: string, preamble: string, entry: string): string[] {
  // Node 20 spells it --experimental-permission; newer Node versions renamed it to --permission.
  const permissionFlag = process.allowedNodeEnvironmentFlags.has('--permission')
    ? '--permission'
    : '--experimental-permission';
  return [
    permissionFlag,
    `--allow-fs-read=${dir}`,
    '--disable-warning=ExperimentalWarning',
    `--max-old-space-size=${EXAMPLE_HEAP_MB}`,
    '--enable-source-maps',
    '--import',
    pathToFileURL(preamble).href,
    entry,
  ];
}

/**
 * CPU-time limit (RLIMIT_CPU) for the example: a backstop that the kernel enforces even if
 * this process dies without killing the example (SIGKILL, unhandled SIGTERM). Generous, since
 * the wall-clock timeout is what normally ends a run; CPU time includes V8's helper threads.
 */
export function cpuLimitSeconds(timeoutMs: number): number {
  return 2 * Math.ceil(timeoutMs / 1000) + 1;
}

/**
 * On POSIX, runs `file args` through `/bin/sh -c 'ulimit -t N; exec "$@"'`: the shell sets the
 * limit and replaces itself with Node (same pid, so killing the child kills Node).
 * Arguments travel as positional parameters, never through shell parsing. The shell would
 * export PWD; it is unset so the example's environment stays empty.
 */
export function withCpuLimit(file: string, args: string[], cpuSeconds: number): [string, string[]] {
  if (process.platform === 'win32') return [file, args];
  return ['/bin/sh', ['-c', 'ulimit -t "$1" 2>/dev/null; shift; unset PWD OLDPWD; exec "$@"', 'engram-example', String(cpuSeconds), file, ...args]];
}

type ChildOutcome = Omit<RunResult, 'ms'>;

/** Live example processes, killed if the app exits while they run. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

function runChild(args: string[], dir: string, options: RunOptions): Promise<ChildOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const nodePath = options.nodePath ?? process.execPath;
  const signal = options.signal;

  return new Promise<ChildOutcome>((resolve) => {
    const [command, commandArgs] = withCpuLimit(nodePath, args, cpuLimitSeconds(timeoutMs));
    const child = spawn(command, commandArgs, {
      cwd: dir,
      env: {},
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    live.add(child);
    installExitHook();

    const stdout = new Capture(maxBytes);
    const stderr = new Capture(maxBytes);
    let timedOut = false;
    let truncated = false;
    let cancelled = false;
    let spawnError: string | undefined;
    let exitCode: number | null = null;
    let exitSignal: NodeJS.Signals | null = null;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    const running = (): boolean => child.exitCode === null && child.signalCode === null;
    const kill = (): void => {
      if (running()) child.kill('SIGKILL');
    };
    // A timeout or abort that comes after the process ended on its own (while its pipes drain)
    // changes nothing.
    const onAbort = (): void => {
      if (!running()) return;
      cancelled = true;
      kill();
    };
    const timer = setTimeout(() => {
      if (!running()) return;
      timedOut = true;
      kill();
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    const onData = (capture: Capture) => (chunk: Buffer): void => {
      if (truncated) return;
      if (!capture.push(chunk)) {
        truncated = true;
        kill();
      }
    };
    child.stdout?.on('data', onData(stdout));
    child.stderr?.on('data', onData(stderr));

    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (graceTimer) clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      live.delete(child);
      child.stdout?.destroy();
      child.stderr?.destroy();
      const error = spawnError
        ?? (cancelled ? 'cancelled' : undefined)
        ?? (timedOut ? `timed out after ${timeoutMs} ms` : undefined)
        ?? (truncated ? `output exceeded ${maxBytes} bytes` : undefined)
        ?? (exitCode === PREAMBLE_EXIT_CODE && stderr.text().startsWith('engram:') ? 'the sandbox could not be set up' : undefined)
        ?? (exitSignal ? `killed by ${exitSignal}` : undefined);
      const ok = error === undefined && exitCode === 0;
      resolve({
        ok,
        exitCode,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        truncated,
        ...(error === undefined ? {} : { error }),
      });
    };

    child.on('error', (e) => {
      // Spawning failed: without a pid there will be no 'exit'. (A failed kill also lands here.)
      if (child.pid !== undefined) return;
      spawnError ??= `could not start ${nodePath}: ${oneLine(errorMessage(e))}`;
      finish();
    });
    child.on('exit', (code, sig) => {
      exitCode = code;
      exitSignal = sig;
      // The pipes normally close right after; don't wait forever if something holds them.
      graceTimer = setTimeout(finish, CLOSE_GRACE_MS);
    });
    child.on('close', finish);
  });
}

/** Collects one output stream up to a byte cap. */
class Capture {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private cut = false;
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** Adds a chunk; false once the cap is exceeded (the excess is dropped). */
  push(chunk: Buffer): boolean {
    if (this.cut) return false;
    const room = this.max - this.bytes;
    if (chunk.length <= room) {
      this.chunks.push(chunk);
      this.bytes += chunk.length;
      return true;
    }
    this.chunks.push(chunk.subarray(0, room));
    this.bytes = this.max;
    this.cut = true;
    return false;
  }

  text(): string {
    const all = Buffer.concat(this.chunks);
    return (this.cut ? trimIncompleteUtf8(all) : all).toString('utf8');
  }
}

/** Drops a UTF-8 sequence cut off at the end of `buf`, so a cut never ends in U+FFFD. */
export function trimIncompleteUtf8(buf: Buffer): Buffer {
  let i = buf.length;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  while (i > 0 && buf.length - i < 3 && ((buf[i - 1] ?? 0) & 0xc0) === 0x80) i--;
  if (i === 0) return buf;
  const lead = buf[i - 1] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - (i - 1) < need ? buf.subarray(0, i - 1) : buf;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

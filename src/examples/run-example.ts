/**
 * Runs a card's example in the QuickJS sandbox and returns what happened as plain data. The
 * example is transpiled with esbuild here, then evaluated as an ES module in the example worker
 * (worker-host.ts, sandbox.ts), and its exported `main` (if any) is called afterwards.
 */
import { EngramError, type ExampleSpec } from '../core/index.js';
import { transpile } from './transpile.js';
import { runInWorker, stopWorker, warmWorker } from './worker-host.js';

export interface RunResult {
  /** True when the example finished without an uncaught error, in time, within the output cap. */
  ok: boolean;
  /** 0 finished, 1 uncaught error or syntax error; null when the run was stopped (time, output) or never started. */
  exitCode: number | null;
  /** Captured output, raw UTF-8 (not sanitised: the printer does that). A cut stream ends in a note line. */
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** A stream exceeded `maxOutputBytes`; the run was stopped and the output cut there. */
  truncated: boolean;
  /** Wall time of the whole run, transpiling included. */
  ms: number;
  /** One line saying why the run failed, when there is more to say than the exit code. */
  error?: string;
}

export interface RunOptions {
  /** Wall-clock limit for evaluating the example; default 2000. */
  timeoutMs?: number;
  /** Cap on each of stdout and stderr, in bytes; default 64 KiB. */
  maxOutputBytes?: number;
  /** QuickJS heap limit; default 32 MiB. */
  memoryLimitBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 2000;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;
export const DEFAULT_MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;
/**
 * QuickJS's own stack limit. Kept well below what V8 allows the WASM frames on the native
 * stack, so deep recursion ends in QuickJS's catchable "stack overflow", not a host RangeError.
 */
export const STACK_LIMIT_BYTES = 256 * 1024;

/** The range a time limit may be set to (ENGRAM_EXAMPLE_TIMEOUT_MS). */
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 60_000;
/** The environment variable that sets the time limit of every example run (`r`, predict cards, `engram run`). */
export const TIMEOUT_ENV = 'ENGRAM_EXAMPLE_TIMEOUT_MS';

/**
 * The time limit ENGRAM_EXAMPLE_TIMEOUT_MS asks for: unset or empty is the default; anything but a
 * whole number of milliseconds from MIN_TIMEOUT_MS to MAX_TIMEOUT_MS is a usage error naming it.
 */
export function parseTimeoutSetting(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_TIMEOUT_MS;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(ms >= MIN_TIMEOUT_MS && ms <= MAX_TIMEOUT_MS)) {
    throw new EngramError(`${TIMEOUT_ENV} must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}: '${value}'`, 2);
  }
  return ms;
}

/**
 * Loads the transpiler (esbuild starts a service process) and the WASM engine ahead of a run, so
 * the first `r` on a card answers in milliseconds instead of ~200 ms. Failures surface at run time.
 */
export async function prepareSandbox(): Promise<void> {
  await Promise.all([transpile({ lang: 'ts', code: '', line: 0 }), warmWorker()]).catch(() => undefined);
}

/** Stops the example worker (a run in progress ends as failed); the next run starts a new one. */
export function stopSandbox(): Promise<void> {
  return stopWorker();
}

export async function runExample(spec: ExampleSpec, options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const elapsed = (): number => Math.max(1, Math.round(performance.now() - started));

  // Starting the worker and loading its engine overlaps with esbuild's start: a first run in a
  // process waits for the slower of the two, not for both.
  void warmWorker().catch(() => undefined);
  const program = await transpile(spec);
  if ('error' in program) {
    // Like a script Node cannot parse: exit code 1 and the message on stderr, where --json shows it.
    const stderr = program.syntax ? `SyntaxError: ${program.syntax.text}\n    at ${program.syntax.where}\n` : '';
    return {
      ok: false, exitCode: program.syntax ? 1 : null, stdout: '', stderr, timedOut: false, truncated: false,
      ms: elapsed(), error: program.error,
    };
  }
  const { engineSuspect: _discarded, ...outcome } = await runInWorker(program, {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    memoryLimitBytes: options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES,
    stackBytes: STACK_LIMIT_BYTES,
  });
  const ok = outcome.exitCode === 0 && outcome.error === undefined;
  return { ok, ...outcome, ms: elapsed() };
}

/**
 * Runs one transpiled example in a fresh QuickJS runtime inside the shared WASM module.
 *
 * Isolation by construction: the context has only the ECMAScript built-ins plus the prelude's
 * `console` (whose one host function appends text to the captured output). There is no file
 * system, network, process, environment, timers or module loading to reach: an `import`
 * fails with IMPORTS_UNAVAILABLE. Bounded: wall time (interrupt handler), the runtime's heap
 * and stack, and each output stream (the run is stopped once a stream passes the cap).
 *
 * The run is synchronous (QuickJS evaluates on the calling thread, the example worker's);
 * promises are settled by draining QuickJS's job queue, which is all an example can wait on
 * without timers. The interrupt handler stops ordinary runaway code at the time limit; the
 * host terminates the worker for the rest (worker-host.ts).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import { OutputCapture } from './output-capture.js';
import { IMPORTS_UNAVAILABLE, PRELUDE_SOURCE } from './sandbox-prelude.js';
import { mapStack } from './stack-map.js';
import { GENERATED_FILE, type Transpiled } from './transpile.js';

export interface SandboxLimits {
  timeoutMs: number;
  maxOutputBytes: number;
  memoryLimitBytes: number;
  stackBytes: number;
}

export interface SandboxOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
  error?: string;
  /** The run ended in a way that may leave the WASM module unusable; load a fresh one. */
  engineSuspect: boolean;
}

/** Lets the worker pass output on as it is written, so a run it has to kill keeps what it printed. */
export interface SandboxHooks {
  /** Text an example wrote, before the cap is applied (at most `maxOutputBytes + 1` characters). */
  output?(stream: 1 | 2, text: string): void;
  /** Called at each interrupt check, many times a second while the example runs. */
  tick?(): void;
}

type Settled = { value: QuickJSHandle } | { thrown: QuickJSHandle } | { pending: true };

export function runInSandbox(engine: QuickJSWASMModule, program: Transpiled, limits: SandboxLimits, hooks: SandboxHooks = {}): SandboxOutcome {
  const stdout = new OutputCapture(limits.maxOutputBytes);
  const stderr = new OutputCapture(limits.maxOutputBytes);
  let stop: 'time' | 'output' | null = null;
  let failure: { exitCode: number | null; error?: string; suspect?: boolean } = { exitCode: 0 };

  const deadline = performance.now() + limits.timeoutMs;
  let rt: QuickJSRuntime | undefined;
  let ctx: QuickJSContext | undefined;
  try {
    rt = engine.newRuntime();
    rt.setMemoryLimit(limits.memoryLimitBytes);
    rt.setMaxStackSize(limits.stackBytes);
    rt.setInterruptHandler(() => {
      hooks.tick?.();
      if (stop === null && performance.now() > deadline) stop = 'time';
      return stop !== null;
    });
    rt.setModuleLoader(() => {
      throw new Error(IMPORTS_UNAVAILABLE);
    });
    ctx = rt.newContext();
    installPrelude(ctx, (stream, text) => {
      if (stop !== null) return;
      hooks.output?.(stream, text.length > limits.maxOutputBytes ? text.slice(0, limits.maxOutputBytes + 1) : text);
      if (!(stream === 2 ? stderr : stdout).push(text)) stop ??= 'output';
    });
    // An interrupted run's own "InternalError: interrupted" says less than the timeout/cap note.
    failure = execute(ctx, rt, program, (text) => stop === null && stderr.push(text));
  } catch (e) {
    // A JS exception out of the WASM boundary: the native stack overflowing, or a trap.
    failure = { ...hostFailure(e, (text) => stop === null && stderr.push(text)), suspect: true };
  } finally {
    // After a host exception QuickJS's heap is mid-operation: freeing it trips emscripten's
    // assertions. The worker holding it is thrown away instead.
    if (!failure.suspect) {
      try {
        ctx?.dispose();
        rt?.dispose();
      } catch {
        failure = { ...failure, suspect: true };
      }
    }
  }

  const base = {
    stdout: stdout.text(),
    stderr: stderr.text(),
    timedOut: stop === 'time',
    truncated: stdout.truncated || stderr.truncated,
    engineSuspect: failure.suspect ?? false,
  };
  if (stop === 'time') return { ...base, exitCode: null, error: `timed out after ${limits.timeoutMs} ms` };
  if (stop === 'output') return { ...base, exitCode: null, error: `output exceeded ${limits.maxOutputBytes} bytes` };
  return { ...base, exitCode: failure.exitCode, ...(failure.error ? { error: failure.error } : {}) };
}

/**
 * An exception from outside QuickJS, as plain words. V8's own stack overflow means the example
 * nested deeper than the engine's native frames allow (JSON.stringify of a deep array, deeply
 * nested eval): reported like QuickJS's own stack overflow. Anything else is the engine
 * failing (a WASM trap, emscripten's abort): its raw text says nothing useful to the user.
 */
function hostFailure(e: unknown, report: (text: string) => void): { exitCode: number | null; error: string } {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    report('InternalError: stack overflow (nested too deeply for the sandbox)\n');
    return { exitCode: 1, error: 'stack overflow' };
  }
  return { exitCode: null, error: 'the sandbox failed: the JavaScript engine stopped with an internal error' };
}

function installPrelude(ctx: QuickJSContext, write: (stream: 1 | 2, text: string) => void): void {
  const prelude = ctx.unwrapResult(ctx.evalCode(PRELUDE_SOURCE, 'prelude.js', { type: 'global' }));
  const host = ctx.newFunction('write', (stream, text) => {
    write(ctx.getNumber(stream) === 2 ? 2 : 1, ctx.getString(text));
  });
  try {
    ctx.unwrapResult(ctx.callFunction(prelude, ctx.undefined, host)).dispose();
  } finally {
    host.dispose();
    prelude.dispose();
  }
}

/** Evaluates the module, then calls its exported `main` if there is one. */
function execute(ctx: QuickJSContext, rt: QuickJSRuntime, program: Transpiled, report: (text: string) => void) {
  let settled = settle(ctx, rt, ctx.evalCode(program.code, GENERATED_FILE, { type: 'module' }));
  if ('value' in settled) {
    const exports = settled.value;
    const main = ctx.getProp(exports, 'main');
    try {
      settled = ctx.typeof(main) === 'function'
        ? settle(ctx, rt, ctx.callFunction(main, ctx.undefined))
        : { value: ctx.undefined };
    } finally {
      main.dispose();
      exports.dispose();
    }
  }
  if ('pending' in settled) {
    report('Error: the example is still waiting on a promise that never settles (examples have no timers or I/O)\n');
    return { exitCode: 1 };
  }
  if ('value' in settled) {
    settled.value.dispose();
    return { exitCode: 0 };
  }
  const thrown = describeThrown(ctx, settled.thrown, program);
  settled.thrown.dispose();
  report(thrown.text);
  return { exitCode: 1, ...(thrown.outOfMemory ? { error: 'out of memory', suspect: true } : {}) };
}

/** Turns an evaluation result into a settled value, running queued jobs (promise callbacks) first. */
function settle(ctx: QuickJSContext, rt: QuickJSRuntime, result: ReturnType<QuickJSContext['evalCode']>): Settled {
  if (result.error) return { thrown: result.error };
  const handle = result.value;
  const jobs = rt.executePendingJobs();
  if (jobs.error) {
    handle.dispose();
    return { thrown: jobs.error };
  }
  const state = ctx.getPromiseState(handle);
  if (state.type === 'fulfilled' && state.notAPromise) return { value: handle };
  handle.dispose();
  if (state.type === 'pending') return { pending: true };
  return state.type === 'fulfilled' ? { value: state.value } : { thrown: state.error };
}

function describeThrown(ctx: QuickJSContext, handle: QuickJSHandle, program: Transpiled): { text: string; outOfMemory: boolean } {
  const value: unknown = ctx.dump(handle);
  // QuickJS throws null when it cannot even allocate the error object.
  if (value === null) return { text: 'Uncaught null (possibly out of memory)\n', outOfMemory: true };
  if (typeof value === 'object' && 'message' in value) {
    const { name, message, stack } = value as { name?: unknown; message?: unknown; stack?: unknown };
    const head = `${String(name ?? 'Error')}: ${String(message)}`;
    const frames = typeof stack === 'string' ? mapStack(stack, program).replace(/\n*$/, '\n') : '';
    return { text: `${head}\n${frames}`, outOfMemory: name === 'InternalError' && message === 'out of memory' };
  }
  return { text: `Uncaught ${safeJson(value)}\n`, outOfMemory: false };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Runs examples in a worker thread the host can always stop. One long-lived worker keeps the
 * QuickJS WASM module loaded (a warm run costs ~10 ms); runs go to it one at a time.
 *
 * QuickJS's interrupt handler ends ordinary runaway code at the time limit, but some code never
 * reaches it in time (an example that catches its own stack overflow and recurses again spent
 * 50 s between checks). So the host also keeps a hard deadline: the time limit plus a short
 * grace after the worker says the example started, then `worker.terminate()` and a timed-out
 * result with the output passed on so far. A worker whose engine may be damaged (out of memory,
 * a trap) or that died is dropped too; the next run starts a fresh one.
 *
 * The worker prints nothing (worker-quiet.ts): emscripten's abort text never reaches the screen.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OutputCapture } from './output-capture.js';
import type { SandboxLimits, SandboxOutcome } from './sandbox.js';
import type { Transpiled } from './transpile.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/**
 * Time after the limit before the host kills a run the interrupt handler did not stop: 250 ms,
 * or a quarter of a shorter limit (at least 100 ms), so a run never takes much longer than its
 * limit asks. The interrupt handler answers within milliseconds; the grace only covers a busy
 * machine, and a run killed in it still ends as timed out with its output so far.
 */
export const HARD_STOP_GRACE_MS = 250;
const MIN_HARD_STOP_GRACE_MS = 100;

export function hardStopGraceMs(timeoutMs: number): number {
  return Math.min(HARD_STOP_GRACE_MS, Math.max(MIN_HARD_STOP_GRACE_MS, Math.round(timeoutMs / 4)));
}
/** Loading the engine takes ~50–300 ms; far longer means the worker is stuck. */
const START_LIMIT_MS = 30_000;
/**
 * The worker thread's native stack. V8's default for a thread is 4 MB; QuickJS's own limit
 * (STACK_LIMIT_BYTES) is counted on emscripten's stack, which the WASM frames outgrow: with 4 MB a
 * nested eval hit V8's limit first (measured: 8 MB is enough for QuickJS to report it).
 */
const WORKER_STACK_MB = 16;
/** The worker's JavaScript heap; example data lives in the capped WASM memory, not here. */
const WORKER_HEAP_MB = 256;

let worker: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

/** Starts the worker (if none runs) and has it load the engine, ahead of a first run. */
export async function warmWorker(): Promise<void> {
  send(await liveWorker(), { type: 'warm' });
}

/** Terminates the worker, if any; the next run starts a fresh one. */
export async function stopWorker(): Promise<void> {
  const w = worker;
  worker = null;
  await w?.terminate();
}

/** Runs one program in the worker; never rejects: every failure is an outcome. */
export function runInWorker(program: Transpiled, limits: SandboxLimits): Promise<SandboxOutcome> {
  const run = queue.then(() => runOnce(program, limits));
  queue = run;
  return run;
}

async function runOnce(program: Transpiled, limits: SandboxLimits): Promise<SandboxOutcome> {
  let w: Worker;
  try {
    w = await liveWorker();
  } catch (e) {
    return failed(`could not start the sandbox: ${e instanceof Error ? e.message : String(e)}`);
  }
  const id = nextId++;
  const stdout = new OutputCapture(limits.maxOutputBytes);
  const stderr = new OutputCapture(limits.maxOutputBytes);
  return new Promise<SandboxOutcome>((resolve) => {
    let hardStop: NodeJS.Timeout | undefined;
    const startStop = setTimeout(() => {
      discard(w);
      finish(failed('the sandbox did not start'));
    }, START_LIMIT_MS);

    const finish = (outcome: SandboxOutcome): void => {
      clearTimeout(startStop);
      clearTimeout(hardStop);
      w.off('message', onMessage);
      w.off('exit', onExit);
      w.off('error', onError);
      if (outcome.engineSuspect) discard(w);
      else w.unref();
      resolve(outcome);
    };
    const onMessage = (message: FromWorker): void => {
      if (message.id !== id) return;
      if (message.type === 'started') {
        clearTimeout(startStop);
        hardStop = setTimeout(() => {
          discard(w);
          finish({
            exitCode: null, stdout: stdout.text(), stderr: stderr.text(), timedOut: true,
            truncated: stdout.truncated || stderr.truncated, engineSuspect: false,
            error: `timed out after ${limits.timeoutMs} ms`,
          });
        }, limits.timeoutMs + hardStopGraceMs(limits.timeoutMs));
      } else if (message.type === 'output') {
        for (const [stream, text] of message.chunks) (stream === 2 ? stderr : stdout).push(text);
      } else {
        finish(message.outcome);
      }
    };
    // 'error' (an exception escaped the worker, or its heap ran out) is followed by 'exit'.
    const onError = (): void => undefined;
    const onExit = (): void => {
      if (worker === w) worker = null;
      finish(failed('the sandbox stopped unexpectedly'));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.ref();
    send(w, { type: 'run', id, program, limits });
  });
}

function failed(error: string): SandboxOutcome {
  return { exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, engineSuspect: false, error };
}

function send(w: Worker, message: ToWorker): void {
  w.postMessage(message);
}

function discard(w: Worker): void {
  if (worker === w) worker = null;
  void w.terminate();
}

async function liveWorker(): Promise<Worker> {
  if (worker) return worker;
  const file = await workerFile();
  if (worker) return worker; // another caller started one meanwhile
  const w = new Worker(file, {
    resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // Idle, the worker must not keep engram running; a run refs it until its result is in.
  w.unref();
  w.on('error', () => undefined);
  w.on('exit', () => {
    if (worker === w) worker = null;
  });
  worker = w;
  return w;
}

/**
 * The worker's file: `example-worker.js` beside the bundle (dist/ when this code sits in a
 * chunk under dist/chunks/, or beside a single-file bundle). Running from source (the tests),
 * the TypeScript entry is bundled once per process and handed over as a data: URL.
 */
async function workerFile(): Promise<URL> {
  for (const candidate of ['./example-worker.js', '../example-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  if (import.meta.url.endsWith('.ts')) {
    fromSource ??= bundleFromSource().catch((error: unknown) => {
      fromSource = null;
      throw error;
    });
    return fromSource;
  }
  throw new Error(`example-worker.js is missing beside ${fileURLToPath(import.meta.url)}`);
}

let fromSource: Promise<URL> | null = null;
const RESOLVING = Symbol('resolving');

async function bundleFromSource(): Promise<URL> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'silent',
    plugins: [{
      // A data: URL module cannot resolve package names: point at the package's file instead.
      name: 'absolute-packages',
      setup(b) {
        b.onResolve({ filter: /^quickjs-emscripten$/ }, async (args) => {
          if (args.pluginData === RESOLVING) return undefined; // the inner resolve below
          const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: RESOLVING });
          return { path: pathToFileURL(found.path).href, external: true };
        });
      },
    }],
  });
  const code = result.outputFiles[0]?.text ?? '';
  return new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

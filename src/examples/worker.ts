/**
 * Entry of the example worker thread (bundled as dist/example-worker.js). It holds the QuickJS
 * WASM module loaded between runs, so a second run costs only a fresh runtime, and runs one
 * example at a time with runInSandbox. The host may terminate this thread at any moment: a
 * run that ignores the interrupt handler is stopped that way.
 */
import './worker-quiet.js';
import { parentPort } from 'node:worker_threads';
import { loadEngine } from './quickjs-engine.js';
import { runInSandbox, type SandboxOutcome } from './sandbox.js';
import { oneLine } from './transpile.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** How often output is passed on to the host while a run goes on. */
const FORWARD_EVERY_MS = 50;

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'warm') {
    loadEngine().catch(() => undefined);
    return;
  }
  void run(message.id, message.program, message.limits);
});

async function run(id: number, program: Extract<ToWorker, { type: 'run' }>['program'], limits: Extract<ToWorker, { type: 'run' }>['limits']): Promise<void> {
  let engine;
  try {
    engine = await loadEngine();
  } catch (e) {
    const outcome: SandboxOutcome = {
      exitCode: null, stdout: '', stderr: '', timedOut: false, truncated: false, engineSuspect: true,
      error: `could not load the sandbox: ${oneLine(e instanceof Error ? e.message : String(e))}`,
    };
    return post({ type: 'done', id, outcome });
  }
  post({ type: 'started', id });
  let pending: Array<[1 | 2, string]> = [];
  // The first write goes out at once, later ones at most every FORWARD_EVERY_MS: what an example
  // printed before it got stuck is with the host when the host has to terminate it.
  let lastForward = -Infinity;
  const forward = (): void => {
    if (pending.length > 0) post({ type: 'output', id, chunks: pending });
    pending = [];
    lastForward = performance.now();
  };
  const forwardIfDue = (): void => {
    if (pending.length > 0 && performance.now() - lastForward > FORWARD_EVERY_MS) forward();
  };
  const outcome = runInSandbox(engine, program, limits, {
    output: (stream, text) => {
      pending.push([stream, text]);
      forwardIfDue();
    },
    tick: forwardIfDue,
  });
  post({ type: 'done', id, outcome });
}

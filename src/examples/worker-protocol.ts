/** Messages between the host (worker-host.ts) and the example worker (worker.ts): plain data only. */
import type { SandboxLimits, SandboxOutcome } from './sandbox.js';
import type { Transpiled } from './transpile.js';

export type ToWorker =
  /** Load the WASM engine now, so the first run does not wait for it. */
  | { type: 'warm' }
  | { type: 'run'; id: number; program: Transpiled; limits: SandboxLimits };

export type FromWorker =
  /** The engine is loaded and the example starts now: the host's hard deadline counts from here. */
  | { type: 'started'; id: number }
  /** Output written so far, passed on in batches; only used when the host has to kill the run. */
  | { type: 'output'; id: number; chunks: Array<[1 | 2, string]> }
  | { type: 'done'; id: number; outcome: SandboxOutcome };

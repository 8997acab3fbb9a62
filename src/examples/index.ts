/** Runnable card examples: transpile, run sandboxed in a child Node process, return plain data. */
export {
  runExample,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  EXAMPLE_HEAP_MB,
  SANDBOX_PREFIX,
} from './run-example.js';
export type { RunOptions, RunResult } from './run-example.js';

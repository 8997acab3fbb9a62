/** Runnable card examples: transpile, run in a QuickJS (WebAssembly) sandbox in a worker thread, return plain data. */
export {
  runExample,
  prepareSandbox,
  stopSandbox,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_MEMORY_LIMIT_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
  TIMEOUT_ENV,
  parseTimeoutSetting,
} from './run-example.js';
export type { RunOptions, RunResult } from './run-example.js';

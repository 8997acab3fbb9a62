// Runs dist/cli-main.js's main() in a worker thread, one command at a time, for tests/helpers/cli.ts:
// the same bundle the `engram` executable runs, without paying Node's start-up per command.
// The caller blocks on Atomics.wait until the result is posted, so `run()` stays synchronous.
import { workerData } from 'node:worker_threads';
import { runCaptured } from './cli-capture.mjs';

const { main } = await import(workerData.cliMain);
const { port } = workerData;

port.on('message', async ({ args, env, cwd, flag }) => {
  port.postMessage(await runCaptured(main, { args, env, cwd }));
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});

// Runs dist/cli-main.js's main() in a worker thread, one command at a time, for tests/helpers/cli.ts:
// the same bundle the `engram` executable runs, without paying Node's start-up per command.
// The caller blocks on Atomics.wait until the result is posted, so `run()` stays synchronous.
import { readdirSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const { main } = await import(workerData.cliMain);
const { port } = workerData;

// Each command adds an EPIPE listener to stdout; a warning about that would leak into a later capture.
process.stdout.setMaxListeners(0);
process.stderr.setMaxListeners(0);

class ExitCalled extends Error {
  constructor(code) {
    super(`process.exit(${code})`);
    this.code = code;
  }
}

const realCwd = process.cwd;

port.on('message', async ({ args, env, cwd, flag }) => {
  // A worker cannot chdir; the CLI resolves paths through process.cwd(), so answering with the
  // test's folder makes relative arguments mean what they mean to the spawned executable.
  process.cwd = () => cwd;
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  process.exitCode = undefined;
  let stdout = '';
  let stderr = '';
  const capture = (append) => (chunk, encoding, callback) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const exit = process.exit;
  process.stdout.write = capture((text) => (stdout += text));
  process.stderr.write = capture((text) => (stderr += text));
  process.exit = (code) => {
    throw new ExitCalled(code ?? 0);
  };
  const before = new Set(readdirSync(realCwd()));
  let code;
  try {
    code = await main(args);
  } catch (error) {
    if (error instanceof ExitCalled) code = error.code;
    else {
      stderr += `cli-worker: ${error?.stack ?? error}\n`;
      code = -1;
    }
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exit = exit;
    process.cwd = realCwd;
  }
  // The worker shares the test runner's real working folder: a relative path the CLI writes
  // without resolving it would land there. Fail the command loudly instead.
  const stray = readdirSync(realCwd()).filter((name) => !before.has(name));
  if (stray.length > 0) {
    stderr += `cli-worker: the command wrote ${stray.join(', ')} into ${realCwd()} (a path not resolved against process.cwd())\n`;
    code = -1;
  }
  port.postMessage({ code, stdout, stderr });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});

// Runs the bundle's main() once with the given arguments, environment and working folder, and
// returns what `engram` would have printed and its exit code. Shared by the in-process worker
// (cli-worker.mjs) and the batch runner (cli-batch.mjs).
import { readdirSync } from 'node:fs';

class ExitCalled extends Error {
  constructor(code) {
    super(`process.exit(${code})`);
    this.code = code;
  }
}

const realCwd = process.cwd;

// Each command adds an EPIPE listener to stdout; a warning about that would leak into a later capture.
process.stdout.setMaxListeners(0);
process.stderr.setMaxListeners(0);

export async function runCaptured(main, { args, env, cwd }) {
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
      stderr += `cli-capture: ${error?.stack ?? error}\n`;
      code = -1;
    }
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exit = exit;
    process.cwd = realCwd;
  }
  // The runner's real working folder is shared: a relative path the CLI writes without
  // resolving it would land there. Fail the command loudly instead.
  const stray = readdirSync(realCwd()).filter((name) => !before.has(name));
  if (stray.length > 0) {
    stderr += `cli-capture: the command wrote ${stray.join(', ')} into ${realCwd()} (a path not resolved against process.cwd())\n`;
    code = -1;
  }
  return { code, stdout, stderr };
}

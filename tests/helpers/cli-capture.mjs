// Runs the bundle's main() once with the given arguments, environment and working folder, and
// returns what `engram` would have printed and its exit code. Shared by the command server
// (cli-server.mjs) and the batch runner (cli-batch.mjs); both are processes of their own, so a
// command gets its real working folder (process.chdir) and its environment, as the executable would.

class ExitCalled extends Error {
  constructor(code) {
    super(`process.exit(${code})`);
    this.code = code;
  }
}

// Each command adds an EPIPE listener to stdout; a warning about that would leak into a later capture.
process.stdout.setMaxListeners(0);
process.stderr.setMaxListeners(0);

export async function runCaptured(main, { args, env, cwd }) {
  process.chdir(cwd);
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
  }
  return { code, stdout, stderr };
}

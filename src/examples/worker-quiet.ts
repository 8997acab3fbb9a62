/**
 * Imported first by the example worker: nothing the worker itself would print may reach
 * engram's screen. Emscripten writes its abort text ("Aborted(...)") with console.error, bound
 * when the engine loads, and a worker's console and stdio go straight to the parent's terminal.
 * (Piping the worker's stdio to the host instead keeps the host process from ever exiting.)
 */
const silent = (): void => undefined;
for (const name of ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir'] as const) console[name] = silent;
for (const stream of [process.stdout, process.stderr]) stream.write = () => true;

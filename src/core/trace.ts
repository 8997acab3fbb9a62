/**
 * Start-up tracing: with ENGRAM_TRACE=1, each phase is written to stderr with the
 * milliseconds since the process started, to see where the time before the first card goes.
 */
const enabled = Boolean(process.env['ENGRAM_TRACE']);

export function trace(label: string): void {
  if (enabled) process.stderr.write(`[engram +${performance.now().toFixed(1)}ms] ${label}\n`);
}

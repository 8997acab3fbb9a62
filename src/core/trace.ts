/**
 * Start-up tracing: with ENGRAM_TRACE=1, each phase is written to stderr with the
 * milliseconds since the process started and the CPU time (user + system) used so far: on a
 * busy machine the wall time swings with the load, the CPU time much less.
 */
const enabled = Boolean(process.env['ENGRAM_TRACE']);

export function trace(label: string): void {
  if (!enabled) return;
  const cpu = process.cpuUsage();
  process.stderr.write(`[engram +${performance.now().toFixed(1)}ms cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)}ms] ${label}\n`);
}

/**
 * Opt-in (ENGRAM_TEST_CPU=FILE): appends one line per test file to FILE: the file, its wall time
 * and the CPU time of the test worker, of the processes it spawned and waited for, and of its
 * command server, all in ms (tab-separated). The suite is CPU-bound on two cores, so CPU, not
 * wall time, says which files to make cheaper. It also tags spawned processes with the test
 * file (ENGRAM_TEST_FILE in their environment), for a sampler of /proc to attribute them.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { commandServerPid, procStatFields } from '../helpers/cli.js';

const TICK_MS = 10;
/** utime+stime of a process, and of its waited-for children (clock ticks of 10 ms). */
function cpuOf(pid: number | 'self'): { self: number; children: number } {
  const f = procStatFields(pid)?.map(Number);
  if (!f) return { self: 0, children: 0 };
  return { self: (f[11]! + f[12]!) * TICK_MS, children: (f[13]! + f[14]!) * TICK_MS };
}

const out = process.env['ENGRAM_TEST_CPU']!;
const fileName = () => (expect.getState().testPath ?? '?').replace(/.*\/tests\//, '');
let start = { self: 0, children: 0 };
let startedAt = 0;
let server: { pid: number | undefined; cpu: number } = { pid: undefined, cpu: 0 };

beforeAll(() => {
  process.env['ENGRAM_TEST_FILE'] = fileName();
  start = cpuOf('self');
  startedAt = performance.now();
  const pid = commandServerPid();
  server = { pid, cpu: pid ? cpuOf(pid).self : 0 };
});

afterAll(() => {
  const end = cpuOf('self');
  const pid = commandServerPid();
  const serverCpu = pid ? cpuOf(pid).self - (pid === server.pid ? server.cpu : 0) : 0;
  const wall = Math.round(performance.now() - startedAt);
  fs.appendFileSync(out, `${fileName()}\t${wall}\t${end.self - start.self}\t${end.children - start.children}\t${serverCpu}\n`);
});

/**
 * The test runner's command server (tests/helpers/cli-server.mjs): one process runs many
 * commands, each in its own working folder and environment, and a server that died fails the
 * command that needed it with a message, never a hung test; the next command starts a new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandServerPid, commandServerRestarts, tempEnv } from '../helpers/cli.js';

const env = tempEnv();
afterAll(() => env.cleanup());

describe.skipIf(process.env['ENGRAM_TEST_SUBPROCESS'])('the command server', () => {
  it('runs each command in its own folder with its own environment, in one process', () => {
    const notes = path.join(env.dir, 'here');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'n.md'), '# N\n\nWhere am I?::Here.\n');
    expect(env.run(['import', '.'], { cwd: notes })).toMatchObject({ code: 0 });
    const pid = commandServerPid();
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    expect(env.json<unknown[]>(['cards'])).toHaveLength(1);
    // A variable one run sets is gone in the next.
    expect(env.run(['cards', '--json'], { env: { ENGRAM_DB: path.join(env.dir, 'other.db') } }).stdout.trim()).toBe('[]');
    expect(env.json<unknown[]>(['cards'])).toHaveLength(1);
    expect(commandServerPid()).toBe(pid);
  });

  it('a killed server is reported and the command runs again on a new one; a second death fails it', () => {
    env.run(['--version']);
    const pid = commandServerPid()!;
    const restarts = commandServerRestarts();
    process.kill(pid, 'SIGKILL');
    // Until the process is gone, its end of the FIFOs stays open.
    for (let i = 0; i < 200 && isAlive(pid); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    const warnings: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => warnings.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(env.run(['--version'])).toMatchObject({ code: 0 });
    } finally {
      process.stderr.write = write;
    }
    expect(commandServerRestarts()).toBe(restarts + 1);
    // Whether the request still got into the FIFO before the server's end closed is a matter of timing.
    expect(warnings.join('')).toMatch(/engram command server: (could not send a request: .*EPIPE.*|it exited during engram --version) \(signal 9\)\n\(running engram --version again on a new server\)/);
    expect(commandServerPid()).not.toBe(pid);
    // A command that kills whatever server runs it fails on its second server too (the server
    // kills itself on this variable, for this test).
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(() => env.run(['--version'], { env: { ENGRAM_TEST_SERVER_KILL: '1' } })).toThrow(/engram command server: it exited during engram --version \(signal 9\)/);
    } finally {
      process.stderr.write = write;
    }
    expect(commandServerRestarts()).toBe(restarts + 2);
    expect(env.run(['--version'])).toMatchObject({ code: 0 });
  });
});

function isAlive(pid: number): boolean {
  try {
    // A zombie still answers; its state in /proc tells.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

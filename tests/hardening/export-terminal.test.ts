/**
 * Issue 12, item 11: `engram export` on a terminal strips control sequences from card text (a
 * hostile card could set the terminal title); a pipe and `--out` keep the exact content.
 * The terminal is a real pseudo-terminal, through util-linux `script`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';
const HOSTILE = 'Title\x1b]0;pwned\x07 \x1b[2Jcleared \x9b31mred\x9d8;;http://x\x07';

/** Runs the CLI with stdout on a pseudo-terminal and returns what the terminal received. */
function onTerminal(args: string[]): string {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, ENGRAM_DB: env.db, ENGRAM_NOW: NOW, TZ: 'UTC', NO_COLOR: '1' }, encoding: 'latin1',
  });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('engram export with hostile card text', () => {
  beforeEach(() => {
    expect(env.run(['add', '--deck', 'D', '--front', HOSTILE, '--back', 'a'], { now: NOW }).code).toBe(0);
  });

  for (const format of ['csv', 'json']) {
    it(`--format ${format} on a terminal carries no control sequence`, () => {
      const shown = onTerminal(['export', '--format', format]);
      expect(shown).toContain('Title');
      expect(shown).toContain('cleared');
      expect(shown).not.toMatch(/[\x1b\x07\x9b\x9d]/);
    });
  }

  it('--format json on a terminal is still the same JSON document', () => {
    const shown = onTerminal(['export', '--format', 'json']).replace(/\r\n/g, '\n');
    const piped = env.run(['export', '--format', 'json'], { now: NOW }).stdout;
    expect(JSON.parse(shown)).toEqual(JSON.parse(piped));
  });

  it('a pipe and --out keep the exact text', () => {
    const piped = env.run(['export', '--format', 'csv'], { now: NOW }).stdout;
    expect(piped).toContain(HOSTILE);
    const out = path.join(env.dir, 'cards.csv');
    expect(env.run(['export', '--format', 'csv', '--out', out], { now: NOW }).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(piped);
  });
});

/**
 * A plain `engram` / `engram review` starts the review without commander (src/cli/review-start.ts).
 * Which command lines take that path, and that they end exactly as main() ends them: the same
 * output, errors and exit codes (here without a terminal; tests/e2e/pty.test.ts runs the
 * session itself through dist/engram.js).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainReviewArgs } from '../../src/cli/review-args.js';
import { CLI, runBatch, tempEnv } from '../helpers/cli.js';

describe('plainReviewArgs', () => {
  it('takes the review with at most --db before it, and leaves everything else to main()', () => {
    expect(plainReviewArgs([])).toEqual({});
    expect(plainReviewArgs(['review'])).toEqual({});
    expect(plainReviewArgs(['--db', 'x.db'])).toEqual({ db: 'x.db' });
    expect(plainReviewArgs(['--db', 'x.db', 'review'])).toEqual({ db: 'x.db' });
    expect(plainReviewArgs(['--db=x.db'])).toEqual({ db: 'x.db' });
    expect(plainReviewArgs(['--db=x.db', 'review'])).toEqual({ db: 'x.db' });
    expect(plainReviewArgs(['--db', 'review'])).toEqual({ db: 'review' });
    for (const argv of [
      ['due'], ['review', '--deck', 'a'], ['--deck', 'a'], ['review', '--db', 'x.db'], ['--db'], ['--db', ''], ['--db='],
      ['--db', '--help'], ['--help'], ['-h'], ['--version'], ['-V'], ['review', 'review'], ['start'], ['review', '--help'],
      ['--db', 'x.db', 'due'], ['--db', 'x.db', '--db', 'y.db'], ['reviews'], ['--db', 'x.db', 'review', '--query', 'a'],
    ]) expect({ argv, plain: plainReviewArgs(argv) }).toEqual({ argv, plain: null });
  });
});

describe('the review started without commander', () => {
  const env = tempEnv();
  afterAll(() => env.cleanup());

  /** main() of the same bundle (dist/cli-main.js), every case in one other process (no terminal either). */
  const viaMain = (cases: Array<[string[], Record<string, string>]>) =>
    runBatch(cases.map(([args, extra]) => ({ args, env: { ...process.env as Record<string, string>, TZ: 'UTC', ...extra }, cwd: env.dir })));
  const viaCli = (args: string[], extra: Record<string, string>) =>
    spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, TZ: 'UTC', ...extra }, cwd: env.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('ends as main() does: no terminal, a bad ENGRAM_NOW, a database it cannot open', () => {
    env.run(['add', '--deck', 'a', '--front', 'q', '--back', 'a']);
    const folder = path.join(env.dir, 'a-folder');
    fs.mkdirSync(folder);
    const cases: Array<[string[], Record<string, string>]> = [
      [['--db', env.db], { ENGRAM_NOW: '2026-12-01T09:00:00Z' }],
      [['--db', env.db, 'review'], { ENGRAM_NOW: '2026-12-01T09:00:00Z' }],
      [[`--db=${env.db}`], { ENGRAM_NOW: 'yesterday' }],
      [['review'], { ENGRAM_DB: env.db, ENGRAM_NOW: '2026-12-01T09:00:00Z' }],
      [['--db', folder], {}],
    ];
    const slowResults = viaMain(cases);
    for (const [i, [args, extra]] of cases.entries()) {
      expect(plainReviewArgs(args)).not.toBeNull();
      const fast = viaCli(args, extra);
      const slow = slowResults[i]!;
      expect({ args, code: fast.status, stdout: fast.stdout, stderr: fast.stderr }).toEqual({ args, code: slow.code, stdout: slow.stdout, stderr: slow.stderr });
      expect(fast.status).not.toBe(0);
      expect(fast.stderr).toMatch(/^engram: /);
    }
  });
});

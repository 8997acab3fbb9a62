/**
 * Shared by the hostile-input suite: a crafted file must be refused with one line on stderr,
 * the documented exit code, and nothing changed on disk (the database file and every file in
 * the test's folder hash the same before and after; temp files go to a folder inside it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { RunResult, TempEnv } from '../helpers/cli.js';

export const NOW = '2026-12-01T09:00:00Z';

/** Path → sha256 of every regular file under `dir` (links listed by target, FIFOs by kind). */
export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isSymbolicLink()) out[rel] = `link:${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) {
        out[rel] = 'dir';
        walk(full);
      } else if (entry.isFile()) out[rel] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      else out[rel] = 'special';
    }
  };
  walk(dir);
  return out;
}

/** A hostile-input test environment: the temp folder for Anki collections lives inside the test folder, so leftovers show. */
export function runner(env: TempEnv) {
  const tmp = path.join(env.dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  return (args: string[]): RunResult => env.run(args, { now: NOW, env: { TMPDIR: tmp } });
}

/**
 * Runs `args` on the settled folder and checks the refusal: exit code, exactly one stderr line
 * matching `message`, nothing on stdout (or the summary `stdout` expects), and every file as it was.
 */
export function expectRefused(env: TempEnv, args: string[], message: RegExp, options: { code?: number; settle?: string[]; stdout?: RegExp } = {}): void {
  const code = options.code ?? 1;
  const run = runner(env);
  // Any command leaves the database checkpointed (WAL folded in) when it closes: hash after one.
  expect(run(options.settle ?? ['decks']).code).toBe(0);
  const before = folderHashes(env.dir);
  const r = run(args);
  expect(r.stderr).not.toMatch(/unexpected error|\n\s+at |Error:/);
  expect(r.stderr).toMatch(/^engram: [^\n]*\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(code);
  if (options.stdout) expect(r.stdout).toMatch(options.stdout);
  else expect(r.stdout).toBe('');
  expect(folderHashes(env.dir)).toEqual(before);
}

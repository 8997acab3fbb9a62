/** Runs the built CLI (dist/engram.js) as a subprocess on a temporary database. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'engram.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TempEnv {
  dir: string;
  db: string;
  run(args: string[], options?: { now?: string; env?: Record<string, string>; cwd?: string }): RunResult;
  runAsync(args: string[], options?: { now?: string }): Promise<RunResult>;
  json<T = any>(args: string[], options?: { now?: string }): T;
  write(rel: string, text: string | Buffer): string;
  cleanup(): void;
}

export function tempEnv(): TempEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-test-'));
  const db = path.join(dir, 'engram.db');
  const baseEnv = (now?: string, extra?: Record<string, string>) => {
    const env: Record<string, string> = { ...process.env as Record<string, string>, ENGRAM_DB: db, TZ: 'UTC', NO_COLOR: '1', ...extra };
    delete env['ENGRAM_NOW'];
    if (now) env['ENGRAM_NOW'] = now;
    return env;
  };
  const env: TempEnv = {
    dir,
    db,
    run(args, options = {}) {
      const r = spawnSync(process.execPath, [CLI, ...args], {
        env: baseEnv(options.now, options.env), cwd: options.cwd ?? dir, encoding: 'utf8',
      });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    runAsync(args, options = {}) {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { env: baseEnv(options.now), cwd: dir });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    },
    json(args, options) {
      const r = env.run([...args, '--json'], options);
      if (r.code !== 0) throw new Error(`engram ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    write(rel, text) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}

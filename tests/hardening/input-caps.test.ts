/**
 * Issue 12, item 10: every file Engram reads is capped and must be a regular file. Before,
 * `import-backup /dev/zero` grew to gigabytes and a FIFO blocked forever.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/collection/read-input.js';
import { readBackupFile } from '../../src/collection/restore.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';

function fifo(): string {
  const file = path.join(env.dir, 'pipe.json');
  execFileSync('mkfifo', [file]);
  return file;
}

describe('readInputFile', () => {
  it('reads a regular file within the cap, refuses one over it', () => {
    const file = env.write('f.txt', 'x'.repeat(1000));
    const read = readInputFile(file, 1000);
    expect(read.ok && read.bytes.length).toBe(1000);
    const over = readInputFile(file, 999);
    expect(over).toEqual({ ok: false, message: expect.stringMatching(/over the .* limit/) });
  });

  it('reads every byte of files around the read chunk (1 MB) and the cap, each the same as readFileSync', () => {
    const MB = 1024 * 1024;
    for (const size of [0, 1, 4095, MB - 1, MB, MB + 1, 2 * MB + 7]) {
      const bytes = Buffer.alloc(size, 0);
      for (let i = 0; i < size; i += 997) bytes[i] = (i % 251) + 1;
      const file = env.write(`f-${size}.bin`, bytes);
      const read = readInputFile(file, 3 * MB);
      expect(read.ok && read.bytes.equals(fs.readFileSync(file))).toBe(true);
      expect(readInputFile(file, size)).toMatchObject({ ok: true });
      if (size > 0) expect(readInputFile(file, size - 1)).toMatchObject({ ok: false });
    }
  });

  it('refuses /dev/zero, a FIFO and a folder without reading them', () => {
    expect(readInputFile('/dev/zero', 1 << 20)).toEqual({ ok: false, message: 'not a regular file' });
    expect(readInputFile(fifo(), 1 << 20)).toEqual({ ok: false, message: 'not a regular file' });
    expect(readInputFile(env.dir, 1 << 20)).toEqual({ ok: false, message: 'is a folder, not a file' });
    expect(readInputFile(path.join(env.dir, 'none'), 1 << 20)).toEqual({ ok: false, message: 'no such file' });
  });

  it('a backup over the cap is refused with one line naming the file', () => {
    const file = env.write('big.json', `{"engram": 1, "pad": "${'x'.repeat(5000)}"}`);
    expect(() => readBackupFile(file, 4096)).toThrow(/big\.json: is .* over the 4 KB limit/);
  });
});

describe('the CLI refuses files that are not regular files', () => {
  for (const command of ['import-backup', 'import-anki']) {
    it(`${command} /dev/zero`, () => {
      const r = env.run([command, '/dev/zero'], { now: NOW });
      expect(r.stderr).toBe('engram: /dev/zero: not a regular file\n');
      expect(r.code).toBe(1);
    });

    it(`${command} on a FIFO returns at once`, () => {
      const pipe = fifo();
      const r = env.run([command, pipe], { now: NOW });
      expect(r.stderr).toBe(`engram: ${pipe}: not a regular file\n`);
      expect(r.code).toBe(1);
    });
  }

  it('import of a FIFO named like a note is refused, not waited on', () => {
    const dir = path.join(env.dir, 'notes');
    fs.mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const r = env.run(['import', path.join(dir, 'pipe.md')], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pipe\.md: not a file or folder\n$/);
  });
});



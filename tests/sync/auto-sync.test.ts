/** autoSync: what the review runs at its start and end (the review itself needs a terminal). */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setNow } from '../../src/core/index.js';
import { autoSync } from '../../src/cli/commands/sync.js';
import { cleanUpDevicesAfterEach, HOUR, T0, answer, makeDevice, tempDir } from './helpers.js';

cleanUpDevicesAfterEach();

process.env['TZ'] = 'UTC';
beforeEach(() => setNow(T0));

describe('autoSync', () => {
  it('off by default; once on, a sync writes the new answers; a failing sync is one warning, never an error', () => {
    const shared = tempDir();
    const a = makeDevice('a');
    a.col.sync({ dir: shared, device: 'a' });
    expect(a.col.autoSync()).toBe(false);
    a.col.sync({ autoSync: true });
    expect(a.col.autoSync()).toBe(true);
    answer(a, 'What is the first fact?', 'good', T0 + HOUR);
    autoSync(a.col);
    expect(fs.readFileSync(path.join(shared, 'a', '2026-12.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    // the folder is gone and a file stands in its place: a warning, and the review goes on
    fs.rmSync(shared, { recursive: true });
    fs.writeFileSync(shared, 'x');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => autoSync(a.col)).not.toThrow();
      expect(stderr.mock.calls.map((c) => String(c[0]))).toEqual([`engram: warning: autoSync failed: ${shared} is not a folder (--dir)\n`]);
    } finally {
      stderr.mockRestore();
    }
  });
});

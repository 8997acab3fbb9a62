/**
 * Issue 12, item 12: a killed Anki import left its temp copy of the collection (up to 512 MB)
 * in the temp folder. The copy is unlinked as soon as SQLite has it open, and the next import
 * removes leftovers of processes that are gone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApkg } from '../interop/anki-fixture.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

describe('import-anki temp files', () => {
  it('removes the temp collections of killed imports and leaves none of its own', () => {
    const tmp = path.join(env.dir, 'tmp');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = path.join(tmp, `engram-anki-${dead}-Ab12Cd`);
    const running = path.join(tmp, `engram-anki-${process.pid}-Xy34Zw`);
    const unrelated = path.join(tmp, 'engram-anki-notes');
    for (const dir of [stale, running, unrelated]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'collection.sqlite'), 'x'.repeat(1000));
    }
    const pkg = buildApkg(env.dir);
    // A process of its own: the folder named after this test's pid must count as another live import.
    const r = env.run(['import-anki', pkg], { now: '2026-12-01T09:00:00Z', env: { TMPDIR: tmp }, subprocess: true });
    expect(r.code).toBe(0);
    expect(fs.readdirSync(tmp).sort()).toEqual([path.basename(unrelated), path.basename(running)].sort());
  });
});

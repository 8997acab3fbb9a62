import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';

// What `example:` lines attach and refuse is tested in-process in
// tests/collection/import-identity.test.ts; here, how the command reports it.
describe('engram import with example lines', () => {
  it('a refused example path is one stderr line naming file and line, exit 1; a stray example line a warning, exit 0', () => {
    env.write('deck/fusion.md', 'What does fusion do?::Joins modalities.\nexample: ../x.ts\n');
    const r = env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(env.dir, 'deck/fusion.md')}:2: example path '../x.ts' goes up with '..'`);

    env.write('deck/examples/fuse.ts', 'export function main(): void {}\n');
    env.write('deck/fusion.md', '# Fusion\n\nexample: examples/fuse.ts\n\nWhat does fusion do?::Joins modalities.\n');
    const warned = env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(warned.code).toBe(0);
    expect(warned.stderr.trim()).toBe(`engram: warning: ${path.join(env.dir, 'deck/fusion.md')}:3: 'example:' line is not directly under a card: put it on the line after the card's answer, with no blank line between`);
  });
});

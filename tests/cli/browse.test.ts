/** The `engram browse` contract without a terminal: exit 2 and one line pointing at `engram cards --query`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';

let env: TempEnv;
const NOW = '2026-12-01T09:00:00Z';

beforeEach(() => {
  env = tempEnv();
  withCollectionAt(env.db, NOW, (col) => col.addCard('ml', 'Tensor Fusion Network?', 'outer product'));
});
afterEach(() => env.cleanup());

describe('engram browse without a terminal', () => {
  it('exits 2 with one line pointing at engram cards --query', () => {
    const r = env.run(['browse'], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^engram: browse needs a terminal; in scripts use `engram cards --query Q \[--json\]`\n$/);
  });

  it('a bad --query is refused first, naming the column', () => {
    const r = env.run(['browse', '--query', 'deck:ml is:foo'], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^engram: --query: column 12: unknown is:foo[^\n]*\n$/);
  });
});

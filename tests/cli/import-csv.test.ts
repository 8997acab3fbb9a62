/** The `engram import-csv` contract: arguments, JSON shape, exit codes and one-line errors. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-11-01T09:00:00Z';

describe('engram import-csv', () => {
  it('imports with flags, prints the JSON summary, and refuses bad input with one line and the right exit code', () => {
    const file = env.write('words.txt', 'hola|hello|es\n"adiós"|"good\nbye"|es\n');
    const result = env.json(['import-csv', file, '--deck', 'Spanish', '--delimiter', 'pipe', '--columns', 'front,back,tags'], { now: NOW });
    expect(result).toEqual({
      file, cards: { added: 2, updated: 0, unchanged: 0 }, decks: ['Spanish'], delimiter: '|', header: false, columns: ['front', 'back', 'tags'],
    });
    const listed = env.json(['cards'], { now: NOW }) as Array<{ front: string; back: string; deck: string }>;
    expect(listed.map((c) => [c.deck, c.front, c.back])).toEqual([['Spanish', 'hola', 'hello'], ['Spanish', 'adiós', 'good\nbye']]);

    const human = env.run(['import-csv', file, '--delimiter', '|', '--no-header'], { now: NOW });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('0 added, 0 updated, 2 unchanged');

    const bad = env.write('bad.csv', 'a,b\n"never closed,c\n');
    const r = env.run(['import-csv', bad], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`engram: ${bad}:2: a quoted field is never closed\n`);

    const usage = env.run(['import-csv', file, '--columns', 'front,nope'], { now: NOW });
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    expect(usage.stderr).toContain("--columns: unknown column 'nope'");

    const missing = env.run(['import-csv', env.dir + '/none.csv'], { now: NOW });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none\.csv: no such file\n$/);
    expect((env.json(['cards'], { now: NOW }) as unknown[]).length).toBe(2);
  });
});

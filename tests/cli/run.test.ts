import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { importNotes } from '../../src/collection/import-notes.js';

describe('engram run', () => {
  let env: TempEnv;
  const ids: Record<string, number> = {};
  beforeAll(() => {
    env = tempEnv();
    const note = [
      '# Run', '',
      'Throws?', '?', 'Yes.', '```ts example', 'const n: number = 2;', 'throw new Error(`bad ${n}`);', '```', '',
      'Escapes?', '?', 'Yes.', '```js example', 'console.log("\\x1b]52;c;cHduZWQ=\\x07safe\\x1b[2J");', '```', '',
    ].join('\n');
    const file = env.write('run.md', note);
    withCollectionAt(env.db, Date.now(), (col) => {
      expect(importNotes(col, [file]).errors).toEqual([]);
      col.addCard('Plain', 'no example', 'x');
      for (const card of col.cards({})) ids[card.front] = card.id;
    });
  });
  afterAll(() => env.cleanup());

  it('exits 2 for a bad id and 1 for an unknown card, with one line', () => {
    const bad = env.run(['run', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("engram: invalid card id 'abc': expected a number\n");
    const unknown = env.run(['run', '999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('engram: no card with id 999\n');
  });

  it('exits 2 with one line naming ENGRAM_EXAMPLE_TIMEOUT_MS when it is not a time limit', () => {
    const r = env.run(['run', String(ids['Throws?'])], { env: { ENGRAM_EXAMPLE_TIMEOUT_MS: '5s' } });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("engram: ENGRAM_EXAMPLE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000: '5s'\n");
  });

  it('exits 1 with one line for a card with no example', () => {
    const r = env.run(['run', String(ids['no example'])]);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(`engram: card ${ids['no example']} has no example\n`);
  });

  it('prints an uncaught error with the example line, then a status line; exit 1', () => {
    const r = env.run(['run', String(ids['Throws?'])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: bad 2\n\s+at .*example\.ts:2:\d+/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('engram: example failed (exit code 1)');
    const json = JSON.parse(env.run(['run', String(ids['Throws?']), '--json']).stdout);
    expect(json).toMatchObject({ exitCode: 1, timedOut: false, truncated: false });
  });

  it('strips terminal control sequences from human output, keeps them raw in JSON', () => {
    const r = env.run(['run', String(ids['Escapes?'])]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('safe\n');
    const json = JSON.parse(env.run(['run', String(ids['Escapes?']), '--json']).stdout);
    expect(json.stdout).toContain('\x1b]52;');
  });
});

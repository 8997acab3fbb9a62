/** `engram simulate` through the built CLI: JSON shape, determinism, the 80-column screen, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { setNow } from '../../src/core/index.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { studyDeck } from './fixture.js';

process.env['TZ'] = 'UTC';
const START = Date.parse('2026-09-01T00:00:00Z');
const NOW = '2026-10-05T09:00:00Z';
let env: TempEnv;

beforeAll(() => {
  env = tempEnv();
  const col = Collection.open(env.db);
  studyDeck(col, 'Lang', 80, 30, START);
  col.close();
  setNow(null);
});
afterAll(() => env.cleanup());

describe('engram simulate (CLI)', () => {
  it('--json gives points over 0.70-0.97 and the suggestion, the same for the same seed', () => {
    const out = env.json(['simulate', '--deck', 'Lang', '--days', '90', '--seed', '7', '--json'], { now: NOW });
    expect(out.points).toHaveLength(28);
    expect(out.points[0].desiredRetention).toBe(0.7);
    expect(out.points[27].desiredRetention).toBe(0.97);
    for (const p of out.points) expect(Object.keys(p).sort()).toEqual(['desiredRetention', 'memorized', 'minutesPerDay', 'reviewsPerDay']);
    const best = Math.max(...out.points.map((p: any) => p.memorized / p.minutesPerDay));
    const suggested = out.points.find((p: any) => p.desiredRetention === out.suggested);
    expect(suggested.memorized / suggested.minutesPerDay).toBeCloseTo(best, 1);
    const again = env.json(['simulate', '--deck', 'Lang', '--days', '90', '--seed', '7', '--json'], { now: NOW });
    expect(again.points).toEqual(out.points);
  });

  it('draws the curves and the table within 80 columns and names the suggestion', () => {
    const r = env.run(['simulate', '--days', '60'], { now: NOW });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
    expect(r.stdout).toContain('Minutes per day');
    expect(r.stdout).toMatch(/Suggested desired retention: 0\.\d\d/);
    expect(lines.filter((l) => /^\s+0\.(7|8|9)\d\s/.test(l))).toHaveLength(28);
  });

  it('refuses a bad --days or an unknown deck in one line with exit 2', () => {
    const bad = env.run(['simulate', '--days', 'ten'], { now: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--days');
    const unknown = env.run(['simulate', '--deck', 'Nope'], { now: NOW });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});

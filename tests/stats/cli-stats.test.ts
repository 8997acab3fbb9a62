// Spawns dist/engram.js: run `npm run build` first.
import { afterEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { Collection } from '../../src/collection/index.js';
import { DAY, NOW, insertCard, insertReview } from './synthetic.js';

const AT = new Date(NOW).toISOString();
let env: TempEnv;

afterEach(() => env.cleanup());

/** Deck Alpha: 3 review cards, 5 answers; deck Beta: 1 card, 2 answers. */
function seeded(): TempEnv {
  env = tempEnv();
  const col = Collection.open(env.db);
  col.store.transaction(() => {
    const alpha = col.store.insertDeck('Alpha', NOW - 30 * DAY);
    const beta = col.store.insertDeck('Beta', NOW - 30 * DAY);
    const a = [1, 2, 3].map((n) => insertCard(col, { deckId: alpha, state: 'review', due: NOW + n * DAY, suspended: false, buriedUntil: 0, retired: false }, n));
    const b = insertCard(col, { deckId: beta, state: 'review', due: NOW, suspended: false, buriedUntil: 0, retired: false }, 4);
    const answer = (cardId: number, ago: number, grade: 'again' | 'good', scheduledDays: number) =>
      insertReview(col, { cardId, grade, reviewedAt: NOW - ago * DAY, durationMs: 4000, stateBefore: 'review', scheduledDays });
    answer(a[0]!, 0, 'good', 30);
    answer(a[1]!, 0, 'again', 30);
    answer(a[2]!, 1, 'good', 5);
    answer(a[0]!, 2, 'good', 5);
    answer(a[1]!, 3, 'good', 40);
    answer(b, 0, 'again', 3);
    answer(b, 10, 'good', 3);
  });
  col.close();
  return env;
}

describe('engram stats (spawned)', () => {
  it('prints the plain-text layout when stdout is not a terminal', () => {
    const r = seeded().run(['stats'], { now: AT });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain('Engram statistics · all decks · 2026-12-01');
    expect(r.stdout).toMatch(/Cards\s+4 · 0 new · 0 learning · 4 review/);
    expect(r.stdout).toContain('Reviews per day');
    expect(r.stdout).toContain('True retention');
    expect(r.stdout).toMatch(/today\s+0\.0% 0\/1\s+50\.0% 1\/2\s+33\.3% 1\/3/);
    expect(r.stdout).toContain('Due forecast');
    expect(r.stdout).toContain('Streak    current 4 days · longest 4 days');
    // The log's replay (calibration, leeches by memory) only when asked for.
    expect(r.stdout).toContain('Calibration and leeches by memory: engram stats --calibration');
    const calibrated = seeded().run(['stats', '--calibration'], { now: AT });
    expect(calibrated.code).toBe(0);
    expect(calibrated.stdout).not.toContain('engram stats --calibration');
    expect(calibrated.stdout).toMatch(/^Calibration · /m);
  });

  it('prints JSON with the documented shape', () => {
    const out = seeded().json(['stats'], { now: AT });
    expect(Object.keys(out).sort()).toEqual([
      'averageDifficulty', 'averageStability', 'calibration', 'counts', 'deck', 'forecast', 'generatedAt', 'leeches', 'retention', 'reviewsPerDay',
      'rolloverHour', 'streak', 'time', 'today', 'totalReviews',
    ]);
    expect(out.deck).toBeNull();
    expect(out.leeches).toEqual([]); // too few answers for a leech by memory
    expect(out.totalReviews).toBe(7);
    expect(out.forecast).toHaveLength(30);
    expect(out.forecast.slice(0, 4).map((d: { due: number }) => d.due)).toEqual([1, 1, 1, 1]);
    expect(out.retention.desired).toBe(0.9);
    expect(out.retention.windows.map((w: { days: number }) => w.days)).toEqual([1, 7, 30, 365]);
    expect(out.retention.windows[0].mature).toEqual({ pass: 1, fail: 1, rate: 0.5 });
    expect(out.time.todayMs).toBe(3 * 4000);
    expect(out.reviewsPerDay.at(-1)).toEqual({ date: '2026-12-01', reviews: 3, level: 4 });
  });

  it('filters by --deck', () => {
    const out = seeded().json(['stats', '--deck', 'Beta'], { now: AT });
    expect(out.deck).toBe('Beta');
    expect(out.counts.total).toBe(1);
    expect(out.totalReviews).toBe(2);
    expect(out.forecast[0].due).toBe(1);
    expect(out.forecast[1].due).toBe(0);
    expect(out.retention.windows[3].young).toEqual({ pass: 1, fail: 1, rate: 0.5 });
    expect(out.streak).toEqual({ current: 1, longest: 1 });
  });

  it('says so for an unknown deck, exit 1', () => {
    const r = seeded().run(['stats', '--deck', 'Nope'], { now: AT });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^engram: no deck named 'Nope'/);
  });

  it('greets an empty database with a friendly message and exit 0', () => {
    env = tempEnv();
    const r = env.run(['stats'], { now: AT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No reviews yet. Study with `engram`');
    expect(r.stdout).not.toContain('True retention');
    const json = env.json(['stats'], { now: AT });
    expect(json.totalReviews).toBe(0);
    expect(json.forecast.every((d: { due: number }) => d.due === 0)).toBe(true);
  });
});

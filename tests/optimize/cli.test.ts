/** `engram optimize` through the built CLI (run `npm run build` first). */
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { START } from './helpers.js';
import { TRUE_WEIGHTS, simulateLog, writeLog } from './synthetic-log.js';

process.env['TZ'] = 'UTC';
const envs: TempEnv[] = [];
afterEach(() => {
  for (const env of envs.splice(0)) env.cleanup();
});

function newEnv(): TempEnv {
  const env = tempEnv();
  envs.push(env);
  return env;
}

const NOW = '2027-06-01T09:00:00Z';
const weightsOf = (env: TempEnv, deck: string) => withCollectionAt(env.db, NOW, (col) => col.getOptions(deck)[0]!.options.weights);

describe('engram optimize (CLI)', () => {
  it('with too few reviews says how many more are needed, exits 0 and changes nothing', () => {
    const env = newEnv();
    withCollectionAt(env.db, NOW, (col) => {
      const id = col.addCard('Small', 'q', 'a').id;
      for (const grade of ['again', 'good', 'good'] as const) col.answer(id, grade);
    });

    const text = env.run(['optimize', '--deck', 'Small'], { now: NOW });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe("Only 3 reviews in deck 'Small'; fitting FSRS needs at least 400 (397 more). Nothing changed.\n");

    const json = env.json(['optimize'], { now: NOW });
    expect(json).toEqual({ status: 'too-few-reviews', deck: null, reviews: 3, minimum: 400, needed: 397 });
    expect(weightsOf(env, 'Small')).toBeNull();
  });

  it('--retention points to engram simulate in one line', () => {
    const env = newEnv();
    const r = env.run(['optimize', '--retention', '--deck', 'ML']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain("`engram simulate --deck 'ML'`");
    expect(env.json(['optimize', '--retention'])).toEqual({ retention: null, command: 'engram simulate' });
  });

  it('--json reports the fit and, per deck, the losses before and after and whether it was stored', () => {
    const env = newEnv();
    const store = Store.open(env.db);
    writeLog(store, 'Lang', simulateLog(TRUE_WEIGHTS, { cards: 200, days: 365, seed: 51 }), Date.parse('2026-01-05T00:00:00Z'));
    store.insertDeck('Empty', START);
    store.close();

    const out = env.json(['optimize'], { now: NOW });
    expect(Object.keys(out).sort()).toEqual(['cards', 'deck', 'decks', 'heldOut', 'reviews', 'status', 'warnings', 'weights']);
    expect(Object.keys(out.heldOut).sort()).toEqual(['defaults', 'fitted', 'from', 'trainItems']);
    expect(out.heldOut.fitted.logLoss).toBeLessThan(out.heldOut.defaults.logLoss);
    expect(out.warnings.map((w: { kind: string }) => w.kind)).not.toContain('worse-than-defaults');
    expect(out.status).toBe('fitted');
    expect(out.deck).toBeNull();
    expect(out.cards).toBe(200);
    expect(out.reviews).toBeGreaterThanOrEqual(400);
    expect(out.weights).toHaveLength(21);
    for (const w of out.weights) expect(Number.isFinite(w)).toBe(true);
    const [empty, lang] = out.decks; // decks come in name order
    expect(Object.keys(lang).sort()).toEqual(['after', 'before', 'current', 'deck', 'reviews', 'stored']);
    expect(lang).toMatchObject({ deck: 'Lang', reviews: out.reviews, current: null, stored: true });
    for (const side of [lang.before, lang.after]) {
      expect(Object.keys(side).sort()).toEqual(['count', 'logLoss', 'rmseBins']);
      expect(side.logLoss).toBeGreaterThan(0);
      expect(side.rmseBins).toBeGreaterThanOrEqual(0);
    }
    expect(lang.after.logLoss).toBeLessThan(lang.before.logLoss);
    expect(empty).toEqual({ deck: 'Empty', reviews: 0, current: null, before: null, after: null, stored: false });
    expect(weightsOf(env, 'Lang')).toEqual(out.weights);

    // Run again: the same log gives the same fit, which is not better than itself.
    const again = env.run(['optimize', '--deck', 'Lang'], { now: NOW });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Fitted FSRS to \d+ reviews of 200 cards \(deck 'Lang'\)\./);
    expect(again.stdout).toMatch(/Lang\s+\d+\s+0\.\d{4} → 0\.\d{4}\s+\d+\.\d\d% → \d+\.\d\d%\s+current weights predict as well or better: they stay/);
  });
});

/**
 * Deck options are checked by plain functions (src/core/deck-options.ts), written from the zod
 * schema they replaced at start-up (src/core/deck-options-schema.ts). On random values of every
 * kind, for every option, both accept and refuse the same values and return the same value.
 */
import { describe, expect, it } from 'vitest';
import { DECK_OPTION_KEYS, DEFAULT_DECK_OPTIONS, WEEKDAYS, checkOptionValue, parseOptionValue, readSetOptions } from '../../src/core/index.js';
import { deckOptionsSchema } from '../../src/core/deck-options-schema.js';
import { prng } from '../helpers/prng.js';

/** Values near every option's bounds and of every JSON kind, nested a little. */
function randomValue(rnd: () => number, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const numbers = [0, -0, 1, 2, 4, 8, 19, 20, 23, 24, 99, 100, 999, 1000, 1440, 1441, 3650, 3651, 9999, 10000, 36500, 36501, 99999, 100000,
    0.1, 0.09, 0.5, 0.69, 0.7, 0.9, 0.99, 0.991, 1.5, -1, -0.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, 1e300, Number.MIN_VALUE];
  const strings = ['', '1m', '10m', '1.5h', '2d', '1', 'm', '1x', ' 1m', '1m ', '1.m', '.5m', '01m', '1e3m', 'suspend', 'tag', 'suggest', 'auto',
    'off', 'true', 'false', 'null', 'sun', 'mon', 'reviews', 'stability', '10'];
  switch (Math.floor(rnd() * (depth > 1 ? 4 : 6))) {
    case 0: return rnd() < 0.7 ? pick(numbers) : Math.round((rnd() - 0.3) * 10 ** Math.floor(rnd() * 6)) / pick([1, 1, 10, 100]);
    case 1: return pick(strings);
    case 2: return pick([true, false, null]);
    case 3: return pick(numbers);
    case 4: {
      const kind = rnd();
      const length = pick([0, 1, 2, 3, 10, 11, 18, 19, 20, 21, 22]);
      return Array.from({ length }, () => (kind < 0.4 ? pick(numbers) : kind < 0.8 ? pick(strings) : randomValue(rnd, depth + 1)));
    }
    default: {
      const keys = [...WEEKDAYS, 'reviews', 'stability', 'sunday', 'x', ''];
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(rnd() * 4); i > 0; i--) out[pick(keys)] = rnd() < 0.7 ? pick(numbers) : randomValue(rnd, depth + 1);
      return out;
    }
  }
}

describe('deck option checks', () => {
  it('list the same options, in the same order, with the same defaults as the schema', () => {
    expect(DECK_OPTION_KEYS).toEqual(Object.keys(deckOptionsSchema.shape));
    expect(DEFAULT_DECK_OPTIONS).toEqual(deckOptionsSchema.parse({}));
  });

  it('accept, refuse and return what the zod schema does, on random values', () => {
    const rnd = prng(2026);
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const value = randomValue(rnd);
      for (const key of DECK_OPTION_KEYS) {
        const zod = deckOptionsSchema.shape[key].safeParse(value);
        const plain = checkOptionValue(key, value);
        expect({ key, value, ok: plain.ok, value_: plain.ok ? plain.value : undefined })
          .toEqual({ key, value, ok: zod.success, value_: zod.success ? zod.data : undefined });
        if (plain.ok) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(2000);
  });

  it('accept what the schema accepts for hand-picked values of every option', () => {
    const good: Record<string, unknown[]> = {
      easyDays: [{}, { sun: 0 }, { sat: 0.5, sun: 1 }], leechMemory: [null, { reviews: 2, stability: 0.1 }, { reviews: 10, stability: 3, extra: 1 }],
      weights: [Array.from({ length: 19 }, (_, i) => i / 10), Array.from({ length: 21 }, () => 1)], learningSteps: [[], ['1m', '10m'], Array(10).fill('1d')],
    };
    for (const [key, values] of Object.entries(good)) {
      for (const value of values) {
        const zod = deckOptionsSchema.shape[key as keyof typeof deckOptionsSchema.shape].safeParse(value);
        expect(zod.success).toBe(true);
        expect(checkOptionValue(key as keyof typeof DEFAULT_DECK_OPTIONS, value)).toEqual({ ok: true, value: zod.data });
      }
    }
  });

  it('read stored JSON and parse command-line values as before', () => {
    expect(readSetOptions('{"newPerDay":5,"fuzz":"yes","leechMemory":{"reviews":4,"stability":2,"x":1},"bogus":1}'))
      .toEqual({ newPerDay: 5, leechMemory: { reviews: 4, stability: 2 } });
    expect(readSetOptions('not json')).toEqual({});
    expect(parseOptionValue('easyDays', 'sun=minimum sat=reduced')).toEqual({ key: 'easyDays', value: { sun: 0, sat: 0.5 } });
    expect(() => parseOptionValue('newPerDay', '1.5')).toThrow(/invalid value '1.5' for newPerDay/);
    expect(() => parseOptionValue('weights', '1 2 3')).toThrow(/19 to 21 numbers/);
  });
});

/**
 * The deck options as a zod schema: the specification deck-options.ts's plain checks were
 * written from (they replaced it at start-up, where building it cost about 8 ms). Not imported
 * by engram itself, so it stays out of the bundle; tests/core/deck-options.test.ts checks the
 * plain checks accept, refuse and return exactly what this schema does, on random values.
 */
import * as z from 'zod/mini';
import { WEEKDAYS } from './deck-options.js';

const step = z.string().check(z.regex(/^\d+(\.\d+)?[mhd]$/));
const num = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

export const deckOptionsSchema = z.object({
  /** Probability of recall FSRS aims for when it schedules a review. */
  desiredRetention: z._default(num(0.7, 0.99), 0.9),
  newPerDay: z._default(int(0, 9999), 20),
  reviewsPerDay: z._default(int(0, 99999), 200),
  learningSteps: z._default(z.array(step).check(z.maxLength(10)), ['1m', '10m']),
  relearningSteps: z._default(z.array(step).check(z.maxLength(10)), ['10m']),
  /** Longest interval in days. */
  maximumInterval: z._default(int(1, 36500), 36500),
  fuzz: z._default(z.boolean(), true),
  /** With fuzz on, each review's day is picked in the fuzz range where fewer reviews are due (Anki's load balancer). */
  loadBalance: z._default(z.boolean(), true),
  /** Week days kept light: a load factor per day (1 normal, 0.5 reduced, 0 minimum); needs loadBalance. */
  easyDays: z._default(z.partialRecord(z.enum(WEEKDAYS), num(0, 1)), {}),
  /** Local hour at which a new study day starts. */
  rolloverHour: z._default(int(0, 23), 4),
  /** A learning card due within this many minutes is shown now rather than making the session wait. */
  learnAheadMinutes: z._default(int(0, 1440), 20),
  /** Lapses after which a card is a leech. */
  leechThreshold: z._default(int(1, 99), 8),
  leechAction: z._default(z.enum(['suspend', 'tag']), 'suspend'),
  /** A leech by memory too: stability still below `stability` days after `reviews` answers; null is off. */
  leechMemory: z._default(z.nullable(z.object({ reviews: int(2, 999), stability: num(0.1, 3650) })), null),
  /** Bury the other cards of the same note item until the next day once one is answered. */
  burySiblings: z._default(z.boolean(), true),
  /** FSRS weights; null means the defaults of ts-fsrs until fitted to the user's history. */
  weights: z._default(z.nullable(z.array(z.number()).check(z.minLength(19), z.maxLength(21))), null),
  /** Cards found in prose: `suggest` waits for `engram triage`, `auto` puts them in the queue, `off` makes none. */
  proseCards: z._default(z.enum(['suggest', 'auto', 'off']), 'suggest'),
});

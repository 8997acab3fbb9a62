/**
 * Per-deck options, validated with zod so `engram config` can refuse a bad value and say what
 * is allowed. Stored as JSON in the deck row; missing keys take the defaults below.
 */
import * as z from 'zod/mini';
import { UsageError } from './errors.js';

// zod/mini rather than zod: the same validation at a fraction of the bundle size, which
// every engram command pays for at start-up.
const step = z.string().check(z.regex(/^\d+(\.\d+)?[mhd]$/));
const num = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/** Week days as easyDays names them, Sunday first (Date.getDay order). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Anki's easy-day settings as load factors. */
export const EASY_DAY_WORDS: Readonly<Record<string, number>> = { normal: 1, reduced: 0.5, minimum: 0 };

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

export type DeckOptions = z.infer<typeof deckOptionsSchema>;
export type DeckOptionKey = keyof DeckOptions;
export type ProseCardsMode = DeckOptions['proseCards'];
export const PROSE_CARDS_MODES: readonly ProseCardsMode[] = ['suggest', 'auto', 'off'];

export const DEFAULT_DECK_OPTIONS: DeckOptions = deckOptionsSchema.parse({});

export const DECK_OPTION_KEYS = Object.keys(deckOptionsSchema.shape) as DeckOptionKey[];

/** Reads stored JSON leniently: unknown keys dropped, invalid values replaced by defaults. */
export function readDeckOptions(json: string | null): DeckOptions {
  return { ...DEFAULT_DECK_OPTIONS, ...readSetOptions(json) };
}

/**
 * The options a deck sets itself, from stored JSON, leniently: unknown keys and invalid values
 * are left out (so they fall back to the parent deck's or the default).
 */
export function readSetOptions(json: string | null): Partial<DeckOptions> {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    raw = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    raw = {};
  }
  const out: Record<string, unknown> = {};
  for (const key of DECK_OPTION_KEYS) {
    // Only the keys the deck sets: validating an absent key costs as much and yields nothing.
    if (raw[key] === undefined) continue;
    const parsed = deckOptionsSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<DeckOptions>;
}

/** Human description of the allowed values of one option, for error messages. */
export function describeAllowed(key: DeckOptionKey): string {
  switch (key) {
    case 'desiredRetention': return 'a number from 0.7 to 0.99';
    case 'newPerDay': return 'a whole number from 0 to 9999';
    case 'reviewsPerDay': return 'a whole number from 0 to 99999';
    case 'learningSteps':
    case 'relearningSteps': return 'space- or comma-separated steps like "1m 10m" (m, h or d), at most 10';
    case 'maximumInterval': return 'a whole number of days from 1 to 36500';
    case 'fuzz':
    case 'burySiblings': return 'true or false';
    case 'loadBalance': return 'true or false (it acts only with fuzz on)';
    case 'easyDays': return 'week days with a load factor, like "sun=minimum sat=reduced" or "sun=0.5" (normal 1, reduced 0.5, minimum 0), or "none"';
    case 'leechMemory': return 'off, or REVIEWS:DAYS like "10:3" (a leech while stability is below DAYS days after REVIEWS answers)';
    case 'rolloverHour': return 'a whole hour from 0 to 23';
    case 'learnAheadMinutes': return 'a whole number of minutes from 0 to 1440';
    case 'leechThreshold': return 'a whole number of lapses from 1 to 99';
    case 'leechAction': return 'suspend or tag';
    case 'weights': return 'a list of 19 to 21 numbers, or "default"';
    case 'proseCards': return 'suggest, auto or off';
  }
}

/** Parses a command-line value for `key`; throws a UsageError naming the allowed range. */
export function parseOptionValue(key: string, value: string): { key: DeckOptionKey; value: DeckOptions[DeckOptionKey] } {
  if (!(DECK_OPTION_KEYS as string[]).includes(key)) {
    throw new UsageError(`unknown option '${key}' (known: ${DECK_OPTION_KEYS.join(', ')})`);
  }
  const k = key as DeckOptionKey;
  let candidate: unknown = value;
  const trimmed = value.trim();
  if (k === 'learningSteps' || k === 'relearningSteps') {
    candidate = trimmed === '' ? [] : trimmed.split(/[\s,]+/);
  } else if (k === 'weights') {
    candidate = trimmed === 'default' || trimmed === 'null' ? null : trimmed.split(/[\s,]+/).map(Number);
  } else if (k === 'fuzz' || k === 'burySiblings' || k === 'loadBalance') {
    candidate = trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  } else if (k === 'easyDays') {
    candidate = parseEasyDays(trimmed);
  } else if (k === 'leechMemory') {
    const m = /^(\d+):(\d+(?:\.\d+)?)d?$/.exec(trimmed);
    candidate = trimmed === 'off' || trimmed === 'null' ? null : m ? { reviews: Number(m[1]), stability: Number(m[2]) } : trimmed;
  } else if (k !== 'leechAction' && k !== 'proseCards') {
    candidate = trimmed === '' ? NaN : Number(trimmed);
  }
  const parsed = deckOptionsSchema.shape[k].safeParse(candidate);
  if (!parsed.success) throw new UsageError(`invalid value '${value}' for ${k}: expected ${describeAllowed(k)}`);
  return { key: k, value: parsed.data as DeckOptions[DeckOptionKey] };
}

/** "sun=minimum sat=0.5" as { sun: 0, sat: 0.5 }; "none" or "" as {}; anything else as itself, for zod to refuse. */
function parseEasyDays(text: string): unknown {
  if (text === '' || text === 'none' || text === 'normal') return {};
  const out: Record<string, number> = {};
  for (const token of text.split(/[\s,]+/)) {
    const m = /^([a-z]+)[=:]([a-z]+|\d+(?:\.\d+)?)$/i.exec(token);
    if (!m) return text;
    const word = m[2]!.toLowerCase();
    const value = Object.hasOwn(EASY_DAY_WORDS, word) ? EASY_DAY_WORDS[word]! : Number(word);
    if (Number.isNaN(value)) return text;
    out[m[1]!.toLowerCase()] = value;
  }
  return out;
}

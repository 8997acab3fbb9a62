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
  /** Local hour at which a new study day starts. */
  rolloverHour: z._default(int(0, 23), 4),
  /** A learning card due within this many minutes is shown now rather than making the session wait. */
  learnAheadMinutes: z._default(int(0, 1440), 20),
  /** Lapses after which a card is a leech. */
  leechThreshold: z._default(int(1, 99), 8),
  leechAction: z._default(z.enum(['suspend', 'tag']), 'suspend'),
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
    const parsed = deckOptionsSchema.shape[key].safeParse(raw[key]);
    if (raw[key] !== undefined && parsed.success) out[key] = parsed.data;
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
  } else if (k === 'fuzz' || k === 'burySiblings') {
    candidate = trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  } else if (k !== 'leechAction' && k !== 'proseCards') {
    candidate = trimmed === '' ? NaN : Number(trimmed);
  }
  const parsed = deckOptionsSchema.shape[k].safeParse(candidate);
  if (!parsed.success) throw new UsageError(`invalid value '${value}' for ${k}: expected ${describeAllowed(k)}`);
  return { key: k, value: parsed.data as DeckOptions[DeckOptionKey] };
}

/**
 * Per-deck options, validated so `engram config` can refuse a bad value and say what is allowed.
 * Stored as JSON in the deck row; missing keys take the defaults below.
 *
 * The checks are plain functions rather than zod: every command reads the decks' options, and
 * loading zod and building the schema cost about 8 ms of the review's start. The zod schema they
 * replace is kept as their specification (deck-options-schema.ts); tests/core/deck-options.test.ts
 * checks they accept, refuse and return exactly what it does, on random values.
 */
import { UsageError } from './errors.js';

/** Week days as easyDays names them, Sunday first (Date.getDay order). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Anki's easy-day settings as load factors. */
export const EASY_DAY_WORDS: Readonly<Record<string, number>> = { normal: 1, reduced: 0.5, minimum: 0 };

export interface DeckOptions {
  /** Probability of recall FSRS aims for when it schedules a review. */
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: string[];
  relearningSteps: string[];
  /** Longest interval in days. */
  maximumInterval: number;
  fuzz: boolean;
  /** With fuzz on, each review's day is picked in the fuzz range where fewer reviews are due (Anki's load balancer). */
  loadBalance: boolean;
  /** Week days kept light: a load factor per day (1 normal, 0.5 reduced, 0 minimum); needs loadBalance. */
  easyDays: Partial<Record<Weekday, number>>;
  /** Local hour at which a new study day starts. */
  rolloverHour: number;
  /** A learning card due within this many minutes is shown now rather than making the session wait. */
  learnAheadMinutes: number;
  /** Lapses after which a card is a leech. */
  leechThreshold: number;
  leechAction: 'suspend' | 'tag';
  /** A leech by memory too: stability still below `stability` days after `reviews` answers; null is off. */
  leechMemory: { reviews: number; stability: number } | null;
  /** Bury the other cards of the same note item until the next day once one is answered. */
  burySiblings: boolean;
  /** FSRS weights; null means the defaults of ts-fsrs until fitted to the user's history. */
  weights: number[] | null;
  /** Cards found in prose: `suggest` waits for `engram triage`, `auto` puts them in the queue, `off` makes none. */
  proseCards: 'suggest' | 'auto' | 'off';
}

export type DeckOptionKey = keyof DeckOptions;
export type ProseCardsMode = DeckOptions['proseCards'];
export const PROSE_CARDS_MODES: readonly ProseCardsMode[] = ['suggest', 'auto', 'off'];

/** The defaults, in the order `engram config` lists the options. */
export const DEFAULT_DECK_OPTIONS: DeckOptions = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  fuzz: true,
  loadBalance: true,
  easyDays: {},
  rolloverHour: 4,
  learnAheadMinutes: 20,
  leechThreshold: 8,
  leechAction: 'suspend',
  leechMemory: null,
  burySiblings: true,
  weights: null,
  proseCards: 'suggest',
};

export const DECK_OPTION_KEYS = Object.keys(DEFAULT_DECK_OPTIONS) as DeckOptionKey[];

// Each check returns the value to store, or INVALID. As zod's number(), a number is finite;
// as its int(), a whole number is a safe integer; objects are plain (not arrays), and an object
// value comes back as a new object with only its known keys.
const INVALID = Symbol('invalid');
type Check<T> = (value: unknown) => T | typeof INVALID;

const STEP = /^\d+(\.\d+)?[mhd]$/;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (min: number, max: number): Check<number> => (v) => (isNumber(v) && v >= min && v <= max ? v : INVALID);
const int = (min: number, max: number): Check<number> => (v) => (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : INVALID);
const bool: Check<boolean> = (v) => (typeof v === 'boolean' ? v : INVALID);
const oneOf = <T extends string>(values: readonly T[]): Check<T> => (v) => ((values as readonly unknown[]).includes(v) ? (v as T) : INVALID);
const steps: Check<string[]> = (v) =>
  Array.isArray(v) && v.length <= 10 && v.every((s) => typeof s === 'string' && STEP.test(s)) ? [...(v as string[])] : INVALID;

const CHECKS: { [K in DeckOptionKey]: Check<DeckOptions[K]> } = {
  desiredRetention: num(0.7, 0.99),
  newPerDay: int(0, 9999),
  reviewsPerDay: int(0, 99999),
  learningSteps: steps,
  relearningSteps: steps,
  maximumInterval: int(1, 36500),
  fuzz: bool,
  loadBalance: bool,
  easyDays: (v) => {
    if (!isObject(v)) return INVALID;
    const factor = num(0, 1);
    const out: Partial<Record<Weekday, number>> = {};
    for (const [day, value] of Object.entries(v)) {
      const f = factor(value);
      if (!(WEEKDAYS as readonly string[]).includes(day) || f === INVALID) return INVALID;
      out[day as Weekday] = f;
    }
    return out;
  },
  rolloverHour: int(0, 23),
  learnAheadMinutes: int(0, 1440),
  leechThreshold: int(1, 99),
  leechAction: oneOf(['suspend', 'tag'] as const),
  leechMemory: (v) => {
    if (v === null) return null;
    if (!isObject(v)) return INVALID;
    const reviews = int(2, 999)(v['reviews']);
    const stability = num(0.1, 3650)(v['stability']);
    return reviews === INVALID || stability === INVALID ? INVALID : { reviews, stability };
  },
  burySiblings: bool,
  weights: (v) => (v === null ? null : Array.isArray(v) && v.length >= 19 && v.length <= 21 && v.every(isNumber) ? [...(v as number[])] : INVALID),
  proseCards: oneOf(PROSE_CARDS_MODES),
};

/** The value `key` stores for `value`, or `{ ok: false }` when it is not allowed. */
export function checkOptionValue<K extends DeckOptionKey>(key: K, value: unknown): { ok: true; value: DeckOptions[K] } | { ok: false } {
  const checked = (CHECKS[key] as Check<DeckOptions[K]>)(value);
  return checked === INVALID ? { ok: false } : { ok: true, value: checked };
}

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
    const checked = checkOptionValue(key, raw[key]);
    if (checked.ok) out[key] = checked.value;
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
  const checked = checkOptionValue(k, candidate);
  if (!checked.ok) throw new UsageError(`invalid value '${value}' for ${k}: expected ${describeAllowed(k)}`);
  return { key: k, value: checked.value };
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

/**
 * The single source of "now". Every module that needs the time calls `now()`; setting
 * `ENGRAM_NOW` (an ISO time) moves the whole program to that instant, so tests and scripts
 * can travel through days.
 */
import { EngramError } from './errors.js';
import { isPlausibleTime } from './time-range.js';

let override: number | null = null;

/** ENGRAM_NOW as last parsed: now() runs once per card in some loops (`engram due --json`). */
let fromEnvParsed: { text: string; time: number } | null = null;

/** Current time in epoch milliseconds. */
export function now(): number {
  if (override !== null) return override;
  const fromEnv = process.env['ENGRAM_NOW'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnvParsed?.text !== fromEnv) fromEnvParsed = { text: fromEnv, time: parseEngramNow(fromEnv) };
    return fromEnvParsed.time;
  }
  return Date.now();
}

// Date.parse also takes '0', '12' or 'Mon, 01 Dec 2026' (implementation-defined): only ISO 8601 is a time here.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** ENGRAM_NOW as epoch milliseconds: an ISO 8601 time between 1970 and 2200, else a usage error. */
export function parseEngramNow(value: string): number {
  const t = ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new EngramError(`ENGRAM_NOW is not an ISO time: ${value}`, 2);
  if (!isPlausibleTime(t)) throw new EngramError(`ENGRAM_NOW is outside 1970..2200: ${value}`, 2);
  return t;
}

/**
 * The real time in nanoseconds, only to compare with file modification times (the import's
 * racy-file rule): ENGRAM_NOW moves the program's days, not the file system's clock.
 */
export function fileClockNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** Pins the clock (tests); `null` returns to ENGRAM_NOW or the system clock. */
export function setNow(time: number | Date | null): void {
  override = time === null ? null : typeof time === 'number' ? time : time.getTime();
}

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Start of the study day that contains `time`: days roll over at `rolloverHour` local time
 * (Anki's "next day starts at"), so a late-night session still counts as the same day.
 */
export function dayStart(time: number, rolloverHour: number): number {
  const d = new Date(time);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), rolloverHour, 0, 0, 0);
  if (start.getTime() > time) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** Start of the next study day after `time`. */
export function nextDayStart(time: number, rolloverHour: number): number {
  const start = new Date(dayStart(time, rolloverHour));
  start.setDate(start.getDate() + 1);
  return start.getTime();
}

/**
 * The single source of "now". Every module that needs the time calls `now()`; setting
 * `ENGRAM_NOW` (an ISO time) moves the whole program to that instant, so tests and scripts
 * can travel through days.
 */
import { EngramError } from './errors.js';

let override: number | null = null;

/** Current time in epoch milliseconds. */
export function now(): number {
  if (override !== null) return override;
  const fromEnv = process.env['ENGRAM_NOW'];
  if (fromEnv) {
    const t = Date.parse(fromEnv);
    if (Number.isNaN(t)) throw new EngramError(`ENGRAM_NOW is not an ISO time: ${fromEnv}`, 2);
    return t;
  }
  return Date.now();
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

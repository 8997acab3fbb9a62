/** Calendar arithmetic on zone-less dates (UTC underneath, so no daylight-saving surprises). */
import type { CalendarDate } from './types.js';

const DAY_MS = 86_400_000;

function toUtc(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtc(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The date `n` days after `date` (negative: before). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(date: CalendarDate): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

/** "2026-12-01" */
export function isoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

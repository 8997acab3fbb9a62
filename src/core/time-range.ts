/**
 * The one check of times that come from outside (backups, Anki packages, ENGRAM_NOW). Times are
 * epoch milliseconds; outside 1970..2200 a value is a corrupt or hostile file, not a memory, and
 * letting it in breaks later on (`new Date(9e15)` is an Invalid Date, SQLite refuses unsafe integers).
 */
export const MIN_PLAUSIBLE_TIME = Date.UTC(1970, 0, 1);
export const MAX_PLAUSIBLE_TIME = Date.UTC(2200, 0, 1);

export function isPlausibleTime(ms: number): boolean {
  return Number.isInteger(ms) && ms >= MIN_PLAUSIBLE_TIME && ms <= MAX_PLAUSIBLE_TIME;
}

/** `field: …` when `ms` is not a whole number of milliseconds between 1970 and 2200, else null. */
export function timeProblem(ms: number, field: string): string | null {
  if (isPlausibleTime(ms)) return null;
  return `${field}: ${String(ms)} is not a time between 1970 and 2200 (epoch milliseconds)`;
}

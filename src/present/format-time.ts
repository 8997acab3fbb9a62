const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "in 3m", "in 2h", "in 5d" — how long until a time. */
export function until(time: number, now: number): string {
  const ms = Math.max(0, time - now);
  if (ms < MINUTE) return 'in less than a minute';
  if (ms < HOUR) return `in ${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `in ${Math.round(ms / HOUR)}h`;
  return `in ${Math.round(ms / DAY)}d`;
}

/** "4m 05s" */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}m ${String(s).padStart(2, '0')}s` : `${s}s`;
}

/** Local wall-clock time, "Tue 09:00". */
export function clockTime(time: number): string {
  const d = new Date(time);
  const day = d.toLocaleDateString('en-GB', { weekday: 'short' });
  return `${day} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

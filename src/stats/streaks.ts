/** Study streaks: runs of consecutive study days with at least one answer. */

/**
 * `agos` are the study days with answers (0 = today). The current streak ends today, or
 * yesterday when nothing was answered yet today: the day is not over, so the streak is alive.
 */
export function studyStreaks(agos: Iterable<number>): { current: number; longest: number } {
  const days = [...new Set(agos)].filter((a) => a >= 0).sort((a, b) => a - b);
  const active = new Set(days);
  let current = 0;
  for (let ago = active.has(0) ? 0 : 1; active.has(ago); ago++) current++;
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const ago of days) {
    run = ago === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = ago;
  }
  return { current, longest };
}

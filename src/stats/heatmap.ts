/** The reviews-per-day calendar: GitHub-style columns of weeks, Monday to Sunday. */
import { addDays, weekday } from './calendar.js';
import type { CalendarDate, DayActivity, Heatmap, HeatmapCell } from './types.js';

/** Level 1–4 of a day: which quarter of the busiest day's count it reaches. */
export function heatLevel(reviews: number, max: number): number {
  if (reviews <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((reviews / max) * 4)));
}

/**
 * The last `weeks` weeks ending with today's week. Days after today and before the first
 * shown day are null so the grid stays rectangular.
 */
export function buildHeatmap(today: CalendarDate, activity: readonly DayActivity[], weeks = 53): Heatmap {
  const byAgo = new Map<number, number>();
  for (const day of activity) byAgo.set(day.ago, (byAgo.get(day.ago) ?? 0) + day.reviews);
  const todaySlot = weekday(today);
  const firstAgo = (weeks - 1) * 7 + todaySlot;
  let max = 0;
  for (let ago = 0; ago <= firstAgo; ago++) max = Math.max(max, byAgo.get(ago) ?? 0);
  let reviews = 0;
  let activeDays = 0;
  const columns: Array<Array<HeatmapCell | null>> = [];
  for (let w = 0; w < weeks; w++) {
    const column: Array<HeatmapCell | null> = [];
    for (let slot = 0; slot < 7; slot++) {
      const ago = firstAgo - (w * 7 + slot);
      if (ago < 0) {
        column.push(null);
        continue;
      }
      const count = byAgo.get(ago) ?? 0;
      reviews += count;
      if (count > 0) activeDays++;
      column.push({ date: addDays(today, -ago), reviews: count, level: heatLevel(count, max) });
    }
    columns.push(column);
  }
  const thresholds = [1, 2, 3, 4].map((level) => Math.max(1, Math.floor(((level - 1) * max) / 4) + 1)) as Heatmap['thresholds'];
  return { weeks: columns, thresholds, max, reviews, activeDays };
}

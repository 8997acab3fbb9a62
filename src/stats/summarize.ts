/** All statistics from aggregated rows: the one entry point of the stats domain. */
import { addDays } from './calendar.js';
import { buildHeatmap } from './heatmap.js';
import { retentionWindow } from './retention.js';
import { studyStreaks } from './streaks.js';
import type { StatsInput, StatsSummary } from './types.js';

/** Windows of the retention table, in study days (today included). */
export const RETENTION_WINDOWS = [1, 7, 30, 365] as const;
/** Days of "time spent over the period". */
export const PERIOD_DAYS = 365;

export function summarizeStats(input: StatsInput, options: { heatmapWeeks?: number } = {}): StatsSummary {
  let todayMs = 0;
  let periodMs = 0;
  let totalReviews = 0;
  for (const day of input.days) {
    totalReviews += day.reviews;
    if (day.ago === 0) todayMs += day.durationMs;
    if (day.ago >= 0 && day.ago < PERIOD_DAYS) periodMs += day.durationMs;
  }
  return {
    today: input.today,
    counts: input.counts,
    averageStability: input.averageStability,
    averageDifficulty: input.averageDifficulty,
    desiredRetention: input.desiredRetention,
    totalReviews,
    time: { todayMs, periodMs, periodDays: PERIOD_DAYS },
    streak: studyStreaks(input.days.filter((d) => d.reviews > 0).map((d) => d.ago)),
    retention: RETENTION_WINDOWS.map((days) => retentionWindow(input.days, days)),
    heatmap: buildHeatmap(input.today, input.days, options.heatmapWeeks),
    forecast: input.forecast.map((due, inDays) => ({ inDays, date: addDays(input.today, inDays), due })),
  };
}

/** `engram stats`: the Ink view in a terminal, the same layout as plain text otherwise, JSON for scripts. */
import type { Collection } from '../../collection/index.js';
import { collectionStats, isoDate, type CollectionStats } from '../../collection/stats.js';
import { statsLines } from '../../present/stats/lines.js';
import { colorEnabled } from '../../present/color.js';
import { plainText } from '../../present/stats/plain.js';
import { printJson } from '../format.js';

export async function statsCommand(col: Collection, opts: { deck?: string; json?: boolean; calibration?: boolean }): Promise<void> {
  const wide = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
  // The heatmap shrinks to the terminal so a narrow window shows recent weeks, not wrapped rows.
  const heatmapWeeks = Math.max(4, Math.min(53, wide - 8));
  // The calibration replays the whole log (about a second per 250,000 answers): the screen
  // shows it when asked, the JSON always has it.
  const calibration = Boolean(opts.json || opts.calibration);
  const stats = collectionStats(col, { ...(opts.deck ? { deck: opts.deck } : {}), heatmapWeeks: opts.json ? 53 : heatmapWeeks, calibration });
  if (opts.json) return printJson(statsJson(stats));
  const lines = statsLines(stats);
  // Ink redraws in place, and a frame taller than the window is cleared away: a short window
  // gets the same lines written once, coloured like the Ink view.
  if (process.stdout.isTTY && lines.length < (process.stdout.rows ?? 0)) {
    const { runStatsView } = await import('../../tui/stats/index.js');
    await runStatsView(stats, colorEnabled());
    return;
  }
  // Piped: plain characters, colour only when forced.
  const color = process.stdout.isTTY ? colorEnabled() : !process.env['NO_COLOR'] && Boolean(process.env['FORCE_COLOR']);
  process.stdout.write(plainText(lines, color));
}

/** The JSON contract: dates as ISO days, durations in ms, rates as fractions (null when nothing was answered). */
export function statsJson(stats: CollectionStats) {
  return {
    deck: stats.deck,
    today: isoDate(stats.today),
    generatedAt: new Date(stats.generatedAt).toISOString(),
    rolloverHour: stats.rolloverHour,
    counts: stats.counts,
    averageStability: stats.averageStability,
    averageDifficulty: stats.averageDifficulty,
    totalReviews: stats.totalReviews,
    time: stats.time,
    streak: stats.streak,
    retention: { desired: stats.desiredRetention, windows: stats.retention },
    forecast: stats.forecast.map((d) => ({ date: isoDate(d.date), inDays: d.inDays, due: d.due })),
    calibration: stats.calibration.map((b) => ({ predicted: b.predicted, actual: b.actual, count: b.count })),
    leeches: stats.leeches.map((l) => ({
      id: l.id, front: l.front, deck: l.deck, reviews: l.reviews, stability: l.stability,
      predicted: l.predicted, observed: l.observed, tagged: l.tagged,
    })),
    reviewsPerDay: stats.heatmap.weeks.flat().flatMap((cell) => (cell && cell.reviews > 0 ? [{ date: isoDate(cell.date), reviews: cell.reviews, level: cell.level }] : [])),
  };
}

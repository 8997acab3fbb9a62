/**
 * `engram stats` as a use-case: works out the study days (the rollover hour, the clock), has
 * the store aggregate the log over them, and hands plain rows to the stats domain.
 */
import { DEFAULT_DECK_OPTIONS, dayStart, nextDayStart, now, type DeckOptions } from '../core/index.js';
import { MATURE_DAYS, RETENTION_WINDOWS, summarizeStats, type CalendarDate, type DayActivity, type StatsSummary } from '../stats/index.js';
import { StatsQueries, type CardAggregate, type DayBounds } from '../store/stats.js';
import { ALL_DECKS, QUARTER_MS } from '../store/index.js';
import type { Collection } from './collection.js';
import { calibrationView, LEECHES_SHOWN } from './calibration.js';
import type { MemoryLeech } from './leeches.js';
import type { CalibrationBin } from '../scheduler/calibration.js';

// What the screens and the CLI need of the stats vocabulary: they reach the domain only through here.
export { isoDate } from '../stats/index.js';
export type { CalendarDate, Heatmap, PassRate, StatsSummary } from '../stats/index.js';

/** Days of the due forecast, today included. */
export const FORECAST_DAYS = 30;

export interface CollectionStats extends StatsSummary {
  /** The deck asked for, null for all decks. */
  deck: string | null;
  rolloverHour: number;
  generatedAt: number;
  /** Predicted recall (current weights) against the observed pass rate, in bins. */
  calibration: CalibrationBin[];
  /** The worst leeches by memory (collection/leeches.ts), from the calibration's replay. */
  leeches: MemoryLeech[];
  /** False when the caller did not ask for the calibration replay (calibration and leeches are empty). */
  calibrated: boolean;
}

export interface StatsOptions {
  /** A deck and its sub-decks; all decks when absent. */
  deck?: string;
  heatmapWeeks?: number;
  /** Replay the log for the calibration and the leeches by memory (default true). */
  calibration?: boolean;
  /**
   * Compute from the cards and the log themselves rather than the counts the store keeps
   * (migration 10) and the calibration cache: the reference the kept counts are tested against.
   */
  simple?: boolean;
}

export function collectionStats(col: Collection, options: StatsOptions = {}): CollectionStats {
  // One read transaction: counts, forecast and retention describe the same moment.
  const pending: Array<() => void> = [];
  if (options.simple !== true) col.store.keepCardCountsCurrent();
  const stats = col.store.readTransaction(() => computeStats(col, options, pending));
  // The calibration of decks whose log changed since it was cached, kept for next time; a
  // read-only or busy database just computes it again then.
  if (pending.length > 0 && !col.store.readOnly) {
    try {
      col.store.transaction(() => pending.forEach((write) => write()));
    } catch {
      // best effort: a cache
    }
  }
  return stats;
}

function computeStats(col: Collection, options: StatsOptions, pending: Array<() => void>): CollectionStats {
  const time = now();
  const decks = col.deckScope(options.deck);
  const deckIds = options.deck ? decks.map((d) => d.id) : null;
  const deckName = options.deck ? col.deckScopeName(options.deck) : null;
  const simple = options.simple === true;
  const deckOptions = decks.map((d) => ({ id: d.id, options: col.deckOptions(d.id) }));
  const rolloverHour = sharedRolloverHour(deckOptions.map((d) => d.options));
  const queries = new StatsQueries(col.store);
  const todayStart = dayStart(time, rolloverHour);

  const first = queries.firstReviewAt();
  const past = first === null ? [] : studyDaysBack(Math.min(first, todayStart), time, rolloverHour);
  const days = first === null ? [] : simple || !onQuarterHours(past) ? activity(queries, past, deckIds) : keptActivity(col, past, deckIds);

  const ahead = studyDaysAhead(time, rolloverHour, FORECAST_DAYS);
  const forecast = new Array<number>(FORECAST_DAYS).fill(0);
  for (const d of deckOptions) {
    for (const row of queries.forecastOfDeck(ahead, d.id)) forecast[row.bucket] = (forecast[row.bucket] ?? 0) + row.due;
  }

  const cards = simple ? cardCountsOf(queries, time, deckIds) : keptCardCounts(col, time, deckIds);
  const { averageStability, averageDifficulty, ...counts } = cards;
  const desiredRetention = meanRetention(deckOptions.map((d) => d.options));
  const summary = summarizeStats(
    { today: calendarDate(todayStart), days, forecast, counts, averageStability, averageDifficulty, desiredRetention },
    options.heatmapWeeks === undefined ? {} : { heatmapWeeks: options.heatmapWeeks },
  );
  const calibrated = options.calibration ?? true;
  const { calibration, leeches } = calibrated
    ? calibrationView(col, decks.map((d) => d.id), LEECHES_SHOWN, simple ? null : pending)
    : { calibration: [], leeches: [] };
  return { ...summary, deck: deckName, rolloverHour, generatedAt: time, calibration, leeches, calibrated };
}

/** Whether every day starts and ends on a quarter hour, the unit the kept log counts use (true in every time zone of today). */
function onQuarterHours(days: DayBounds): boolean {
  return MATURE_DAYS === 21 && days.every(([start, end]) => start % QUARTER_MS === 0 && end % QUARTER_MS === 0);
}

/** activity() from the per-quarter-hour counts migration 10 keeps, summed per study day. */
function keptActivity(col: Collection, past: DayBounds, deckIds: readonly number[] | null): DayActivity[] {
  const byBucket = new Map<number, DayActivity>();
  for (const deckId of deckIds ?? [ALL_DECKS]) {
    for (const row of col.store.reviewQuarters(past, deckId)) {
      let entry = byBucket.get(row.bucket);
      if (!entry) {
        entry = { ago: past.length - 1 - row.bucket, reviews: 0, durationMs: 0, youngPass: 0, youngFail: 0, maturePass: 0, matureFail: 0 };
        byBucket.set(row.bucket, entry);
      }
      entry.reviews += row.reviews;
      entry.durationMs += row.durationMs;
      // Pass/fail only over the longest retention window, as activity() reads it.
      if (entry.ago < Math.max(...RETENTION_WINDOWS)) {
        entry.youngPass += row.youngPass;
        entry.youngFail += row.youngFail;
        entry.maturePass += row.maturePass;
        entry.matureFail += row.matureFail;
      }
    }
  }
  return [...byBucket.values()].filter((d) => d.reviews > 0);
}

/** Card counts of some decks (null: all) from the cards themselves. */
function cardCountsOf(queries: StatsQueries, time: number, deckIds: readonly number[] | null): CardAggregate {
  return queries.cardCounts(time, deckIds);
}

/** Card counts from the per-deck class counts migration 13 keeps, and the cards buried now. */
function keptCardCounts(col: Collection, time: number, deckIds: readonly number[] | null): CardAggregate {
  const wanted = deckIds === null ? null : new Set(deckIds);
  const out: CardAggregate = { total: 0, new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, buried: 0, averageStability: null, averageDifficulty: null };
  let studied = 0;
  let stability = 0;
  let difficulty = 0;
  for (const c of col.store.deckCardCounts()) {
    if (c.status !== 'accepted' || (wanted && !wanted.has(c.deckId))) continue;
    out.total += c.count;
    if (c.suspended) out.suspended += c.count;
    else if (c.state === 'new' || c.state === 'learning' || c.state === 'review' || c.state === 'relearning') out[c.state] += c.count;
    if (c.state !== 'new') {
      studied += c.count;
      stability += c.stability;
      difficulty += c.difficulty;
    }
  }
  for (const b of col.store.buriedCounts(time)) {
    if (wanted && !wanted.has(b.deckId)) continue;
    out.buried += b.count;
    if (b.state === 'new' || b.state === 'learning' || b.state === 'review' || b.state === 'relearning') out[b.state] -= b.count;
  }
  if (studied > 0) {
    out.averageStability = stability / studied;
    out.averageDifficulty = difficulty / studied;
  }
  return out;
}

/** Study days from the one containing `from` up to today's, oldest first, as [start, end). */
function studyDaysBack(from: number, time: number, rolloverHour: number): DayBounds {
  const out: Array<[number, number]> = [];
  const last = dayStart(time, rolloverHour);
  for (let start = dayStart(from, rolloverHour); start <= last; start = nextDayStart(start, rolloverHour)) {
    out.push([start, nextDayStart(start, rolloverHour)]);
  }
  return out;
}

/**
 * The log per study day: answers and time over the whole history (for streaks), pass/fail
 * only over the longest retention window, since reading the interval from JSON is the costly part.
 */
function activity(queries: StatsQueries, past: DayBounds, deckIds: readonly number[] | null): DayActivity[] {
  const byBucket = new Map<number, DayActivity>();
  const day = (bucket: number): DayActivity => {
    let entry = byBucket.get(bucket);
    if (!entry) {
      entry = { ago: past.length - 1 - bucket, reviews: 0, durationMs: 0, youngPass: 0, youngFail: 0, maturePass: 0, matureFail: 0 };
      byBucket.set(bucket, entry);
    }
    return entry;
  };
  const skip = Math.max(0, past.length - Math.max(...RETENTION_WINDOWS));
  for (const deckId of deckIds ?? [null]) {
    for (const row of queries.reviewDays(past, deckId)) {
      const entry = day(row.bucket);
      entry.reviews += row.reviews;
      entry.durationMs += row.durationMs;
    }
  }
  for (const row of (deckIds ?? [null]).flatMap((deckId) => queries.retentionDays(past.slice(skip), MATURE_DAYS, deckId))) {
    const entry = day(row.bucket + skip);
    if (row.mature) row.failed ? (entry.matureFail += row.count) : (entry.maturePass += row.count);
    else row.failed ? (entry.youngFail += row.count) : (entry.youngPass += row.count);
  }
  return [...byBucket.values()];
}

/** Today's study day (from the dawn of time, so overdue cards count) and the days after it. */
function studyDaysAhead(time: number, rolloverHour: number, count: number): DayBounds {
  const out: Array<[number, number]> = [];
  let start = dayStart(time, rolloverHour);
  for (let i = 0; i < count; i++) {
    const end = nextDayStart(start, rolloverHour);
    out.push([i === 0 ? Number.MIN_SAFE_INTEGER : start, end]);
    start = end;
  }
  return out;
}

/** The local date a study day is named after (a day starting at 04:00 on 1 Dec is "1 Dec"). */
function calendarDate(start: number): CalendarDate {
  const d = new Date(start);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** Decks may differ; the hour most of them use decides where the days of the whole collection end. */
function sharedRolloverHour(options: DeckOptions[]): number {
  const votes = new Map<number, number>();
  for (const o of options) votes.set(o.rolloverHour, (votes.get(o.rolloverHour) ?? 0) + 1);
  let best = options[0]?.rolloverHour ?? DEFAULT_DECK_OPTIONS.rolloverHour;
  for (const [hour, n] of votes) if (n > (votes.get(best) ?? 0) || (n === votes.get(best) && hour < best)) best = hour;
  return best;
}

/** One deck's desired retention, or the mean over several (they usually agree). */
function meanRetention(options: DeckOptions[]): number {
  if (options.length === 0) return DEFAULT_DECK_OPTIONS.desiredRetention;
  return options.reduce((sum, o) => sum + o.desiredRetention, 0) / options.length;
}

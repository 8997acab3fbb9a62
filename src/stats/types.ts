/** Plain data of the statistics: what the store aggregates in, what `summarizeStats` gives out. */

/** A calendar date without a time zone; month is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** One study day of the review log, already aggregated (by SQL). `ago` 0 is today, 1 yesterday, … */
export interface DayActivity {
  ago: number;
  reviews: number;
  durationMs: number;
  /** Answers to review-state cards, by the interval they had before the answer (young < 21 days ≤ mature). */
  youngPass: number;
  youngFail: number;
  maturePass: number;
  matureFail: number;
}

export interface StateCounts {
  total: number;
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  buried: number;
}

export interface StatsInput {
  /** The current study day, as a calendar date (the rollover hour already applied). */
  today: CalendarDate;
  /** Days with at least one answer, any order, any age. */
  days: DayActivity[];
  /** Review cards falling due per study day from today (index 0 includes overdue cards). */
  forecast: number[];
  counts: StateCounts;
  /** Averages over studied (non-new) cards; null when there are none. */
  averageStability: number | null;
  averageDifficulty: number | null;
  desiredRetention: number;
}

export interface PassRate {
  pass: number;
  fail: number;
  /** pass / (pass + fail), null when nothing was answered. */
  rate: number | null;
}

export interface RetentionWindow {
  /** Length of the window in study days, today included. */
  days: number;
  young: PassRate;
  mature: PassRate;
  all: PassRate;
}

export interface HeatmapCell {
  date: CalendarDate;
  reviews: number;
  /** 0 = no reviews, 1–4 = quarters of the busiest day. */
  level: number;
}

export interface Heatmap {
  /** Columns of weeks, oldest first; each has 7 slots Monday→Sunday, null for days outside the range. */
  weeks: Array<Array<HeatmapCell | null>>;
  /** Review counts at which each level 1–4 starts. */
  thresholds: [number, number, number, number];
  max: number;
  /** Reviews and study days inside the heatmap range. */
  reviews: number;
  activeDays: number;
}

export interface ForecastDay {
  /** Study days from today: 0 is today (overdue cards included). */
  inDays: number;
  date: CalendarDate;
  due: number;
}

export interface StatsSummary {
  today: CalendarDate;
  counts: StateCounts;
  averageStability: number | null;
  averageDifficulty: number | null;
  desiredRetention: number;
  totalReviews: number;
  time: { todayMs: number; periodMs: number; periodDays: number };
  streak: { current: number; longest: number };
  retention: RetentionWindow[];
  heatmap: Heatmap;
  forecast: ForecastDay[];
}

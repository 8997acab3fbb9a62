/**
 * The layout of `engram stats` as lines of toned segments. Both outputs draw these same lines:
 * the Ink view (a terminal) and plain text (pipes, files), so they cannot drift apart.
 */
import { isoDate, type CalendarDate, type Heatmap, type PassRate, type StatsSummary } from '../../collection/stats.js';
import { sanitizeText } from '../sanitize.js';
import { duration } from '../format-time.js';

export type Tone = 'plain' | 'title' | 'dim' | 'heat1' | 'heat2' | 'heat3' | 'heat4' | 'bar' | 'good' | 'warn';
export interface Segment {
  text: string;
  tone: Tone;
}
export type Line = Segment[];

export interface StatsView extends StatsSummary {
  deck: string | null;
  /** Predicted recall against observed pass rate, in bins (engram stats; absent in older callers). */
  calibration?: ReadonlyArray<{ predicted: number; actual: number; count: number }>;
  /** The worst leeches by memory (engram stats; absent in older callers). */
  leeches?: ReadonlyArray<{ id: number; front: string; reviews: number; stability: number; predicted: number | null; observed: number | null; tagged: boolean }>;
  /** False when the calibration replay was skipped: a hint says how to ask for it. */
  calibrated?: boolean;
}

/** Cell characters by heat level: none, then quarters of the busiest day. */
export const HEAT_CHARS = ['·', '░', '▒', '▓', '█'] as const;
const HEAT_TONES: Tone[] = ['dim', 'heat1', 'heat2', 'heat3', 'heat4'];
const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_LABELS = ['Mon ', '    ', 'Wed ', '    ', 'Fri ', '    ', 'Sun '];
const LABEL = 10;
const RATE = 20;

const seg = (text: string, tone: Tone = 'plain'): Segment => ({ text, tone });

export function statsLines(stats: StatsView): Line[] {
  const scope = stats.deck === null ? 'all decks' : `deck ${sanitizeText(stats.deck)}`;
  const lines: Line[] = [[seg('Engram statistics', 'title'), seg(` · ${scope} · ${isoDate(stats.today)}`, 'dim')], [], cardsLine(stats), hiddenLine(stats)];
  if (stats.totalReviews === 0) {
    lines.push([], [seg('No reviews yet. Study with `engram`, then come back here to see your progress.')]);
    return lines;
  }
  lines.push(
    row('Memory', memoryText(stats)),
    row('Time', `today ${duration(stats.time.todayMs)} · last ${stats.time.periodDays} days ${longDuration(stats.time.periodMs)}`),
    row('Streak', `current ${days(stats.streak.current)} · longest ${days(stats.streak.longest)}`),
    [],
    ...heatmapLines(stats.heatmap),
    [],
    ...retentionLines(stats),
    [],
    ...calibrationLines(stats),
    ...leechLines(stats),
    ...forecastLines(stats),
  );
  return lines;
}

function row(label: string, text: string): Line {
  return [seg(label.padEnd(LABEL), 'dim'), seg(text)];
}

function cardsLine(stats: StatsView): Line {
  const c = stats.counts;
  const parts = [`${c.new} new`, `${c.learning} learning`, `${c.review} review`, `${c.relearning} relearning`];
  return row('Cards', `${c.total} · ${parts.join(' · ')}`);
}

/** Suspended and buried cards on a line of their own, so the view fits 80 columns. */
function hiddenLine(stats: StatsView): Line {
  return row('Hidden', `${stats.counts.suspended} suspended · ${stats.counts.buried} buried`);
}

function memoryText(stats: StatsView): string {
  if (stats.averageStability === null || stats.averageDifficulty === null) return 'no studied cards yet';
  return `average stability ${stats.averageStability.toFixed(1)} days · difficulty ${stats.averageDifficulty.toFixed(1)} of 10`;
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** "41h 12m" for long totals, the review screen's "4m 05s" below an hour. */
function longDuration(ms: number): string {
  if (ms < 3_600_000) return duration(ms);
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

export function heatmapLines(heatmap: Heatmap): Line[] {
  const lines: Line[] = [[
    seg('Reviews per day', 'title'),
    seg(` · last ${heatmap.weeks.length} weeks · ${heatmap.reviews} reviews on ${days(heatmap.activeDays)}`, 'dim'),
  ]];
  lines.push([seg(`    ${monthLabels(heatmap)}`, 'dim')]);
  for (let slot = 0; slot < 7; slot++) {
    const line: Line = [seg(WEEKDAY_LABELS[slot] ?? '    ', 'dim')];
    for (const week of heatmap.weeks) {
      const cell = week[slot];
      line.push(cell ? seg(HEAT_CHARS[cell.level] ?? '·', HEAT_TONES[cell.level] ?? 'dim') : seg(' '));
    }
    lines.push(merge(line));
  }
  const legend: Line = [seg('    less ', 'dim')];
  HEAT_CHARS.forEach((ch, level) => legend.push(seg(ch, HEAT_TONES[level] ?? 'dim'), seg(' ')));
  legend.push(seg(`more · busiest day ${heatmap.max} review${heatmap.max === 1 ? '' : 's'}`, 'dim'));
  lines.push(legend);
  return lines;
}

/** Month names over the week in which each month begins, when there is room for them. */
function monthLabels(heatmap: Heatmap): string {
  let text = '';
  heatmap.weeks.forEach((week, column) => {
    const first = week.find((cell) => cell && cell.date.day === 1);
    const name = MONTHS[(first?.date.month ?? 1) - 1] ?? '';
    // A name needs its own columns and a gap before it; one cut off at the right edge is left out.
    if (!first || (text.length > 0 && text.length >= column) || column + name.length > heatmap.weeks.length) return;
    text = text.padEnd(column) + name;
  });
  return text;
}

function retentionLines(stats: StatsView): Line[] {
  const desired = stats.desiredRetention;
  const lines: Line[] = [
    [seg('True retention', 'title'), seg(` · review answers that were not "again" · desired ${percent(desired)}`, 'dim')],
    [seg(`${''.padEnd(LABEL)}${'young (<21d)'.padEnd(RATE)}${'mature'.padEnd(RATE)}all`, 'dim')],
  ];
  for (const window of stats.retention) {
    const label = window.days === 1 ? 'today' : `${window.days} days`;
    lines.push([seg(label.padEnd(LABEL), 'dim'), rate(window.young, desired, RATE), rate(window.mature, desired, RATE), rate(window.all, desired, 0)]);
  }
  return lines;
}

/** Predicted recall against what happened, one row per filled bin. */
function calibrationLines(stats: StatsView): Line[] {
  if (stats.calibrated === false) return [[seg('Calibration and leeches by memory: engram stats --calibration', 'dim')], []];
  const bins = stats.calibration ?? [];
  if (bins.length === 0 && stats.calibrated) return [[seg('Calibration', 'title'), seg(' · no answer a day or more after the one before yet', 'dim')], []];
  if (bins.length === 0) return [];
  const lines: Line[] = [
    [seg('Calibration', 'title'), seg(' · recall FSRS predicted (current weights) vs your pass rate', 'dim')],
    [seg(`${'predicted'.padEnd(LABEL)}${'actual'.padEnd(RATE)}${'answers'.padEnd(RATE)}actual − predicted`, 'dim')],
  ];
  for (const b of bins) {
    const gap = (b.actual - b.predicted) * 100;
    // A bin more than 5 points off, and big enough to mean it, is where the model misleads.
    const off = b.count >= 50 && Math.abs(gap) > 5;
    lines.push([
      seg(percent(b.predicted).padEnd(LABEL)),
      seg(percent(b.actual).padEnd(RATE), off ? 'warn' : 'good'),
      seg(`${b.count}`.padEnd(RATE), 'dim'),
      seg(`${gap >= 0 ? '+' : '−'}${Math.abs(gap).toFixed(1)} points`, off ? 'warn' : 'dim'),
    ]);
  }
  lines.push([]);
  return lines;
}

/** Cards FSRS is not learning, worst first: id, answers, stability, predicted vs observed recall, front. */
function leechLines(stats: StatsView): Line[] {
  const leeches = stats.leeches ?? [];
  if (leeches.length === 0) return [];
  const lines: Line[] = [
    [seg('Leeches by memory', 'title'), seg(' · low stability after many answers, or recall over-predicted', 'dim')],
    [seg(`${'id'.padEnd(8)}${'answers'.padEnd(9)}${'stability'.padEnd(11)}${'predicted'.padEnd(11)}${'observed'.padEnd(10)}front`, 'dim')],
  ];
  for (const l of leeches) {
    const front = sanitizeText(l.front).replace(/\s+/g, ' ').trim();
    lines.push([
      seg(`${l.id}`.padEnd(8)),
      seg(`${l.reviews}`.padEnd(9), 'dim'),
      seg(`${l.stability < 1 ? l.stability.toFixed(2) : l.stability < 10 ? l.stability.toFixed(1) : Math.round(l.stability)}d`.padEnd(11), 'warn'),
      seg((l.predicted === null ? '—' : percent(l.predicted)).padEnd(11)),
      seg((l.observed === null ? '—' : percent(l.observed)).padEnd(10), 'warn'),
      // 49 columns before it: the front fits an 80-column terminal.
      seg(clip(`${l.tagged ? '[leech] ' : ''}${front}`, 31)),
    ]);
  }
  lines.push([]);
  return lines;
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function rate(value: PassRate, desired: number, width: number): Segment {
  if (value.rate === null) return seg('—'.padEnd(width), 'dim');
  // Always a space after the cell, however large the counts grow.
  const text = `${percent(value.rate)} ${value.pass}/${value.pass + value.fail} `.padEnd(width);
  return seg(text, value.rate >= desired ? 'good' : 'warn');
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

const CHART_ROWS = 6;

export function forecastLines(stats: Pick<StatsSummary, 'forecast'>): Line[] {
  const counts = stats.forecast.map((d) => d.due);
  const max = Math.max(0, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const week = counts.slice(0, 7).reduce((a, b) => a + b, 0);
  const lines: Line[] = [[
    seg('Due forecast', 'title'),
    seg(` of review cards · today ${counts[0] ?? 0} · tomorrow ${counts[1] ?? 0} · 7 days ${week} · ${counts.length} days ${total}`, 'dim'),
  ]];
  const units = counts.map((n) => (n === 0 || max === 0 ? 0 : Math.max(1, Math.round((n / max) * CHART_ROWS * 8))));
  for (let r = 0; r < CHART_ROWS; r++) {
    const base = (CHART_ROWS - 1 - r) * 8;
    const axis = r === 0 ? `${max}`.padStart(5) : ''.padStart(5);
    const bars = units.map((u) => EIGHTHS[Math.min(8, Math.max(0, u - base))] ?? ' ').join('');
    lines.push([seg(`${axis} │`, 'dim'), seg(bars, 'bar')]);
  }
  lines.push([seg(`    0 └${'─'.repeat(counts.length)}`, 'dim')]);
  const last = stats.forecast.at(-1);
  const ticks = `today${' '.repeat(Math.max(1, counts.length - 5 - 5))}${last ? shortDate(last.date) : ''}`;
  lines.push([seg(`       ${ticks}`, 'dim')]);
  return lines;
}

function shortDate(date: CalendarDate): string {
  return `${MONTHS[date.month - 1] ?? ''} ${date.day}`;
}

/** Joins neighbouring segments of one tone, so the Ink view draws few <Text> nodes. */
function merge(line: Line): Line {
  const out: Line = [];
  for (const s of line) {
    const prev = out.at(-1);
    if (prev && prev.tone === s.tone) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/**
 * `engram simulate`: workload and memory against desired retention, as two terminal charts
 * and a table that fit 80 columns, or JSON. The curve matters more than the suggested point:
 * near the peak, retention can be traded for time at little cost.
 */
import type { Collection } from '../../collection/index.js';
import type { SimulationReport } from '../../collection/simulate.js';
import type { RetentionPoint } from '../../collection/simulate.js';
import { UsageError } from '../../core/index.js';
import { printJson, safeText } from '../format.js';

export interface SimulateFlags {
  deck?: string;
  days?: string;
  seed?: string;
  json?: boolean;
}

export async function simulateCommand(col: Collection, flags: SimulateFlags): Promise<void> {
  const { simulateCollection } = await import('../../collection/simulate.js');
  const report = simulateCollection(col, {
    ...(flags.deck ? { deck: flags.deck } : {}),
    ...(flags.days !== undefined ? { days: wholeNumber('--days', flags.days) } : {}),
    ...(flags.seed !== undefined ? { seed: wholeNumber('--seed', flags.seed) } : {}),
  });
  if (flags.json) return printJson(simulationJson(report));
  process.stdout.write(simulationText(report));
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`invalid ${flag} '${value}': expected a whole number`);
  return Number(value.trim());
}

/** The JSON contract: `points` and `suggested`, plus what the simulation was seeded with. */
export function simulationJson(report: SimulationReport) {
  return {
    points: report.points.map((p) => ({
      desiredRetention: p.desiredRetention,
      minutesPerDay: round(p.minutesPerDay, 2),
      reviewsPerDay: round(p.reviewsPerDay, 2),
      memorized: round(p.memorized, 1),
    })),
    suggested: report.suggested,
    deck: report.deck,
    days: report.days,
    seed: report.seed,
    currentRetention: report.currentRetention,
    cards: { studied: report.studiedCards, new: report.newCards },
    limits: { newPerDay: report.newPerDay, reviewsPerDay: report.reviewsPerDay },
    learner: report.learner,
  };
}

const CHART_ROWS = 7;
const EIGHTHS = ' ▁▂▃▄▅▆▇█';
const LABEL_WIDTH = 7;

/** The screen: what was simulated, the two curves, the table, the suggestion. */
export function simulationText(report: SimulationReport): string {
  const where = report.deck === null ? `all decks (memory model of '${safeText(report.modelDeck)}')` : `deck '${safeText(report.deck)}'`;
  const measured = report.learner.measured;
  const from = report.learner.answers === 0
    ? 'no answers in the log yet: answer times and grades are fsrs-rs defaults'
    : `answer times and grades from your ${count(report.learner.answers)} answers` +
      (measured.costCells < 12 || !measured.firstGrades || !measured.recallGrades ? ' (defaults where too few)' : '');
  const lines = [
    `Simulated ${report.days} days of ${where}, seed ${report.seed}:`,
    `${count(report.studiedCards)} studied and ${count(report.newCards)} new cards, ${report.newPerDay} new and ${report.reviewsPerDay} reviews a day at most;`,
    `${from}.`,
    '',
    'Minutes per day',
    ...chart(report.points.map((p) => p.minutesPerDay), (v) => v.toFixed(v < 10 ? 1 : 0)),
    ...axis(report),
    '',
    'Cards memorized at the end per minute a day (the peak is the suggestion)',
    ...chart(report.points.map((p) => efficiency(p)), (v) => v.toFixed(0)),
    ...axis(report),
    '',
    'retention  minutes/day  reviews/day  memorized  memorized per min/day',
    ...report.points.map((p) => tableLine(p, report)),
    '',
    suggestion(report),
  ];
  return `${lines.join('\n')}\n`;
}

function efficiency(point: RetentionPoint): number {
  return point.minutesPerDay > 0 ? point.memorized / point.minutesPerDay : 0;
}

/** A bar per retention, two columns wide, in eighths of a row; the top value labels the scale. */
function chart(values: number[], label: (v: number) => string): string[] {
  const max = Math.max(...values, 1e-9);
  const rows: string[] = [];
  for (let row = CHART_ROWS - 1; row >= 0; row--) {
    const cells = values.map((v) => {
      const eighths = Math.round((v / max) * CHART_ROWS * 8) - row * 8;
      const ch = EIGHTHS[Math.max(0, Math.min(8, eighths))]!;
      return ch + ch;
    });
    const scale = row === CHART_ROWS - 1 ? label(max) : row === 0 ? '0' : '';
    rows.push(`${scale.padStart(LABEL_WIDTH - 2)} │${cells.join('')}`);
  }
  return rows;
}

/** Retention labels every 0.05 under the bars, and markers for the suggestion (▲) and the current setting (•). */
function axis(report: SimulationReport): string[] {
  const width = report.points.length * 2;
  const ticks = new Array<string>(width).fill(' ');
  const marks = new Array<string>(width).fill(' ');
  report.points.forEach((p, i) => {
    const hundredths = Math.round(p.desiredRetention * 100);
    if (hundredths % 5 === 0) `.${hundredths}`.split('').forEach((ch, k) => { if (i * 2 + k < width) ticks[i * 2 + k] = ch; });
    if (p.desiredRetention === report.suggested) marks[i * 2] = '▲';
    else if (Math.abs(p.desiredRetention - report.currentRetention) < 0.005) marks[i * 2] = '•';
  });
  const pad = ' '.repeat(LABEL_WIDTH);
  return [`${' '.repeat(LABEL_WIDTH - 1)}└${'─'.repeat(width)}`, `${pad}${ticks.join('')}`, `${pad}${marks.join('')}`.trimEnd()];
}

function tableLine(p: RetentionPoint, report: SimulationReport): string {
  const note = p.desiredRetention === report.suggested ? '  ▲ suggested' : Math.abs(p.desiredRetention - report.currentRetention) < 0.005 ? '  • current' : '';
  return (
    `${p.desiredRetention.toFixed(2).padStart(9)}` +
    `${p.minutesPerDay.toFixed(1).padStart(13)}` +
    `${p.reviewsPerDay.toFixed(1).padStart(13)}` +
    `${count(Math.round(p.memorized)).padStart(11)}` +
    `${efficiency(p).toFixed(1).padStart(10)}${note}`
  );
}

function suggestion(report: SimulationReport): string {
  if (report.suggested === null) return 'No suggestion: the simulation had nothing to review (no cards would be studied).';
  const set = report.deck === null ? 'engram config desiredRetention' : `engram config --deck '${safeText(report.deck)}' desiredRetention`;
  return [
    `Suggested desired retention: ${report.suggested.toFixed(2)}, the most cards memorized per minute of daily`,
    `study (now ${report.currentRetention.toFixed(2)}). Above it each extra point of retention costs more time;`,
    'pick by the curve, e.g. higher if you can spare the minutes. Set it with',
    `  ${set} ${report.suggested.toFixed(2)}`,
  ].join('\n');
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

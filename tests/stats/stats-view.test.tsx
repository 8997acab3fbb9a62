import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeStats, type DayActivity } from '../../src/stats/index.js';
import { HEAT_CHARS, statsLines } from '../../src/present/stats/lines.js';
import { plainText } from '../../src/present/stats/plain.js';
import { StatsView } from '../../src/tui/stats/stats-view.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

const day = (ago: number, reviews: number, pass = 0, fail = 0): DayActivity => ({
  ago, reviews, durationMs: reviews * 1000, youngPass: pass, youngFail: fail, maturePass: 0, matureFail: 0,
});

function view() {
  const summary = summarizeStats({
    today: { year: 2026, month: 12, day: 1 },
    days: [day(0, 8, 6, 2), day(1, 2), day(9, 4)],
    forecast: [5, 0, 10, ...new Array<number>(27).fill(1)],
    counts: { total: 20, new: 5, learning: 1, review: 12, relearning: 0, suspended: 1, buried: 1 },
    averageStability: 12.5, averageDifficulty: 4.2, desiredRetention: 0.9,
  });
  return { ...summary, deck: 'Physics\x1b[31m' };
}

describe('the stats view', () => {
  it('draws the shared lines in Ink: heatmap, retention, forecast', () => {
    const app = render(<StatsView lines={statsLines(view())} color={false} />);
    const frame = app.lastFrame() ?? '';
    expect(frame).toContain('Engram statistics · deck Physics · 2026-12-01');
    expect(frame).not.toContain('\x1b[31m');
    expect(frame).toContain('Streak    current 2 days · longest 2 days');
    // Today (a Tuesday, 8 reviews) is the busiest day: level 4 at the end of the Tuesday row, after a
    // quiet Tuesday a week ago; yesterday (Monday, 2 reviews) is level 1 at the end of the Monday row.
    const rows = frame.split('\n');
    const monday = rows.findIndex((l) => l.startsWith('Mon '));
    expect(rows[monday]!.trimEnd().endsWith(HEAT_CHARS[1])).toBe(true);
    expect(rows[monday + 1]!.trimEnd().endsWith(`${HEAT_CHARS[0]}${HEAT_CHARS[4]}`)).toBe(true);
    expect(frame).toMatch(/today\s+75\.0% 6\/8/);
    expect(frame).toContain('today 5 · tomorrow 0 · 7 days 19 · 30 days 42');
    app.unmount();
  });

  it('prints the same text without Ink, coloured only when asked', () => {
    const lines = statsLines(view());
    const plain = plainText(lines, false);
    expect(plain).not.toContain('\x1b');
    expect(plain).toContain('True retention');
    // Every line fits an 80-column terminal (all characters used are one column wide).
    expect(plain.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    expect(plainText(lines, true)).toContain('\x1b[32m');
  });
});

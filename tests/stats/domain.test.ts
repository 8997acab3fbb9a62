import { describe, expect, it } from 'vitest';
import { buildHeatmap, heatLevel, retentionWindow, studyStreaks } from '../../src/stats/index.js';

describe('studyStreaks', () => {
  it.each([
    { days: [], current: 0, longest: 0 },
    { days: [0], current: 1, longest: 1 },
    { days: [0, 1, 2, 5, 6, 7, 8], current: 3, longest: 4 },
    { days: [1, 2], current: 2, longest: 2 }, // nothing yet today: the streak is still alive
    { days: [2, 3, 4], current: 0, longest: 3 },
    { days: [3, 1, 0, 2, 2], current: 4, longest: 4 }, // order and duplicates do not matter
  ])('$days → current $current, longest $longest', ({ days, current, longest }) => {
    expect(studyStreaks(days)).toEqual({ current, longest });
  });
});

describe('heatmap', () => {
  it('puts a review on its weekday row and week column', () => {
    // Sunday 6 Dec 2026 is today; a review 8 days ago is Saturday 28 Nov, two columns back.
    const map = buildHeatmap({ year: 2026, month: 12, day: 6 }, [{ ago: 8, reviews: 3, durationMs: 0, youngPass: 0, youngFail: 0, maturePass: 0, matureFail: 0 }], 4);
    expect(map.weeks).toHaveLength(4);
    expect(map.weeks[2]![5]).toEqual({ date: { year: 2026, month: 11, day: 28 }, reviews: 3, level: 4 });
    expect(map.weeks[3]![6]!.date).toEqual({ year: 2026, month: 12, day: 6 });
    expect(map.reviews).toBe(3);
    expect(map.activeDays).toBe(1);
  });

  it('grades days in quarters of the busiest', () => {
    expect([0, 1, 25, 26, 50, 75, 76, 100].map((n) => heatLevel(n, 100))).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
  });
});

describe('retentionWindow', () => {
  it('sums the window only and gives null rates when nothing was answered', () => {
    const days = [
      { ago: 0, reviews: 0, durationMs: 0, youngPass: 3, youngFail: 1, maturePass: 0, matureFail: 0 },
      { ago: 7, reviews: 0, durationMs: 0, youngPass: 0, youngFail: 0, maturePass: 9, matureFail: 1 },
    ];
    const week = retentionWindow(days, 7);
    expect(week.young).toEqual({ pass: 3, fail: 1, rate: 0.75 });
    expect(week.mature.rate).toBeNull();
    expect(retentionWindow(days, 8).all).toEqual({ pass: 12, fail: 2, rate: 12 / 14 });
  });
});

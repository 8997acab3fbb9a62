// Study days are computed here independently as whole UTC days shifted by the rollover hour.
process.env.TZ = 'UTC';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '../../src/core/index.js';
import { collectionStats, FORECAST_DAYS } from '../../src/collection/stats.js';
import { DAY, HOUR, NOW, emptyCollection, insertCard, insertReview, synthetic, type Synthetic } from './synthetic.js';

const ROLLOVER = 4;
const studyDay = (t: number) => Math.floor((t - ROLLOVER * HOUR) / DAY);
const TODAY = studyDay(NOW);

let data: Synthetic;
beforeAll(() => {
  data = synthetic();
  setNow(NOW);
});
afterAll(() => {
  setNow(null);
  data.cleanup();
});

function expectedForecast(deckIds: number[]): number[] {
  const out = new Array<number>(FORECAST_DAYS).fill(0);
  for (const c of data.cards) {
    if (!deckIds.includes(c.deckId) || c.state !== 'review' || c.suspended || c.retired) continue;
    const inDays = Math.max(0, studyDay(c.due) - TODAY);
    if (inDays < FORECAST_DAYS) out[inDays]! += 1;
  }
  return out;
}

function expectedRetention(days: number, deckIds: number[]) {
  const rows = data.reviews.filter((r) => deckIds.includes(r.deckId) && r.stateBefore === 'review' && TODAY - studyDay(r.reviewedAt) < days);
  const rate = (list: typeof rows) => ({
    pass: list.filter((r) => r.grade !== 'again').length,
    fail: list.filter((r) => r.grade === 'again').length,
  });
  return { young: rate(rows.filter((r) => r.scheduledDays < 21)), mature: rate(rows.filter((r) => r.scheduledDays >= 21)) };
}

describe('collectionStats on a synthetic year', () => {
  it('runs in UTC for these expectations', () => {
    expect(new Date(NOW).getTimezoneOffset()).toBe(0);
  });

  it('forecasts the due review cards per study day, overdue ones today', () => {
    const stats = collectionStats(data.col);
    const expected = expectedForecast(Object.values(data.decks));
    expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(stats.forecast.map((d) => d.due)).toEqual(expected);
    expect(stats.forecast[0]!.date).toEqual({ year: 2026, month: 12, day: 1 });
  });

  it('computes true retention from the log, young and mature apart, per window', () => {
    const stats = collectionStats(data.col);
    expect(stats.retention.map((w) => w.days)).toEqual([1, 7, 30, 365]);
    for (const window of stats.retention) {
      const expected = expectedRetention(window.days, Object.values(data.decks));
      expect({ pass: window.young.pass, fail: window.young.fail }).toEqual(expected.young);
      expect({ pass: window.mature.pass, fail: window.mature.fail }).toEqual(expected.mature);
      const all = expected.young.pass + expected.mature.pass + expected.young.fail + expected.mature.fail;
      if (all > 0) expect(window.all.rate).toBeCloseTo((expected.young.pass + expected.mature.pass) / all, 10);
    }
    expect(stats.retention[3]!.mature.pass).toBeGreaterThan(100);
    expect(stats.desiredRetention).toBe(0.9);
  });

  it('sums time spent today and over the year, and counts every review', () => {
    const stats = collectionStats(data.col);
    const today = data.reviews.filter((r) => studyDay(r.reviewedAt) === TODAY);
    const year = data.reviews.filter((r) => TODAY - studyDay(r.reviewedAt) < 365);
    expect(stats.time.todayMs).toBe(today.reduce((s, r) => s + r.durationMs, 0));
    expect(stats.time.periodMs).toBe(year.reduce((s, r) => s + r.durationMs, 0));
    expect(stats.totalReviews).toBe(data.reviews.length);
  });

  it('counts cards by state, suspended and buried apart, retired left out', () => {
    const stats = collectionStats(data.col);
    const live = data.cards.filter((c) => !c.retired);
    const active = live.filter((c) => !c.suspended && c.buriedUntil <= NOW);
    expect(stats.counts).toEqual({
      total: live.length,
      new: active.filter((c) => c.state === 'new').length,
      learning: active.filter((c) => c.state === 'learning').length,
      review: active.filter((c) => c.state === 'review').length,
      relearning: active.filter((c) => c.state === 'relearning').length,
      suspended: live.filter((c) => c.suspended).length,
      buried: live.filter((c) => !c.suspended && c.buriedUntil > NOW).length,
    });
    expect(stats.averageStability).toBeGreaterThan(0);
  });

  it('limits everything to one deck with --deck', () => {
    const beta = data.decks['Beta']!;
    const stats = collectionStats(data.col, { deck: 'Beta' });
    expect(stats.deck).toBe('Beta');
    expect(stats.counts.total).toBe(data.cards.filter((c) => c.deckId === beta && !c.retired).length);
    expect(stats.totalReviews).toBe(data.reviews.filter((r) => r.deckId === beta).length);
    expect(stats.forecast.map((d) => d.due)).toEqual(expectedForecast([beta]));
    const year = expectedRetention(365, [beta]);
    expect(stats.retention[3]!.mature.pass).toBe(year.mature.pass);
  });

  it('refuses an unknown deck', () => {
    expect(() => collectionStats(data.col, { deck: 'Nope' })).toThrow(/no deck named 'Nope'/);
  });
});

describe('collectionStats on crafted calendars', () => {
  let empty: ReturnType<typeof emptyCollection>;
  afterEach(() => {
    empty.cleanup();
    setNow(null);
  });

  function withReviewsAt(times: number[]) {
    empty = emptyCollection();
    const deckId = empty.col.store.insertDeck('Solo', NOW - 400 * DAY);
    const cardId = insertCard(empty.col, { deckId, state: 'review', due: NOW + 3 * DAY, suspended: false, buriedUntil: 0, retired: false }, 1);
    for (const t of times) insertReview(empty.col, { cardId, grade: 'good', reviewedAt: t, durationMs: 1000, stateBefore: 'review', scheduledDays: 3 });
    setNow(NOW);
    return collectionStats(empty.col);
  }

  it('places one review on its study day in the heatmap (before the rollover hour is still the day before)', () => {
    // Wednesday 25 Nov 02:00 is before the 04:00 rollover: it belongs to Tuesday 24 Nov.
    const stats = withReviewsAt([Date.parse('2026-11-25T02:00:00Z')]);
    const weeks = stats.heatmap.weeks;
    const hits = weeks.flatMap((week, column) => week.flatMap((cell, slot) => (cell && cell.reviews > 0 ? [{ column, slot, cell }] : [])));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.cell.date).toEqual({ year: 2026, month: 11, day: 24 });
    expect(hits[0]!.slot).toBe(1); // Tuesday
    expect(hits[0]!.column).toBe(weeks.length - 2); // the week before today's
    expect(hits[0]!.cell.level).toBe(4);
    // Today (Tuesday 1 Dec) sits in the last column; Wednesday onwards is in the future.
    expect(weeks.at(-1)![1]!.date).toEqual({ year: 2026, month: 12, day: 1 });
    expect(weeks.at(-1)![2]).toBeNull();
  });

  it('counts the current streak through yesterday when today has no answer yet, and the longest run', () => {
    const at = (ago: number) => NOW - ago * DAY;
    // Days 1–3 ago (current, today not yet studied), and a 5-day run 10–14 days ago.
    const stats = withReviewsAt([at(1), at(2), at(3), at(3) + HOUR, at(10), at(11), at(12), at(13), at(14)]);
    expect(stats.streak).toEqual({ current: 3, longest: 5 });
  });

  it('breaks the current streak after a day without answers', () => {
    const stats = withReviewsAt([NOW - 2 * DAY, NOW - 3 * DAY]);
    expect(stats.streak).toEqual({ current: 0, longest: 2 });
  });

  it('reports an empty log as zeros', () => {
    const stats = withReviewsAt([]);
    expect(stats.totalReviews).toBe(0);
    expect(stats.streak).toEqual({ current: 0, longest: 0 });
    expect(stats.retention[0]!.all.rate).toBeNull();
    expect(stats.forecast[3]!.due).toBe(1);
  });
});

describe('young and mature from real answers', () => {
  it('classifies by the interval the card had before the answer, as `answer` records it', () => {
    const env = emptyCollection();
    try {
      setNow(NOW - 200 * DAY);
      const card = env.col.addCard('Real', 'q', 'a');
      let expectedYoung = 0;
      let expectedMature = 0;
      let t = NOW - 200 * DAY;
      for (let i = 0; i < 12; i++) {
        const before = env.col.getCard(card.id).memory;
        if (before.state === 'review') before.scheduledDays < 21 ? expectedYoung++ : expectedMature++;
        env.col.answer(card.id, 'good');
        t = Math.max(env.col.getCard(card.id).memory.due, t + 60_000);
        if (t > NOW) break;
        setNow(t);
      }
      setNow(NOW);
      const year = collectionStats(env.col).retention[3]!;
      expect(expectedYoung + expectedMature).toBeGreaterThan(2);
      expect(year.young.pass).toBe(expectedYoung);
      expect(year.mature.pass).toBe(expectedMature);
      expect(year.young.fail + year.mature.fail).toBe(0);
    } finally {
      env.cleanup();
      setNow(null);
    }
  });
});

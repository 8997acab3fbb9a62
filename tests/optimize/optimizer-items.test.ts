import { describe, expect, it } from 'vitest';
import { answerCount, cardHistories, trainingItems, type LoggedAnswer } from '../../src/scheduler/optimizer-items.js';

process.env['TZ'] = 'UTC';
const H = 3_600_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');

function row(cardId: number, grade: string, hours: number, stateBefore = 'review'): LoggedAnswer {
  return { cardId, grade, reviewedAt: T0 + hours * H, stateBefore, rolloverHour: 4 };
}

describe('review log → optimizer histories', () => {
  it('counts elapsed time in study days, which roll over at the deck hour', () => {
    const [history] = cardHistories([
      row(1, 'good', 10, 'new'),
      row(1, 'again', 10.2),
      row(1, 'good', 10.4),
      // 02:00 the next calendar day is still the same study day (rollover 04:00) …
      row(1, 'good', 26),
      // … and 05:00 the day after is two study days later.
      row(1, 'hard', 53),
    ]);
    expect(history!.steps).toEqual([
      { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 2, deltaT: 2 },
    ]);
  });

  it('orders by time, drops incomplete histories and entries that are not answers', () => {
    const histories = cardHistories([
      row(1, 'good', 50), row(1, 'easy', 2, 'new'), row(1, 'manual', 30),
      row(2, 'good', 40), row(2, 'good', 100), // its first answer is not in the log
    ]);
    expect(histories.map((h) => h.cardId)).toEqual([1]);
    expect(histories[0]!.steps).toEqual([{ rating: 4, deltaT: 0 }, { rating: 3, deltaT: 2 }]);
    expect(answerCount(histories)).toBe(2);
  });

  it('makes one item per answer given a day or more after the previous one, holding the history up to it', () => {
    const items = trainingItems([{ cardId: 1, steps: [
      { rating: 1, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 1 }, { rating: 1, deltaT: 4 }, { rating: 3, deltaT: 0 },
    ] }]);
    expect(items.map((item) => item.length)).toEqual([3, 4]);
    expect(items[1]!.at(-1)).toEqual({ rating: 1, deltaT: 4 });
  });
});

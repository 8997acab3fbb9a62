/** `simulateCollection`: the simulator seeded with a real deck's cards, options and log. */
import { describe, expect, it } from 'vitest';
import { simulateCollection } from '../../src/collection/simulate.js';
import { setNow } from '../../src/core/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { DAY, SECONDS, studyDeck } from './fixture.js';

const START = Date.parse('2026-09-01T00:00:00Z');
const tc = useTempCollection(START);

describe('simulateCollection', () => {
  it("starts from the deck's cards and limits and measures the learner's answer times", () => {
    const col = tc.col();
    studyDeck(col, 'Bio', 120, 30, START);
    col.setOption('Bio', 'newPerDay', '5');
    setNow(START + 31 * DAY);
    const report = simulateCollection(col, { deck: 'Bio', days: 30, seed: 1 });
    const studied = col.cards({ deck: 'Bio' }).filter((c) => c.memory.state !== 'new').length;
    expect(report.studiedCards).toBe(studied);
    expect(report.newCards).toBe(120 - studied);
    expect(report.newPerDay).toBe(5);
    expect(report.learner.costs.review[2]).toBeCloseTo(SECONDS.good, 5);
    expect(report.learner.costs.learning[0]).toBeCloseTo(SECONDS.again, 5);
    expect(report.learner.measured.firstGrades).toBe(true);
    expect(report.points.map((p) => p.desiredRetention)).toEqual(Array.from({ length: 28 }, (_, i) => Math.round(70 + i) / 100));
    expect(report.points[27]!.minutesPerDay).toBeGreaterThan(report.points[0]!.minutesPerDay);
    expect(report.suggested).not.toBeNull();
  });

  it('the same seed gives the same sweep', () => {
    const col = tc.col();
    studyDeck(col, 'Bio', 40, 10, START);
    const a = simulateCollection(col, { days: 30, seed: 9 });
    const b = simulateCollection(col, { days: 30, seed: 9 });
    expect(b.points).toEqual(a.points);
  });

  it('falls back to the fsrs-rs defaults when the log is empty, and refuses an empty deck', () => {
    const col = tc.col();
    col.addCard('Fresh', 'q?', 'a');
    const report = simulateCollection(col, { deck: 'Fresh', days: 20 });
    expect(report.learner.answers).toBe(0);
    expect(report.learner.measured).toEqual({ firstGrades: false, recallGrades: false, costCells: 0 });
    expect(report.learner.costs.review).toEqual([19.38, 17.59, 12.38, 8.94]);
    col.ensureDeck('Empty');
    expect(() => simulateCollection(col, { deck: 'Empty' })).toThrow(/deck 'Empty' has no cards to simulate/);
    expect(() => simulateCollection(col, { deck: 'Fresh', days: 0 })).toThrow(/--days/);
  });
});

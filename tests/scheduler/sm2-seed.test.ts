/**
 * Seeding FSRS memory from an SM-2 schedule, as fsrs-rs `memory_state_from_sm2` does
 * (src/inference.rs): the stability is the one whose forgetting curve reaches the SM-2 retention
 * at the interval, and the difficulty the one at which a "good" answer on the due day multiplies
 * the stability by the ease, as SM-2 multiplies the interval.
 */
import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { answerMemory, memoryFromSm2, stabilityDifficultyFromSm2, type SchedulerOptions } from '../../src/scheduler/index.js';

const DAY = 86_400_000;
const OPTIONS: SchedulerOptions = {
  desiredRetention: 0.9, maximumInterval: 36500, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], fuzz: false, weights: null,
};

describe('stabilityDifficultyFromSm2', () => {
  it('gives the stability whose forgetting curve is at the SM-2 retention on the interval', () => {
    for (const [interval, retention] of [[30, 0.9], [30, 0.8], [200, 0.85], [1, 0.95]] as const) {
      const { stability } = stabilityDifficultyFromSm2(interval, 2.5, default_w, retention);
      expect(forgetting_curve(default_w[20]!, interval, stability)).toBeCloseTo(retention, 6);
    }
    expect(stabilityDifficultyFromSm2(30, 2.5).stability).toBeCloseTo(30, 6);
  });

  it('gives a lower difficulty for a higher ease, within 1..10', () => {
    const d = [1.3, 2.0, 2.5, 3.0].map((ease) => stabilityDifficultyFromSm2(20, ease).difficulty);
    expect([...d].sort((a, b) => b - a)).toEqual(d);
    for (const x of d) expect(x >= 1 && x <= 10).toBe(true);
    expect(stabilityDifficultyFromSm2(20, 50).difficulty).toBe(1);
  });
});

describe('memoryFromSm2', () => {
  it('is a review card due when the schedule says, whose "good" on that day grows the stability by the ease', () => {
    const due = Date.UTC(2026, 11, 20);
    const memory = memoryFromSm2({ due, intervalDays: 30, ease: 2.5 });
    expect(memory).toMatchObject({ state: 'review', due, scheduledDays: 30, lastReview: due - 30 * DAY, lapses: 0 });
    const after = answerMemory(memory, 'good', due, OPTIONS);
    expect(after.stability / memory.stability).toBeCloseTo(2.5, 1);
    expect(after.state).toBe('review');
  });
});

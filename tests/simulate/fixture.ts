/**
 * A deck studied for two months through the real use-cases: cards added, answered on the days
 * they fall due with fixed answer times per grade, so the simulator has a real state to start
 * from and a log to measure the learner on.
 */
import type { Collection } from '../../src/collection/index.js';
import { setNow, type Grade } from '../../src/core/index.js';
import { prng } from '../helpers/prng.js';

export const DAY = 86_400_000;
/** Seconds the fixture's learner takes per grade, on every answer. */
export const SECONDS: Record<Grade, number> = { again: 21, hard: 15, good: 8, easy: 4 };

export function studyDeck(col: Collection, deck: string, cards: number, days: number, start: number, seed = 5): void {
  const random = prng(seed);
  for (let i = 0; i < cards; i++) col.addCard(deck, `${deck} question ${i}?`, `answer ${i}`);
  for (let day = 0; day < days; day++) {
    const time = start + day * DAY + 10 * 3_600_000;
    setNow(time);
    // Answer the queue, learning steps included, as a session would (a few passes a day).
    for (let pass = 0; pass < 6; pass++) {
      setNow(time + pass * 15 * 60_000);
      for (const card of col.queue(deck).cards) {
        const roll = random();
        const grade: Grade = roll < 0.12 ? 'again' : roll < 0.2 ? 'hard' : roll < 0.9 ? 'good' : 'easy';
        col.answer(card.id, grade, SECONDS[grade] * 1000);
      }
    }
  }
}

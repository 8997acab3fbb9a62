/**
 * A review log generated from KNOWN FSRS weights: cards are answered on their due days and
 * recalled with exactly the probability the true model gives, so a good optimizer must move
 * towards the true weights and away from the defaults.
 */
import { FSRSAlgorithm, default_w, generatorParameters, type FSRSState } from 'ts-fsrs';
import { newMemory } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/index.js';
import type { CardHistory, ReviewStep } from '../../src/scheduler/optimizer-items.js';
import { prng } from '../helpers/prng.js';

/** A learner unlike the defaults: weaker first memories, smaller gains on recall, a steeper forgetting curve. */
export const TRUE_WEIGHTS: readonly number[] = default_w.map((w, i) => {
  const changed: Record<number, number> = { 0: 0.1, 1: 0.4, 2: 0.8, 3: 3.0, 8: 1.3, 9: 0.3, 10: 1.2, 11: 1.0, 20: 0.3 };
  return changed[i] ?? w;
});

export { prng } from '../helpers/prng.js';

export interface SyntheticAnswer {
  /** Day of the simulation the answer was given. */
  day: number;
  rating: ReviewStep['rating'];
}

export function simulateLog(weights: readonly number[], opts: { cards: number; days: number; seed: number }): SyntheticAnswer[][] {
  const random = prng(opts.seed);
  const model = new FSRSAlgorithm(generatorParameters({ w: [...weights], enable_short_term: true, request_retention: 0.85, enable_fuzz: false }));
  const cards: SyntheticAnswer[][] = [];
  for (let c = 0; c < opts.cards; c++) {
    let day = Math.floor(random() * opts.days * 0.5);
    const first = random();
    const rating: ReviewStep['rating'] = first < 0.15 ? 1 : first < 0.25 ? 2 : first < 0.9 ? 3 : 4;
    const answers: SyntheticAnswer[] = [{ day, rating }];
    let state: FSRSState = model.next_state(null, 0, rating);
    if (rating <= 2) state = learnStep(model, state, answers, day);
    for (;;) {
      // The schedule of the true model, jittered so that many intervals are seen.
      const interval = Math.max(1, Math.round(model.next_interval(state.stability, 0) * (0.6 + 0.8 * random())));
      day += interval;
      if (day >= opts.days) break;
      const recalled = random() < model.forgetting_curve(interval, state.stability);
      const roll = random();
      const grade: ReviewStep['rating'] = !recalled ? 1 : roll < 0.1 ? 2 : roll < 0.92 ? 3 : 4;
      answers.push({ day, rating: grade });
      state = model.next_state(state, interval, grade);
      if (!recalled) state = learnStep(model, state, answers, day);
    }
    cards.push(answers);
  }
  return cards;
}

/** A same-day relearning step answered good, as after a lapse in Anki. */
function learnStep(model: FSRSAlgorithm, state: FSRSState, answers: SyntheticAnswer[], day: number): FSRSState {
  answers.push({ day, rating: 3 });
  return model.next_state(state, 0, 3);
}

/** The same log as the optimizer's histories (study days are simulation days). */
export function toHistories(cards: SyntheticAnswer[][]): CardHistory[] {
  return cards.map((answers, cardId) => ({
    cardId,
    steps: answers.map((a, i) => ({ rating: a.rating, deltaT: i === 0 ? 0 : a.day - answers[i - 1]!.day })),
  }));
}

const GRADE_NAMES = ['', 'again', 'hard', 'good', 'easy'] as const;
const DAY = 86_400_000;

/**
 * Writes the log into a deck of a real database through the store, as if answered at
 * 10:00 UTC on each simulated day (same-day steps ten minutes apart).
 */
export function writeLog(store: Store, deckName: string, cards: SyntheticAnswer[][], start: number): number {
  return store.transaction(() => {
    const deckId = store.getDeckByName(deckName)?.id ?? store.insertDeck(deckName, start);
    for (const [c, answers] of cards.entries()) {
      const cardId = store.insertCard({
        deckId, noteId: null, kind: 'manual', front: `${deckName} ${c}?`, back: `${c}`, source: null, breadcrumb: [],
        itemKey: `${deckName}:${c}`, tags: [], memory: newMemory(start), createdAt: start,
      });
      for (const [i, answer] of answers.entries()) {
        const sameDayBefore = answers.slice(0, i).filter((a) => a.day === answer.day).length;
        store.insertReview({
          cardId, grade: GRADE_NAMES[answer.rating], reviewedAt: start + answer.day * DAY + 10 * 3_600_000 + sameDayBefore * 600_000,
          elapsedDays: i === 0 ? 0 : answer.day - answers[i - 1]!.day, durationMs: null,
          stateBefore: i === 0 ? 'new' : 'review', stateAfter: 'review', before: '{}',
        });
      }
    }
    return deckId;
  });
}

/**
 * Calibration of the memory model in use: each deck's log replayed with that deck's current
 * weights, the predictions pooled into bins (see scheduler/calibration.ts).
 */
import { addCalibration, calibrationBins, emptyCalibration, type CalibrationBin, type CalibrationSums } from '../scheduler/calibration.js';
import { leechCandidate, worstLeechesFirst, type LeechCandidate, type MemoryLeech } from './leeches.js';
import type { CardHistory, ReviewStep } from '../scheduler/optimizer-items.js';
import { calibrationAnswers, type CalibrationAnswer } from '../store/calibration.js';
import { DAY, dayStart } from '../core/index.js';
import type { Collection } from './collection.js';

export function calibrationOf(col: Collection, deckIds: readonly number[], pending: Array<() => void> | null = null): CalibrationBin[] {
  return calibrationView(col, deckIds, 0, pending).calibration;
}

/** How many leeches by memory `engram stats` lists. */
export const LEECHES_SHOWN = 10;

/** What one deck's replay yields, as the store's cache keeps it. */
interface DeckCalibration {
  sums: CalibrationSums;
  /** The deck's leech candidates by memory (few: cards that fail the deck's leechMemory rule). */
  candidates: LeechCandidate[];
}

/**
 * The calibration bins and, from the same replay, the worst `leechLimit` leeches by memory
 * (collection/leeches.ts): one pass over each deck's log. With `pending`, each deck's result is
 * read from the store's cache when its log, weights, rollover hour, leech rule and time zone
 * are as when it was cached (any answer or undo in the deck drops its entry), and the results
 * of the decks replayed now are handed back as writes for the caller to run; without it, every
 * deck is replayed.
 */
export function calibrationView(
  col: Collection, deckIds: readonly number[], leechLimit = LEECHES_SHOWN, pending: Array<() => void> | null = null,
): { calibration: CalibrationBin[]; leeches: MemoryLeech[] } {
  const sums = emptyCalibration();
  const candidates: LeechCandidate[] = [];
  // Read once: each Intl.DateTimeFormat costs about a millisecond, a hundred decks a tenth of a second.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const deckId of deckIds) {
    const options = col.deckOptions(deckId);
    const key = JSON.stringify({
      v: 2, weights: options.weights, rolloverHour: options.rolloverHour, leechMemory: options.leechMemory ?? null,
      zone,
    });
    const cached = pending ? col.store.cachedCalibration(deckId, key) : null;
    let deck: DeckCalibration;
    if (cached !== null) {
      deck = JSON.parse(cached) as DeckCalibration;
    } else {
      deck = { sums: emptyCalibration(), candidates: [] };
      const answers = calibrationAnswers(col.store, deckId);
      if (answers.length > 0) {
        addCalibration(deck.sums, histories(answers, studyDayCounter(options.rolloverHour)), options.weights, (card) => {
          const candidate = leechCandidate(card, deckId, options);
          if (candidate) deck.candidates.push(candidate);
        });
      }
      const json = JSON.stringify(deck);
      pending?.push(() => col.store.cacheCalibration(deckId, key, json));
    }
    for (let i = 0; i < sums.count.length; i++) {
      sums.predicted[i]! += deck.sums.predicted[i] ?? 0;
      sums.recalled[i]! += deck.sums.recalled[i] ?? 0;
      sums.count[i]! += deck.sums.count[i] ?? 0;
    }
    candidates.push(...deck.candidates);
  }
  const leeches: MemoryLeech[] = [];
  for (const c of candidates.sort(worstLeechesFirst)) {
    if (leeches.length >= leechLimit) break;
    const card = col.getCard(c.cardId);
    if (card.retired) continue;
    leeches.push({
      id: card.id, front: card.front, deck: card.deck, reviews: c.reviews, stability: c.stability,
      predicted: c.predicted, observed: c.observed, tagged: card.tags.includes('leech'),
    });
  }
  return { calibration: calibrationBins(sums), leeches };
}

const RATINGS: Record<string, ReviewStep['rating']> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * Per card, its answers as (rating, study days since the previous one), as cardHistories in
 * scheduler/optimizer-items makes them (cards whose log does not start at the first answer
 * left out), from rows already in order with their study day.
 */
function histories(answers: readonly CalibrationAnswer[], studyDay: (time: number) => number): CardHistory[] {
  const out: CardHistory[] = [];
  let current: CardHistory | null = null;
  let complete = false;
  let previousDay = 0;
  for (const [cardId, grade, stateBefore, time] of answers) {
    const rating = RATINGS[grade];
    if (rating === undefined) continue;
    const day = studyDay(time);
    if (current === null || current.cardId !== cardId) {
      if (current && complete) out.push(current);
      current = { cardId, steps: [] };
      complete = stateBefore === 'new';
      previousDay = day;
    }
    current.steps.push({ rating, deltaT: current.steps.length === 0 ? 0 : Math.max(0, day - previousDay) });
    previousDay = day;
  }
  if (current && complete) out.push(current);
  return out;
}

/**
 * The study day number of a time, as dayStart counts days (local time, rollover hour), cached
 * per quarter hour: offsets and rollovers change on quarter-hour marks, and working out local
 * time per row made `engram stats` seconds slower on a large log.
 */
function studyDayCounter(rolloverHour: number): (time: number) => number {
  const QUARTER = 900_000;
  const cache = new Map<number, number>();
  return (time) => {
    const key = Math.floor(time / QUARTER);
    let day = cache.get(key);
    if (day === undefined) cache.set(key, (day = Math.round(dayStart(key * QUARTER, rolloverHour) / DAY)));
    return day;
  };
}

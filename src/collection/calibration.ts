/**
 * Calibration of the memory model in use: each deck's log replayed with that deck's current
 * weights, the predictions pooled into bins (see scheduler/calibration.ts).
 */
import { addCalibration, calibrationBins, emptyCalibration, type CalibrationBin, type CalibrationSums } from '../scheduler/calibration.js';
import { leechCandidate, worstLeechesFirst, type LeechCandidate, type MemoryLeech } from './leeches.js';
import type { CardHistory, ReviewStep } from '../scheduler/optimizer-items.js';
import { calibrationAnswers, type CalibrationAnswer } from '../store/calibration.js';
import { CALIBRATION_PARTS, calibrationPart } from '../store/index.js';
import { DAY, dayStart } from '../core/index.js';
import type { Collection } from './collection.js';

export function calibrationOf(col: Collection, deckIds: readonly number[], pending: Array<() => void> | null = null): CalibrationBin[] {
  return calibrationView(col, deckIds, 0, pending).calibration;
}

/** How many leeches by memory `engram stats` lists. */
export const LEECHES_SHOWN = 10;

/** What the replay of one part of a deck yields, as the store's cache keeps it. */
interface DeckCalibration {
  sums: CalibrationSums;
  /** The deck's leech candidates by memory (few: cards that fail the deck's leechMemory rule). */
  candidates: LeechCandidate[];
}

/**
 * The calibration bins and, from the same replay, the worst `leechLimit` leeches by memory
 * (collection/leeches.ts): one pass over each deck's log, in CALIBRATION_PARTS parts (a card in
 * the part its id hashes to, store calibrationPart), summed part by part. With `pending`, each part is read
 * from the store's cache when its log, the deck's weights, rollover hour, leech rule and the
 * time zone are as when it was cached (an answer or undo drops its card's part), and the parts
 * replayed now are handed back as writes for the caller to run; without it, every part is
 * replayed. Either way the sums are added in the same order, so both give the same numbers.
 */
export function calibrationView(
  col: Collection, deckIds: readonly number[], leechLimit = LEECHES_SHOWN, pending: Array<() => void> | null = null,
): { calibration: CalibrationBin[]; leeches: MemoryLeech[] } {
  const sums = emptyCalibration();
  const candidates: LeechCandidate[] = [];
  // Read once: each Intl.DateTimeFormat costs about a millisecond, a hundred decks a tenth of a second.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const cache = pending ? col.store.cachedCalibrations() : new Map<number, Map<number, { key: string; sums: string }>>();
  for (const deckId of deckIds) {
    const options = col.deckOptions(deckId);
    const key = JSON.stringify({
      v: 3, weights: options.weights, rolloverHour: options.rolloverHour, leechMemory: options.leechMemory ?? null,
      zone,
    });
    const cachedParts = cache.get(deckId);
    const parts: Array<DeckCalibration | null> = Array.from({ length: CALIBRATION_PARTS }, (_, part) => {
      const cached = cachedParts?.get(part);
      return cached && cached.key === key ? (JSON.parse(cached.sums) as DeckCalibration) : null;
    });
    const missing = parts.flatMap((p, part) => (p === null ? [part] : []));
    if (missing.length > 0) {
      // One part alone is read by itself; several, from one read of the deck's log.
      const answersOf = missing.length === 1
        ? new Map([[missing[0]!, calibrationAnswers(col.store, deckId, missing[0]!)]])
        : answersByPart(calibrationAnswers(col.store, deckId));
      const studyDay = studyDayCounter(options.rolloverHour);
      for (const part of missing) {
        const replayed: DeckCalibration = { sums: emptyCalibration(), candidates: [] };
        const answers = answersOf.get(part) ?? [];
        if (answers.length > 0) {
          addCalibration(replayed.sums, histories(answers, studyDay), options.weights, (card) => {
            const candidate = leechCandidate(card, deckId, options);
            if (candidate) replayed.candidates.push(candidate);
          });
        }
        parts[part] = replayed;
        const json = JSON.stringify(replayed);
        pending?.push(() => col.store.cacheCalibration(deckId, part, key, json));
      }
    }
    for (const deck of parts) {
      if (!deck) continue;
      for (let i = 0; i < sums.count.length; i++) {
        sums.predicted[i]! += deck.sums.predicted[i] ?? 0;
        sums.recalled[i]! += deck.sums.recalled[i] ?? 0;
        sums.count[i]! += deck.sums.count[i] ?? 0;
      }
      candidates.push(...deck.candidates);
    }
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

/** A deck's log split into its calibration parts, each still in card and answer order. */
function answersByPart(answers: readonly CalibrationAnswer[]): Map<number, CalibrationAnswer[]> {
  const out = new Map<number, CalibrationAnswer[]>();
  for (const answer of answers) {
    const part = calibrationPart(answer[0]);
    let list = out.get(part);
    if (!list) out.set(part, (list = []));
    list.push(answer);
  }
  return out;
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

/**
 * Load balance and easy days through Collection.answer on a temporary database: the due day
 * stays inside the fuzz range, the daily load is flatter than with fuzz alone, easy days get
 * fewer reviews, and replaying the deck's log (replaySchedules) reproduces every card.
 */
import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { setNow, type Grade, type Memory } from '../../src/core/index.js';
import { schedulerOptions } from '../../src/collection/deck-options.js';
import { replaySchedules } from '../../src/collection/load-balance.js';
import { answerMemory } from '../../src/scheduler/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

/** Monday 5 January 2026, 09:00 local time. */
const START = new Date(2026, 0, 5, 9).getTime();
const temp = useTempCollection(START);

const CARDS = 300;
const DAYS = 56;

interface Run {
  /** Reviews answered on each day. */
  answered: number[];
  weekdays: number[];
  outsideRange: number;
  movedByFuzz: number;

  ids: number[];
}

/**
 * 300 cards in three bursts (days 0, 7, 14), no learning steps; every due card is answered
 * each morning, 10 % again. Each answer is checked against FSRS's own interval and fuzz range.
 */
function study(options: Record<string, string>): Run {
  const col = temp.col();
  const ids: number[] = [];
  col.addCard('Deck', 'seed', 'seed');
  for (const [key, value] of Object.entries({ learningSteps: '', relearningSteps: '', ...options })) col.setOption('Deck', key, value);
  const deck = col.getCard(1).deckId;
  const scheduler = schedulerOptions(col.deckOptions(deck));
  const random = prng(7);
  const memories = new Map<number, Memory>();
  const run: Run = { answered: [], weekdays: [], outsideRange: 0, movedByFuzz: 0, ids };
  for (let day = 0; day < DAYS; day++) {
    const morning = new Date(2026, 0, 5 + day, 9).getTime();
    run.weekdays.push(new Date(morning).getDay());
    let time = morning;
    setNow(time);
    if (day % 7 === 0 && ids.length < CARDS) {
      for (let i = 0; i < CARDS / 3; i++) {
        const id = col.addCard('Deck', `q${ids.length}`, `a${ids.length}`).id;
        ids.push(id);
        memories.set(id, col.getCard(id).memory);
      }
    }
    let answered = 0;
    for (const id of ids) {
      const before = memories.get(id)!;
      if (before.due > morning + 12 * 3_600_000) continue;
      setNow((time += 1000));
      const grade: Grade = random() < 0.1 ? 'again' : 'good';
      const after = col.answer(id, grade).memory;
      if (before.state !== 'new') answered++;
      memories.set(id, after);
      const plain = answerMemory(before, grade, time, { ...scheduler, fuzz: false });
      if (plain.state === 'review' && plain.scheduledDays >= 3) {
        const { min_ivl, max_ivl } = get_fuzz_range(plain.scheduledDays, plain.elapsedDays, scheduler.maximumInterval);
        if (after.scheduledDays < min_ivl || after.scheduledDays > max_ivl) run.outsideRange++;
        if (after.scheduledDays !== plain.scheduledDays) run.movedByFuzz++;
        expect({ ...after, due: 0, scheduledDays: 0 }).toEqual({ ...plain, due: 0, scheduledDays: 0 });
      }
    }
    run.answered.push(answered);
  }
  return run;
}

/** Standard deviation of each day's count from its centred week's mean (the trend left out). */
function unevenness(answered: number[], from: number): number {
  const gaps: number[] = [];
  for (let d = from; d < answered.length - 3; d++) {
    const week = answered.slice(d - 3, d + 4);
    gaps.push(answered[d]! - week.reduce((a, b) => a + b, 0) / 7);
  }
  return Math.sqrt(gaps.reduce((a, b) => a + b * b, 0) / gaps.length);
}

function expectReplayReproduces(ids: number[]): void {
  const col = temp.col();
  const deck = col.getCard(ids[0]!).deckId;
  const replayed = replaySchedules(col, deck);
  for (const id of ids) expect(replayed.get(id)).toEqual(col.getCard(id).memory);
}

describe('load balance through Collection.answer', () => {
  let fuzzOnly: Run;

  it('with fuzz alone (loadBalance false) the days are uneven', () => {
    fuzzOnly = study({ loadBalance: 'false' });
    expect(fuzzOnly.movedByFuzz).toBeGreaterThan(0);
    expectReplayReproduces(fuzzOnly.ids);
  });

  it('load-balanced: inside the fuzz range, flatter, and the log replays to the same due dates', () => {
    const balanced = study({});
    expect(balanced.outsideRange).toBe(0);
    const before = unevenness(fuzzOnly.answered, 25);
    const after = unevenness(balanced.answered, 25);
    console.log(`300 cards, days 25-${DAYS - 4}: daily reviews' standard deviation from the week's mean ${before.toFixed(1)} fuzz only, ${after.toFixed(1)} load-balanced`);
    expect(after).toBeLessThan(before * 0.8);
    expectReplayReproduces(balanced.ids);
    // The replay can fail: a log with an answer dropped gives other dates.
    const col = temp.col();
    const deck = col.getCard(balanced.ids[0]!).deckId;
    col.store.db.prepare('DELETE FROM reviews WHERE id = (SELECT MIN(id) FROM reviews WHERE card_id = ?)').run(balanced.ids[5]);
    const replayed = replaySchedules(col, deck);
    expect(balanced.ids.some((id) => replayed.get(id)!.due !== col.getCard(id).memory.due)).toBe(true);
  });

  it('easy days (Sunday minimum, Saturday reduced) get fewer reviews, and the log still replays', () => {
    const easy = study({ easyDays: 'sun=minimum sat=reduced' });
    expect(easy.outsideRange).toBe(0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const on = (run: Run, weekday: number) => mean(run.answered.filter((_, d) => d >= 25 && run.weekdays[d] === weekday));
    const weekdays = (run: Run) => mean(run.answered.filter((_, d) => d >= 25 && run.weekdays[d]! >= 1 && run.weekdays[d]! <= 5));
    console.log(`reviews per day from day 25: Sunday ${on(easy, 0).toFixed(0)}, Saturday ${on(easy, 6).toFixed(0)}, Monday-Friday ${weekdays(easy).toFixed(0)} (fuzz only: ${on(fuzzOnly, 0).toFixed(0)}, ${on(fuzzOnly, 6).toFixed(0)}, ${weekdays(fuzzOnly).toFixed(0)})`);
    expect(on(easy, 0)).toBeLessThan(0.5 * weekdays(easy));
    expect(on(easy, 6)).toBeLessThan(0.85 * weekdays(easy));
    expect(on(easy, 0)).toBeLessThan(on(easy, 6));
    expectReplayReproduces(easy.ids);
  });
});

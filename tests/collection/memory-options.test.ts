/**
 * The options of issue 18 through the collection: loadBalance, easyDays and leechMemory are
 * validated with one-line errors, and a card FSRS is not learning becomes a leech by memory
 * (the same `leech` tag and leechAction as the lapse rule) and is listed by `engram stats`.
 */
import { describe, expect, it } from 'vitest';
import { setNow, type Grade } from '../../src/core/index.js';
import { collectionStats } from '../../src/collection/stats.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const START = Date.parse('2026-03-02T09:00:00Z');
const temp = useTempCollection(START);

function setOptions(options: Record<string, string>): void {
  for (const [key, value] of Object.entries(options)) temp.col().setOption('Deck', key, value);
}

describe('option validation', () => {
  it('reads easyDays as load factors by week day, in words or numbers', () => {
    const col = temp.col();
    col.addCard('Deck', 'q', 'a');
    expect(col.setOption('Deck', 'easyDays', 'sun=minimum sat=reduced')[0]!.value).toEqual({ sun: 0, sat: 0.5 });
    expect(col.setOption('Deck', 'easyDays', 'Sun=0.25,wed=normal')[0]!.value).toEqual({ sun: 0.25, wed: 1 });
    expect(col.getOptions('Deck')[0]!.options.easyDays).toEqual({ sun: 0.25, wed: 1 });
    expect(col.setOption('Deck', 'easyDays', 'none')[0]!.value).toEqual({});
    expect(col.setOption('Deck', 'leechMemory', '10:3')[0]!.value).toEqual({ reviews: 10, stability: 3 });
    expect(col.setOption('Deck', 'leechMemory', '12:1.5d')[0]!.value).toEqual({ reviews: 12, stability: 1.5 });
    expect(col.setOption('Deck', 'leechMemory', 'off')[0]!.value).toBeNull();
    expect(col.setOption('Deck', 'loadBalance', 'false')[0]!.value).toBe(false);
    expect(col.getOptions('Deck')[0]!.options.loadBalance).toBe(false);
  });

  it('defaults: load balance on, no easy days, no memory rule', () => {
    const col = temp.col();
    col.addCard('Deck', 'q', 'a');
    const options = col.getOptions('Deck')[0]!.options;
    expect(options.loadBalance).toBe(true);
    expect(options.easyDays).toEqual({});
    expect(options.leechMemory).toBeNull();
  });

  it('refuses bad values with one line naming the option and what is allowed', () => {
    const col = temp.col();
    col.addCard('Deck', 'q', 'a');
    const bad: Array<[string, string, RegExp]> = [
      ['easyDays', 'funday=0.5', /^invalid value 'funday=0\.5' for easyDays: expected week days with a load factor/],
      ['easyDays', 'sun=2', /for easyDays: expected/],
      ['easyDays', 'sun=light', /for easyDays: expected/],
      ['easyDays', 'sun', /for easyDays: expected/],
      ['easyDays', 'sun=constructor', /for easyDays: expected/],
      ['leechMemory', '1:3', /^invalid value '1:3' for leechMemory: expected off, or REVIEWS:DAYS/],
      ['leechMemory', 'ten', /for leechMemory: expected/],
      ['leechMemory', '10:0', /for leechMemory: expected/],
      ['loadBalance', 'maybe', /^invalid value 'maybe' for loadBalance: expected true or false/],
    ];
    for (const [key, value, message] of bad) {
      let error: Error | null = null;
      try {
        col.setOption('Deck', key, value);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, `${key} ${value}`).toMatch(message);
      expect(error!.message).not.toContain('\n');
    }
    const options = col.getOptions('Deck')[0]!.options;
    expect([options.easyDays, options.leechMemory, options.loadBalance]).toEqual([{}, null, true]);
  });
});

/**
 * Answers one card whenever it is due (the clock moved to its due time), with `grades` in turn,
 * and returns each answer's leech flag.
 */
function answerAtDue(id: number, grades: Grade[]): boolean[] {
  const col = temp.col();
  return grades.map((grade) => {
    setNow(Math.max(col.getCard(id).memory.due, START) + 60_000);
    return col.answer(id, grade).leech;
  });
}

describe('leeches by memory', () => {
  // Forgotten every other time: stability stays around a day however many answers it gets.
  const struggling: Grade[] = ['good', 'again', 'good', 'again', 'hard', 'again', 'good', 'again', 'hard', 'again'];
  const learned: Grade[] = Array.from({ length: 10 }, () => 'good' as const);

  it('tags a card whose stability stays low after N answers, once, and leaves learned cards alone', () => {
    const col = temp.col();
    const weak = col.addCard('Deck', 'weak card', 'a').id;
    const strong = col.addCard('Deck', 'strong card', 'b').id;
    setOptions({ learningSteps: '', relearningSteps: '', leechMemory: '6:2', leechAction: 'tag', leechThreshold: '99' });
    const flags = answerAtDue(weak, struggling);
    // Not before the sixth answer; then once (the tag is there), not at every later answer.
    expect(flags.slice(0, 5).some(Boolean)).toBe(false);
    expect(flags.filter(Boolean)).toHaveLength(1);
    const card = col.getCard(weak);
    expect(card.memory.reps).toBe(10);
    expect(card.memory.stability).toBeLessThan(2);
    expect(card.tags).toContain('leech');
    expect(card.suspended).toBe(false);
    expect(answerAtDue(strong, learned).some(Boolean)).toBe(false);
    expect(col.getCard(strong).tags).not.toContain('leech');
    expect(col.getCard(strong).memory.stability).toBeGreaterThan(2);
  });

  it('suspends with leechAction suspend, and is off by default', () => {
    const col = temp.col();
    const a = col.addCard('Deck', 'weak one', 'a').id;
    const b = col.addCard('Other', 'weak two', 'b').id;
    setOptions({ learningSteps: '', relearningSteps: '', leechMemory: '6:2', leechThreshold: '99' });
    for (const [key, value] of Object.entries({ learningSteps: '', relearningSteps: '', leechThreshold: '99' })) col.setOption('Other', key, value);
    answerAtDue(a, struggling);
    answerAtDue(b, struggling);
    expect(col.getCard(a).suspended).toBe(true);
    expect(col.getCard(a).tags).toContain('leech');
    expect(col.getCard(b).suspended).toBe(false); // 'Other' has no leechMemory
    expect(col.getCard(b).tags).not.toContain('leech');
  });

  it('engram stats lists the worst cards with answers, stability, predicted and observed recall', () => {
    const col = temp.col();
    const weak = col.addCard('Deck', 'weak card', 'a').id;
    const strong = col.addCard('Deck', 'strong card', 'b').id;
    setOptions({ learningSteps: '', relearningSteps: '', leechThreshold: '99' });
    // Anki-like spacing regardless of what FSRS expects: answered 3 days apart, failing 3 in 4.
    const grades: Grade[] = ['good', 'again', 'again', 'good', 'again', 'again', 'again', 'good', 'again', 'again', 'again', 'good'];
    grades.forEach((grade, i) => {
      setNow(START + i * 3 * 86_400_000);
      col.answer(weak, grade);
    });
    answerAtDue(strong, learned);
    const stats = collectionStats(col);
    const leeches = stats.leeches;
    expect(leeches.map((l) => l.id)).toEqual([weak]);
    const [leech] = leeches;
    expect(leech).toMatchObject({ front: 'weak card', deck: 'Deck', reviews: 12, tagged: false });
    expect(leech!.stability).toBeLessThan(3);
    // 11 predictions (every answer after the first), 3 of them recalled.
    expect(leech!.observed).toBeCloseTo(3 / 11, 6);
    expect(leech!.predicted! - leech!.observed!).toBeGreaterThan(0.25);
  });
});

/**
 * The card-action commands' contract: forget, flag, tag, reschedule and undo of any action —
 * arguments, JSON shapes, exit codes and one-line errors. The rules are tested in-process in
 * tests/collection/card-actions.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const DAY1 = '2026-12-01T09:00:00Z';

/** Two cards, the first answered easy (in review). */
function setUp(): [number, number] {
  return withCollectionAt(env.db, DAY1, (col) => {
    const a = col.addCard('Test', 'question 1', 'answer 1').id;
    const b = col.addCard('Test', 'question 2', 'answer 2').id;
    col.answer(a, 'easy');
    return [a, b];
  });
}

describe('card actions from the command line', () => {
  it('flag, tag, reschedule and forget print {action, actionId, cards}; undo takes them back newest first', { timeout: 90_000 }, () => {
    const [a, b] = setUp();
    const flagged = env.json(['flag', String(a), String(b), '3'], { now: DAY1 });
    expect(flagged).toEqual({ action: 'flag', actionId: expect.any(Number), cards: [expect.objectContaining({ id: a, flag: 3 }), expect.objectContaining({ id: b, flag: 3 })] });
    expect(env.run(['flag', String(a), 'red'], { now: DAY1 }).stdout).toBe(`card ${a} flagged red\n`);
    const tagged = env.json(['tag', String(a), '+exam', '-nothing', '+#week1'], { now: DAY1 });
    expect(tagged.cards[0].tags).toEqual(['exam', 'week1']);
    const rescheduled = env.json(['reschedule', String(a), '--days', '10'], { now: DAY1 });
    expect(rescheduled.cards[0]).toMatchObject({ id: a, state: 'review', due: '2026-12-11T04:00:00.000Z' });
    const forgot = env.json(['forget', String(a)], { now: DAY1 });
    expect(forgot).toMatchObject({ action: 'forget', cards: [{ id: a, state: 'new' }] });
    const shown = env.json(['show', String(a)], { now: DAY1 });
    expect([shown.reviews.length, shown.resets]).toEqual([1, ['2026-12-01T09:00:00.000Z']]);

    const undone = env.json(['undo'], { now: DAY1 });
    expect(undone).toEqual({ undone: { action: 'forget', actionId: forgot.actionId, cardIds: [a] }, card: expect.objectContaining({ id: a, state: 'review' }), cards: [expect.objectContaining({ id: a })] });
    expect(env.run(['undo'], { now: DAY1 }).stdout).toBe(`undid reschedule of card ${a}\n`);
    expect(env.json(['undo'], { now: DAY1 }).undone).toEqual({ action: 'tag', actionId: tagged.actionId, cardIds: [a], add: ['exam', 'week1'], remove: ['nothing'] });
    expect(env.json(['undo'], { now: DAY1 }).undone).toMatchObject({ action: 'flag', flag: 1 });
    expect(env.json(['undo'], { now: DAY1 }).cards.map((c: { flag: number }) => c.flag)).toEqual([0, 0]);
    expect(env.json(['undo'], { now: DAY1 }).undone).toMatchObject({ action: 'answer', cardId: a, grade: 'easy' });
  });

  it('bad card ids, a bad flag, bad tags and bad --days are one-line errors with exit 2 (usage) or 1 (no such card), and change nothing', { timeout: 90_000 }, () => {
    const [a] = setUp();
    const cases: Array<[string[], number, string]> = [
      [['flag', String(a), '7'], 2, "engram: invalid flag '7': expected 0-4 (0 clears; 1 red, 2 orange, 3 green, 4 blue)\n"],
      [['flag', 'x1', '2'], 2, "engram: invalid card id 'x1': expected a number\n"],
      [['flag', String(a), '999', '2'], 1, 'engram: no card with id 999\n'],
      [['forget', '999'], 1, 'engram: no card with id 999\n'],
      [['tag', String(a)], 2, 'engram: name a tag to add (+tag) or remove (-tag)\n'],
      [['tag', String(a), '+two words'], 2, "engram: invalid tag '+two words': expected +tag or -tag (no spaces, commas or quotes)\n"],
      [['reschedule', String(a), '--days', '-3'], 2, "engram: invalid --days '-3': expected a whole number of days, 0 or more\n"],
    ];
    for (const [args, code, stderr] of cases) {
      const r = env.run(args, { now: DAY1 });
      expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), code, stderr]);
    }
    const shown = env.json(['show', String(a)], { now: DAY1 });
    expect(shown).toMatchObject({ flag: 0, tags: [], state: 'review' });
    // The only action in the journal is still the answer.
    expect(env.json(['undo'], { now: DAY1 }).undone.action).toBe('answer');
  });

  it('reschedule refuses a new card with one line naming it', () => {
    const [, b] = setUp();
    const r = env.run(['reschedule', String(b), '--days', '2'], { now: DAY1 });
    expect([r.code, r.stderr]).toEqual([1, `engram: card ${b} is new: it has no memory to schedule yet (answer it once, or leave it new)\n`]);
  });
});

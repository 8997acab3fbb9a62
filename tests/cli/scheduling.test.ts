import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const DAY1 = '2026-12-01T09:00:00Z';

/** Cards added in-process: setting up is not what these tests check (`add` itself is spawned below). */
function addCards(n: number, deck = 'Test', now = DAY1): number[] {
  return withCollectionAt(env.db, now, (col) => Array.from({ length: n }, (_, i) => col.addCard(deck, `question ${i + 1}`, `answer ${i + 1}`).id));
}

// The scheduling rules themselves (learning steps, limits, rollover, learn-ahead, undo, bury,
// leeches) are tested in-process in tests/collection/scheduling.test.ts; here, the commands'
// contract: arguments, JSON shapes, exit codes.
describe('the study commands\' JSON', () => {
  it('add, answer, show, due and undo print the documented shapes', () => {
    const added = env.json(['add', '--deck', 'Test', '--front', 'question 1', '--back', 'answer 1'], { now: DAY1 });
    expect(added).toMatchObject({ deck: 'Test', front: 'question 1', back: 'answer 1', kind: 'manual', state: 'new', reps: 0 });
    const id: number = added.id;
    const answered = env.json(['answer', String(id), '1'], { now: DAY1 });
    expect(answered).toEqual({
      id, grade: 'again', state: 'learning', due: '2026-12-01T09:01:00.000Z', stability: expect.any(Number),
      difficulty: expect.any(Number), interval_days: 0.0007, leech: false, suspended: false,
    });
    const due = env.json(['due'], { now: '2026-12-01T09:00:30Z' });
    expect(due.counts).toEqual({ new: 0, learning: 1, review: 0 });
    expect(Object.keys(due.cards[0]).sort()).toEqual([
      'back', 'breadcrumb', 'buried', 'deck', 'difficulty', 'due', 'flag', 'front', 'id', 'kind', 'lapses', 'reps', 'retired',
      'source', 'stability', 'state', 'suggestion', 'suspended', 'tags',
    ]);
    const shown = env.json(['show', String(id)], { now: DAY1 });
    expect(shown).toMatchObject({ id, deck: 'Test', front: 'question 1', state: 'learning', reps: 1, example: null });
    expect(Object.keys(shown.intervals)).toEqual(['again', 'hard', 'good', 'easy']);
    expect(shown.reviews).toEqual([expect.objectContaining({ grade: 'again', stateBefore: 'new', stateAfter: 'learning', reviewedAt: '2026-12-01T09:00:00.000Z' })]);
    const undone = env.json(['undo'], { now: DAY1 });
    const card = expect.objectContaining({ id, state: 'new', reps: 0 });
    expect(undone).toEqual({
      undone: { action: 'answer', actionId: expect.any(Number), reviewId: expect.any(Number), cardId: id, grade: 'again' }, card, cards: [card],
    });
    const again = env.run(['undo']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('engram: nothing to undo\n');
  });

  it('suspend, unsuspend, bury and config print the card and the change', () => {
    const [id] = addCards(1);
    expect(env.json(['suspend', String(id)])).toMatchObject({ id, suspended: true });
    expect(env.json(['unsuspend', String(id)])).toMatchObject({ id, suspended: false });
    expect(env.json(['bury', String(id)], { now: DAY1 })).toMatchObject({ id, buried: true });
    expect(env.json(['config', '--deck', 'Test', 'newPerDay', '2'])).toEqual([{ deck: 'Test', key: 'newPerDay', value: 2 }]);
    expect(env.json(['config', 'newPerDay'])).toEqual([{ deck: 'Test', key: 'newPerDay', value: 2, source: { from: 'deck' } }]);
    expect(env.run(['bury', String(id)], { now: DAY1 }).stdout).toBe(`card ${id} buried until 2026-12-02 04:00\n`);
  });
});

describe('errors', () => {
  it('gives one-line errors and the documented exit codes', () => {
    addCards(1);
    const unknown = env.run(['answer', '999', 'good']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('engram: no card with id 999\n');
    const badRating = env.run(['answer', '1', 'great']);
    expect(badRating.code).toBe(2);
    expect(badRating.stderr).toContain("invalid rating 'great'");
    const badFlag = env.run(['decks', '--bogus']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("unknown option '--bogus'");
    const badDeck = env.run(['due', '--deck', 'Nope']);
    expect(badDeck.code).toBe(1);
    expect(badDeck.stderr.split('\n')[0]).toMatch(/^engram: no deck named 'Nope'/);
    const badValue = env.run(['config', 'desiredRetention', '1.5']);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toBe("engram: invalid value '1.5' for desiredRetention: expected a number from 0.7 to 0.99\n");
    const badEasy = env.run(['config', 'easyDays', 'sunday=half']);
    expect(badEasy.code).toBe(2);
    expect(badEasy.stderr).toMatch(/^engram: invalid value 'sunday=half' for easyDays: expected week days with a load factor, like "sun=minimum sat=reduced"[^\n]*\n$/);
    const easy = env.json(['config', 'easyDays', 'sun=minimum sat=reduced']);
    expect(easy[0].value).toEqual({ sun: 0, sat: 0.5 });
    expect(env.run(['config', 'easyDays']).stdout).toContain('easyDays = {"sun":0,"sat":0.5}');
    const badKey = env.run(['config', 'colour', 'red']);
    expect(badKey.code).toBe(2);
    const badNow = env.run(['decks'], { now: 'yesterday' });
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toBe('engram: ENGRAM_NOW is not an ISO time: yesterday\n');
  });

  it('never prints control sequences from card text', () => {
    const [id] = [env.json(['add', '--deck', 'X', '--front', 'evil\u001b]52;c;ZXZpbA==\u0007 front\u001b[2J', '--back', 'back\u009b31m'], { now: DAY1 }).id];
    for (const args of [['show', String(id)], ['cards'], ['due']]) {
      const r = env.run(args, { now: DAY1 });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('evil front');
      expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    }
  });

  it('every command has --help', () => {
    const commands = ['review', 'start', 'import', 'decks', 'cards', 'due', 'answer', 'add', 'undo', 'suspend', 'unsuspend', 'bury', 'show', 'config', 'papers'];
    const results = commands.map((cmd) => env.run([cmd, '--help']));
    results.forEach((r, i) => {
      expect(r.code, commands[i]).toBe(0);
      expect(r.stdout, commands[i]).toContain(`Usage: engram ${commands[i]}`);
    });
  });

  it('refuses the review session without a terminal, pointing at due/answer', () => {
    addCards(1);
    const r = env.run(['review']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('engram due');
    expect(r.stderr).toContain('engram answer');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('two processes on one database', () => {
  it('loses no answer when two processes answer at once', { timeout: 60_000 }, async () => {
    const ids = addCards(6);
    const first = ids.slice(0, 3);
    const second = ids.slice(3);
    const answerAll = async (list: number[]) => {
      for (const id of list) {
        const r = await env.runAsync(['answer', String(id), 'good'], { now: DAY1 });
        expect(r.code, r.stderr).toBe(0);
      }
    };
    await Promise.all([answerAll(first), answerAll(second)]);
    const cards = env.json(['cards']);
    expect(cards.filter((c: { state: string; reps: number }) => c.state === 'learning' && c.reps === 1)).toHaveLength(6);
  });
});

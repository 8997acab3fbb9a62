import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const DAY1 = '2026-12-01T09:00:00Z';

function addCards(n: number, deck = 'Test', now = DAY1): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    ids.push(env.json(['add', '--deck', deck, '--front', `question ${i}`, '--back', `answer ${i}`], { now }).id);
  }
  return ids;
}

describe('answering through the CLI', () => {
  it('walks a new card through the learning steps 1m 10m into review', () => {
    const [id] = addCards(1);
    const again = env.json(['answer', String(id), 'again'], { now: DAY1 });
    expect(again.state).toBe('learning');
    expect(again.due).toBe('2026-12-01T09:01:00.000Z');

    const good1 = env.json(['answer', String(id), 'good'], { now: '2026-12-01T09:01:00Z' });
    expect(good1.state).toBe('learning');
    expect(good1.due).toBe('2026-12-01T09:11:00.000Z');

    const good2 = env.json(['answer', String(id), '3'], { now: '2026-12-01T09:11:00Z' });
    expect(good2.state).toBe('review');
    expect(good2.interval_days).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(Math.round(good2.interval_days))).toBe(true);

    const shown = env.json(['show', String(id)]);
    expect(shown.reviews.map((r: { grade: string }) => r.grade)).toEqual(['again', 'good', 'good']);
    expect(shown.reviews.map((r: { stateBefore: string }) => r.stateBefore)).toEqual(['new', 'learning', 'learning']);
  });

  it('a lapse sends a review card to relearning for the 10m relearning step', () => {
    const [id] = addCards(1);
    env.json(['answer', String(id), 'easy'], { now: DAY1 });
    const card = env.json(['show', String(id)]);
    expect(card.state).toBe('review');
    const lapse = env.json(['answer', String(id), 'again'], { now: card.due });
    expect(lapse.state).toBe('relearning');
    expect(Date.parse(lapse.due) - Date.parse(card.due)).toBe(10 * 60_000);
    expect(env.json(['show', String(id)]).lapses).toBe(1);
  });

  it('shows the interval each rating would give', () => {
    const [id] = addCards(1);
    const shown = env.json(['show', String(id)], { now: DAY1 });
    expect(shown.intervals).toEqual({ again: '1m', hard: '6m', good: '10m', easy: expect.stringMatching(/^\d+d$/) });
  });
});

describe('daily limits and the day rollover at 4:00', () => {
  it('limits new cards per day and gives more after the rollover, not before', () => {
    const ids = addCards(5);
    env.run(['config', '--deck', 'Test', 'newPerDay', '2']);
    const due = env.json(['due'], { now: DAY1 });
    expect(due.counts.new).toBe(2);
    expect(due.cards.map((c: { id: number }) => c.id)).toEqual(ids.slice(0, 2));
    env.json(['answer', String(ids[0]), 'easy'], { now: DAY1 });
    env.json(['answer', String(ids[1]), 'easy'], { now: DAY1 });
    expect(env.json(['due'], { now: DAY1 }).counts.new).toBe(0);
    // 03:59 next morning still belongs to the study day of Dec 1.
    expect(env.json(['due'], { now: '2026-12-02T03:59:00Z' }).counts.new).toBe(0);
    const after = env.json(['due'], { now: '2026-12-02T04:00:00Z' });
    expect(after.counts.new).toBe(2);
    expect(after.cards.map((c: { id: number }) => c.id)).toEqual(ids.slice(2, 4));
  });

  it('an answer at 03:30 counts toward the previous study day', () => {
    const ids = addCards(3);
    env.run(['config', 'newPerDay', '1']);
    env.json(['answer', String(ids[0]), 'easy'], { now: '2026-12-02T03:30:00Z' });
    expect(env.json(['due'], { now: '2026-12-02T03:45:00Z' }).counts.new).toBe(0);
    expect(env.json(['due'], { now: '2026-12-02T04:30:00Z' }).counts.new).toBe(1);
  });

  it('limits reviews per day', () => {
    const ids = addCards(4);
    for (const id of ids) env.json(['answer', String(id), 'easy'], { now: DAY1 });
    env.run(['config', 'reviewsPerDay', '3']);
    const later = '2027-06-01T09:00:00Z';
    const due = env.json(['due'], { now: later });
    expect(due.counts.review).toBe(3);
    expect(due.cards).toHaveLength(3);
    env.json(['answer', String(due.cards[0].id), 'good'], { now: later });
    expect(env.json(['due'], { now: later }).counts.review).toBe(2);
  });

  it('puts due learning cards first and learning cards within 20 minutes at the end', () => {
    const ids = addCards(3);
    env.json(['answer', String(ids[0]), 'again'], { now: DAY1 }); // due 09:01
    const at = '2026-12-01T09:00:30Z';
    const queue = env.json(['due'], { now: at }).cards.map((c: { id: number }) => c.id);
    expect(queue).toEqual([ids[1], ids[2], ids[0]]);
    const later = env.json(['due'], { now: '2026-12-01T09:02:00Z' }).cards.map((c: { id: number }) => c.id);
    expect(later[0]).toBe(ids[0]);
  });
});

describe('undo, suspend, bury', () => {
  it('undo restores the card and removes its log row', () => {
    const [id] = addCards(1);
    env.json(['answer', String(id), 'good'], { now: DAY1 });
    const undone = env.json(['undo'], { now: DAY1 });
    expect(undone.card.state).toBe('new');
    const shown = env.json(['show', String(id)]);
    expect(shown.reviews).toHaveLength(0);
    expect(shown.reps).toBe(0);
    const again = env.run(['undo']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('engram: nothing to undo');
  });

  it('suspend takes a card out of the queue until unsuspended; bury until the next day', () => {
    const ids = addCards(2);
    env.json(['suspend', String(ids[0])]);
    expect(env.json(['due'], { now: DAY1 }).cards.map((c: { id: number }) => c.id)).toEqual([ids[1]]);
    expect(env.json(['decks'])[0].suspended).toBe(1);
    env.json(['unsuspend', String(ids[0])]);
    env.json(['bury', String(ids[1])], { now: DAY1 });
    expect(env.json(['due'], { now: DAY1 }).cards.map((c: { id: number }) => c.id)).toEqual([ids[0]]);
    expect(env.json(['due'], { now: '2026-12-02T04:00:00Z' }).cards.map((c: { id: number }) => c.id)).toEqual(ids);
  });

  it('suspends a leech at 8 lapses and tags it', () => {
    const [id] = addCards(1);
    let time = DAY1;
    env.json(['answer', String(id), 'easy'], { now: time });
    for (let lapse = 1; lapse <= 8; lapse++) {
      time = env.json(['show', String(id)]).due;
      const r = env.json(['answer', String(id), 'again'], { now: time });
      expect(r.leech).toBe(lapse === 8);
      if (lapse === 8) break;
      time = r.due;
      env.json(['answer', String(id), 'good'], { now: time });
    }
    const card = env.json(['show', String(id)]);
    expect(card.suspended).toBe(true);
    expect(card.tags).toContain('leech');
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
    for (const cmd of ['review', 'start', 'import', 'decks', 'cards', 'due', 'answer', 'add', 'undo', 'suspend', 'unsuspend', 'bury', 'show', 'config', 'papers']) {
      const r = env.run([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain(`Usage: engram ${cmd}`);
    }
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
    const ids = addCards(8);
    const first = ids.slice(0, 4);
    const second = ids.slice(4);
    const answerAll = async (list: number[]) => {
      for (const id of list) {
        const r = await env.runAsync(['answer', String(id), 'good'], { now: DAY1 });
        expect(r.code, r.stderr).toBe(0);
      }
    };
    await Promise.all([answerAll(first), answerAll(second)]);
    const cards = env.json(['cards']);
    expect(cards.filter((c: { state: string; reps: number }) => c.state === 'learning' && c.reps === 1)).toHaveLength(8);
  });
});

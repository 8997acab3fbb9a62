/**
 * The scheduling rules of the use-case layer, in-process on a temporary database: learning
 * steps, daily limits and the rollover hour, learn-ahead, undo, suspend/bury and leeches.
 */
import { describe, expect, it } from 'vitest';
import { setNow } from '../../src/core/index.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const DAY1 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(DAY1);
const at = (iso: string | number) => setNow(typeof iso === 'number' ? iso : Date.parse(iso));

function addCards(n: number, deck = 'Test'): number[] {
  return Array.from({ length: n }, (_, i) => temp.col().addCard(deck, `question ${i + 1}`, `answer ${i + 1}`).id);
}
const dueIds = () => temp.col().queue().cards.map((c) => c.id);

describe('answering', () => {
  it('walks a new card through the learning steps 1m 10m into review', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    const again = col.answer(id, 'again');
    expect(again.memory.state).toBe('learning');
    expect(again.memory.due).toBe(Date.parse('2026-12-01T09:01:00Z'));
    at('2026-12-01T09:01:00Z');
    const good1 = col.answer(id, 'good');
    expect(good1.memory.state).toBe('learning');
    expect(good1.memory.due).toBe(Date.parse('2026-12-01T09:11:00Z'));
    at('2026-12-01T09:11:00Z');
    const good2 = col.answer(id, 'good');
    expect(good2.memory.state).toBe('review');
    expect(good2.intervalDays).toBeGreaterThanOrEqual(1);
    const reviews = col.reviewsOf(id);
    expect(reviews.map((r) => r.grade)).toEqual(['again', 'good', 'good']);
    expect(reviews.map((r) => r.stateBefore)).toEqual(['new', 'learning', 'learning']);
  });

  it('a lapse sends a review card to relearning for the 10m relearning step', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    col.answer(id, 'easy');
    const card = col.getCard(id);
    expect(card.memory.state).toBe('review');
    at(card.memory.due);
    const lapse = col.answer(id, 'again');
    expect(lapse.memory.state).toBe('relearning');
    expect(lapse.memory.due - card.memory.due).toBe(10 * 60_000);
    expect(col.getCard(id).memory.lapses).toBe(1);
  });

  it('previews the interval each rating would give', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    const labels = Object.fromEntries(col.previewIntervals(col.getCard(id)).map((p) => [p.grade, p.label]));
    expect(labels).toEqual({ again: '1m', hard: '6m', good: '10m', easy: expect.stringMatching(/^\d+d$/) });
  });

  it('refuses an unknown card', () => {
    expect(() => temp.col().answer(999, 'good')).toThrow('no card with id 999');
  });

  it('records the answer duration in the log', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    col.answer(id, 'good', 2500);
    expect(col.reviewsOf(id)[0]?.durationMs).toBe(2500);
  });
});

describe('daily limits and the day rollover at 4:00', () => {
  it('limits new cards per day and gives more after the rollover, not before', () => {
    const col = temp.col();
    const ids = addCards(5);
    col.setOption('Test', 'newPerDay', '2');
    const due = col.queue();
    expect(due.counts.new).toBe(2);
    expect(due.cards.map((c) => c.id)).toEqual(ids.slice(0, 2));
    col.answer(ids[0]!, 'easy');
    col.answer(ids[1]!, 'easy');
    expect(col.queue().counts.new).toBe(0);
    at('2026-12-02T03:59:00Z'); // still the study day of Dec 1
    expect(col.queue().counts.new).toBe(0);
    at('2026-12-02T04:00:00Z');
    const after = col.queue();
    expect(after.counts.new).toBe(2);
    expect(after.cards.map((c) => c.id)).toEqual(ids.slice(2, 4));
  });

  it('an answer at 03:30 counts toward the previous study day', () => {
    const col = temp.col();
    const ids = addCards(3);
    col.setOption(undefined, 'newPerDay', '1');
    at('2026-12-02T03:30:00Z');
    col.answer(ids[0]!, 'easy');
    at('2026-12-02T03:45:00Z');
    expect(col.queue().counts.new).toBe(0);
    at('2026-12-02T04:30:00Z');
    expect(col.queue().counts.new).toBe(1);
  });

  it('a different rollover hour moves the day boundary of its deck only', () => {
    const col = temp.col();
    const [early] = addCards(2, 'Early');
    const [late] = addCards(2, 'Late');
    col.setOption(undefined, 'newPerDay', '1');
    col.setOption('Late', 'rolloverHour', '10');
    at('2026-12-01T11:00:00Z');
    col.answer(early!, 'easy');
    col.answer(late!, 'easy');
    at('2026-12-02T05:00:00Z');
    const counts = Object.fromEntries(col.decks().map((d) => [d.name, d.dueToday]));
    expect(counts).toEqual({ Early: 1, Late: 0 });
    at('2026-12-02T10:00:00Z');
    expect(Object.fromEntries(col.decks().map((d) => [d.name, d.dueToday]))).toEqual({ Early: 1, Late: 1 });
  });

  it('limits reviews per day', () => {
    const col = temp.col();
    const ids = addCards(4);
    for (const id of ids) col.answer(id, 'easy');
    col.setOption(undefined, 'reviewsPerDay', '3');
    at('2027-06-01T09:00:00Z');
    const due = col.queue();
    expect(due.counts.review).toBe(3);
    expect(due.cards).toHaveLength(3);
    col.answer(due.cards[0]!.id, 'good');
    expect(col.queue().counts.review).toBe(2);
  });

  it('limits are per deck, and a deck filter shows only that deck', () => {
    const col = temp.col();
    addCards(3, 'A');
    const b = addCards(3, 'B');
    col.setOption('A', 'newPerDay', '1');
    expect(col.queue().counts.new).toBe(4);
    expect(col.queue('B').cards.map((c) => c.id)).toEqual(b);
    expect(() => col.queue('Nope')).toThrow(/^no deck named 'Nope' \(decks: A, B\)$/);
  });
});

describe('learning cards and learn-ahead', () => {
  it('puts due learning cards first and learning cards within 20 minutes at the end', () => {
    const col = temp.col();
    const ids = addCards(3);
    col.answer(ids[0]!, 'again'); // due 09:01
    at('2026-12-01T09:00:30Z');
    expect(dueIds()).toEqual([ids[1], ids[2], ids[0]]);
    at('2026-12-01T09:02:00Z');
    expect(dueIds()[0]).toBe(ids[0]);
  });

  it('leaves a learning card due beyond the learn-ahead window out of the queue until it is due', () => {
    const col = temp.col();
    const ids = addCards(2);
    col.answer(ids[0]!, 'good'); // due in 10m
    col.setOption(undefined, 'learnAheadMinutes', '5');
    expect(dueIds()).toEqual([ids[1]]);
    at(DAY1 + 6 * 60_000);
    expect(dueIds()).toEqual([ids[1], ids[0]]);
  });

  it('the session queue holds the day\'s learning cards apart, with the deck\'s learn-ahead', () => {
    const col = temp.col();
    const ids = addCards(3);
    col.answer(ids[0]!, 'good');
    const session = col.sessionQueue();
    expect(session.main.map((c) => c.id)).toEqual([ids[1], ids[2]]);
    expect(session.learning.map((c) => c.id)).toEqual([ids[0]]);
    expect(session.learnAheadMs).toBe(20 * 60_000);
  });

  it('names the next due time when nothing is due', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    const r = col.answer(id, 'easy');
    expect(col.queue().cards).toEqual([]);
    expect(col.nextDueTime()).toBe(r.memory.due);
  });
});

describe('undo', () => {
  it('restores the card and removes its log row; a second undo has nothing to undo', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    col.answer(id, 'good');
    const undone = col.undo();
    expect(undone.card.memory.state).toBe('new');
    expect(undone.card.memory.reps).toBe(0);
    expect(undone.review?.grade).toBe('good');
    expect(col.reviewsOf(id)).toHaveLength(0);
    expect(() => col.undo()).toThrow('nothing to undo');
  });

  it('undoes the most recent answer only, one at a time', () => {
    const col = temp.col();
    const [a, b] = addCards(2) as [number, number];
    col.answer(a, 'easy');
    col.answer(b, 'again');
    expect(col.undo().card.id).toBe(b);
    expect(col.getCard(a).memory.state).toBe('review');
    expect(col.undo().card.id).toBe(a);
    expect(col.getCard(a).memory.state).toBe('new');
  });

  it('refuses to undo an answer given elsewhere since', () => {
    const col = temp.col();
    const [a, b] = addCards(2) as [number, number];
    const first = col.answer(a, 'good');
    col.answer(b, 'good');
    expect(() => col.undo({ reviewId: first.reviewId })).toThrow('the last action (answer) was taken elsewhere since; not undoing it');
    expect(col.reviewsOf(b)).toHaveLength(1);
  });

  it('undoes a leech: the tag and the suspension go with the answer', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    col.setOption(undefined, 'leechThreshold', '1');
    col.answer(id, 'easy');
    at(col.getCard(id).memory.due);
    expect(col.answer(id, 'again').leech).toBe(true);
    expect(col.getCard(id)).toMatchObject({ suspended: true, tags: ['leech'] });
    const back = col.undo().card;
    expect(back).toMatchObject({ suspended: false, tags: [] });
    expect(back.memory.state).toBe('review');
  });
});

describe('suspend and bury', () => {
  it('suspend takes a card out of the queue until unsuspended; bury until the next day', () => {
    const col = temp.col();
    const ids = addCards(2);
    col.suspend(ids[0]!, true);
    expect(dueIds()).toEqual([ids[1]]);
    expect(col.decks()[0]?.suspended).toBe(1);
    col.suspend(ids[0]!, false);
    const buried = col.bury(ids[1]!);
    expect(buried.buriedUntil).toBe(Date.parse('2026-12-02T04:00:00Z'));
    expect(dueIds()).toEqual([ids[0]]);
    at('2026-12-02T04:00:00Z');
    expect(dueIds()).toEqual(ids);
  });

  it('names an unknown card', () => {
    expect(() => temp.col().suspend(42, true)).toThrow('no card with id 42');
    expect(() => temp.col().bury(42)).toThrow('no card with id 42');
  });
});

describe('leeches', () => {
  function lapse(id: number): boolean {
    const col = temp.col();
    at(col.getCard(id).memory.due);
    const r = col.answer(id, 'again');
    at(r.memory.due);
    col.answer(id, 'good');
    return r.leech;
  }

  it('suspends a leech at 8 lapses and tags it', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    col.answer(id, 'easy');
    const flags = Array.from({ length: 8 }, () => lapse(id));
    expect(flags).toEqual([false, false, false, false, false, false, false, true]);
    expect(col.getCard(id).suspended).toBe(true);
    expect(col.getCard(id).tags).toContain('leech');
  });

  it('with leechAction tag, tags without suspending, and flags again every half threshold', () => {
    const col = temp.col();
    const [id] = addCards(1) as [number];
    col.setOption(undefined, 'leechThreshold', '4');
    col.setOption(undefined, 'leechAction', 'tag');
    col.answer(id, 'easy');
    const flags = Array.from({ length: 8 }, () => lapse(id));
    expect(flags).toEqual([false, false, false, true, false, true, false, true]);
    expect(col.getCard(id)).toMatchObject({ suspended: false, tags: ['leech'] });
  });
});

describe('options', () => {
  it('setOption validates the value and names the allowed range', () => {
    const col = temp.col();
    addCards(1);
    expect(() => col.setOption(undefined, 'desiredRetention', '1.5')).toThrow(
      "invalid value '1.5' for desiredRetention: expected a number from 0.7 to 0.99",
    );
    expect(() => col.setOption(undefined, 'colour', 'red')).toThrow(/colour/);
    expect(col.getOptions(undefined)[0]?.options.desiredRetention).toBe(0.9);
  });

  it('there are no options to set before there is a deck', () => {
    expect(() => temp.col().setOption(undefined, 'newPerDay', '5')).toThrow('no decks yet');
  });

  it('addCard refuses empty sides', () => {
    expect(() => temp.col().addCard('X', ' ', 'b')).toThrow('--front must not be empty');
    expect(() => temp.col().addCard('X', 'f', '')).toThrow('--back must not be empty');
  });
});

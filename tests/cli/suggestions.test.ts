import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

const NOW = '2026-12-01T09:00:00Z';
const NOTE = [
  '---', 'deck: OS', 'cards: both', '---', '# Scheduling', '',
  'What is a process?::A program in execution.', '',
  'How does round robin scheduling share the processor?', '',
  'Each process runs for one fixed time slice in turn, then goes to the back of the ready queue.', '',
  'Why does a shorter time slice make the system feel more responsive?', '',
  'Waiting processes get the processor sooner, at the cost of more context switches.', '',
].join('\n');

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

interface CardJson { id: number; front: string; suggestion: boolean }

function importNote(): string {
  const file = env.write('notes/os.md', NOTE);
  const r = env.run(['import', file, '--json'], { now: NOW });
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ cards: { added: 3 }, suggestions: 2 });
  return file;
}

describe('suggestions on the command line', () => {
  it('import says how many suggestions wait; cards --json marks them; due and decks leave them out', () => {
    const file = env.write('notes/os.md', NOTE);
    const human = env.run(['import', file], { now: NOW });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('2 suggestions from prose waiting (not in the queue): engram triage');
    const cards = env.json<CardJson[]>(['cards'], { now: NOW });
    expect(cards.map((c) => [c.front, c.suggestion])).toEqual([
      ['What is a process?', false],
      ['How does round robin scheduling share the processor?', true],
      ['Why does a shorter time slice make the system feel more responsive?', true],
    ]);
    const due = env.json<{ cards: CardJson[] }>(['due'], { now: NOW });
    expect(due.cards.map((c) => c.front)).toEqual(['What is a process?']);
    expect(env.json(['decks'], { now: NOW })).toEqual([
      { name: 'OS', label: 'OS', exists: true, children: [], total: 1, new: 1, learning: 0, dueToday: 1, suspended: 0, quizCards: 0, suggestions: 2 },
    ]);
    const decks = env.run(['decks'], { now: NOW });
    expect(decks.stdout).toContain('OS: 2 suggestions from prose waiting (not in the queue): engram triage --deck OS');
  });

  it('accept and reject by id print counts as JSON; a bad id is a one-line error and changes nothing', () => {
    importNote();
    const [explicit, first, second] = env.json<CardJson[]>(['cards'], { now: NOW });
    const accepted = env.json(['accept', String(first!.id)], { now: NOW });
    expect(accepted).toEqual({ accepted: 1, unchanged: 0, cards: [first!.id], suggestions: 1 });
    expect(env.json<{ cards: CardJson[] }>(['due'], { now: NOW }).cards.map((c) => c.id)).toEqual([explicit!.id, first!.id]);

    const bad = env.run(['reject', String(second!.id), '999'], { now: NOW });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('engram: no card with id 999\n');
    expect(env.json<CardJson[]>(['cards'], { now: NOW }).find((c) => c.id === second!.id)?.suggestion).toBe(true);

    const notSuggestion = env.run(['reject', String(explicit!.id)], { now: NOW });
    expect(notSuggestion.code).toBe(1);
    expect(notSuggestion.stderr).toMatch(/^engram: card \d+ is not a suggestion: it is already in the queue .*\n$/);

    const garbage = env.run(['accept', 'abc'], { now: NOW });
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toBe("engram: invalid card id 'abc': expected a number\n");
    const nothing = env.run(['accept'], { now: NOW });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe('engram: accept: give card ids or --note FILE\n');

    const rejected = env.json(['reject', String(second!.id)], { now: NOW });
    expect(rejected).toEqual({ rejected: 1, unchanged: 0, cards: [second!.id], suggestions: 0 });
    expect(env.json<CardJson[]>(['cards'], { now: NOW }).map((c) => c.id)).toEqual([explicit!.id, first!.id]);
  });

  it('--note decides every suggestion of a note; an unknown note is an error', () => {
    const file = importNote();
    const r = env.run(['reject', '--note', path.relative(env.dir, file)], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('rejected 2 cards; 0 suggestions waiting\n');
    const missing = env.run(['accept', '--note', 'nowhere.md', '--json'], { now: NOW });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('engram: no imported note nowhere.md (import it first: engram import nowhere.md)\n');
    // Re-importing the unchanged text leaves them rejected.
    env.write('notes/os.md', `${NOTE}\nWhat is a thread?::A unit of execution inside a process.\n`);
    expect(JSON.parse(env.run(['import', file, '--json'], { now: NOW }).stdout)).toMatchObject({ cards: { added: 1 }, suggestions: 0 });
  });

  it('import --prose-cards overrides the deck option and refuses a bad mode; config shows and validates proseCards', () => {
    const file = env.write('notes/os.md', NOTE);
    const bad = env.run(['import', file, '--prose-cards', 'maybe'], { now: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("engram: invalid --prose-cards 'maybe': expected suggest, auto, off\n");
    const auto = env.run(['import', file, '--prose-cards', 'auto', '--json'], { now: NOW });
    expect(JSON.parse(auto.stdout)).toMatchObject({ cards: { added: 3 }, suggestions: 0 });
    expect(env.json<{ cards: CardJson[] }>(['due'], { now: NOW }).cards).toHaveLength(3);
    expect(env.run(['config', '--deck', 'OS', 'proseCards'], { now: NOW }).stdout).toBe('OS: proseCards = "suggest"\n');
    const refused = env.run(['config', '--deck', 'OS', 'proseCards', 'always'], { now: NOW });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("engram: invalid value 'always' for proseCards: expected suggest, auto or off\n");
  });

  it('triage without a terminal exits 2 and points to the script commands; with nothing to triage it just says so', () => {
    const empty = env.run(['triage'], { now: NOW });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('No suggestions waiting.\n');
    importNote();
    const r = env.run(['triage'], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^engram: triage needs a terminal; .*engram accept ID.*\n$/);
  });
});

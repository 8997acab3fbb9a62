import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { setNow } from '../../src/core/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { answerQuizQuestion, paperQuiz } from '../../src/collection/quiz.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

process.env['TZ'] = 'UTC';
const DAY1 = '2026-12-01T09:00:00Z';
const DAY3 = '2026-12-03T09:00:00Z';

const NOTE = `---
deck: Interop
tags: [roundtrip]
---
# Basics

Capital of France::Paris
type: true

Entropy:::Expected surprise

{{c1::Canberra}} is the capital of {{c2::Australia}}

How does the outer product combine two vectors?
?
Every pair multiplied, as in [[Tensor Fusion Network]].
\`\`\`ts example
console.log([1, 2].map((a) => [3, 4].map((b) => a * b)));
\`\`\`
`;

type Doc = {
  engram: number; exportedAt: string; decks: Array<Record<string, unknown>>; notes: unknown[]; papers: unknown[];
  cards: Array<Record<string, unknown> & { id: number }>;
  reviews: Array<Record<string, unknown> & { card: number; before: { siblings?: Array<{ id: number }> } }>;
};

function exportJson(args: string[] = [], now = DAY3): Doc {
  const r = env.run(['export', ...args], { now });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

/** The document with card ids replaced by each card's position, so two databases compare by content. */
function byContent(doc: Doc) {
  const index = new Map(doc.cards.map((c, i) => [c.id, i]));
  return {
    decks: doc.decks,
    notes: doc.notes,
    papers: doc.papers,
    cards: doc.cards.map(({ id: _id, ...rest }) => rest),
    reviews: doc.reviews.map((r) => ({
      ...r,
      card: index.get(r.card),
      before: { ...r.before, siblings: (r.before.siblings ?? []).map((s) => ({ ...s, id: index.get(s.id) })) },
    })),
  };
}

/** The history every test exports: built in-process on the test's database (setup, not under test). */
function buildHistory(): void {
  env.write('notes/interop.md', NOTE);
  env.write('notes/papers.md', '---\npapers: true\n---\n## Tensor Fusion Network for Multimodal Sentiment Analysis\n- aliases: TFN\n- topic: fusion\n- idea: Fuses modalities with an outer product.\n');
  withCollectionAt(env.db, DAY1, (col) => {
    expect(importNotes(col, [path.join(env.dir, 'notes/interop.md')]).errors).toEqual([]);
    col.addCard('Misc', '=1+1', 'two, "2"');
    col.setOption('Interop', 'newPerDay', '30');
    const ids = col.cards({}).map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    col.answer(ids[0]!, 'good');
    setNow(Date.parse('2026-12-01T09:10:00Z'));
    col.answer(ids[0]!, 'good');
    setNow(Date.parse(DAY1));
    col.answer(ids[1]!, 'again');
    setNow(Date.parse('2026-12-02T10:00:00Z'));
    col.answer(ids[3]!, 'easy');
    col.suspend(ids[4]!, true);
    setNow(Date.parse(DAY3));
    col.bury(ids[5]!);
    // Card actions a backup must carry: a flag and the user's own tag edits.
    col.flag([ids[2]!], 3);
    col.tag([ids[2]!], ['mine'], ['roundtrip']);
    // A paper quiz card (kind 'paper', in the Papers deck) with one answer.
    setNow(Date.parse(DAY1));
    expect(importNotes(col, [path.join(env.dir, 'notes/papers.md')]).errors).toEqual([]);
    const question = paperQuiz(col, { seed: 1 }).questions[0]!;
    answerQuizQuestion(col, question.id, question.choices ? '1' : 'TFN', { grade: 'good' });
  });
}

describe('export → import-backup → export', () => {
  it('gives identical cards, states, logs, decks, notes and papers in a new database', () => {
    buildHistory();
    const first = exportJson();
    expect(first.engram).toBe(1);
    expect(first.reviews).toHaveLength(5);
    expect(first.cards.some((c) => c['kind'] === 'paper')).toBe(true);
    expect(first.cards.some((c) => c['suspended'] === true)).toBe(true);
    expect(first.cards.some((c) => c['example'] !== null)).toBe(true);
    expect(first.cards.filter((c) => c['flag'] === 3)).toHaveLength(1);
    expect(first.cards.filter((c) => JSON.stringify(c['tagEdits']) === '{"add":["mine"],"remove":["roundtrip"]}')).toHaveLength(1);
    expect(first.cards.filter((c) => c['typeIn'] === true).map((c) => c['front'])).toEqual(['Capital of France']);
    expect(first.decks.find((d) => d['name'] === 'Interop')?.['options']).toEqual({ newPerDay: 30 });
    const file = env.write('backup.json', JSON.stringify(first));

    const other = path.join(env.dir, 'restored.db');
    const restored = env.run(['--db', other, 'import-backup', file, '--json']);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ cards: first.cards.length, reviews: 5 });

    const again = JSON.parse(env.run(['--db', other, 'export'], { now: DAY3 }).stdout) as Doc;
    expect(byContent(again)).toEqual(byContent(first));

    // The restored database works: the same queue, and undo of the last answer.
    const due = (db: string[]) => JSON.parse(env.run([...db, 'due', '--json'], { now: DAY3 }).stdout).cards.map((c: { front: string }) => c.front);
    expect(due(['--db', other])).toEqual(due([]));
    expect(env.run(['--db', other, 'undo'], { now: DAY3 }).code).toBe(0);
  });

  it('--deck exports only that deck, with its reviews', () => {
    buildHistory();
    const misc = exportJson(['--deck', 'Misc']);
    expect(misc.decks.map((d) => d['name'])).toEqual(['Misc']);
    expect(misc.cards.map((c) => c['front'])).toEqual(['=1+1']);
    expect(misc.reviews).toHaveLength(0);
    expect(misc.notes).toEqual([]);
  });

  it('refuses to restore into a database that already has cards, changing nothing', () => {
    buildHistory();
    const file = env.write('backup.json', JSON.stringify(exportJson()));
    const before = env.json<unknown[]>(['cards']).length;
    const r = env.run(['import-backup', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/already has .* card\(s\); import-backup restores into an empty database only/);
    expect(env.json<unknown[]>(['cards'])).toHaveLength(before);
  });
});

describe('a malformed backup', () => {
  // One history serves every case (each case restores into its own fresh database).
  let shared: TempEnv;
  let good: Doc;
  beforeAll(() => {
    shared = tempEnv();
    env = shared;
    buildHistory();
    good = exportJson();
  });
  afterAll(() => shared.cleanup());
  const cases: Array<[string, (doc: Doc) => unknown, RegExp]> = [
    ['not JSON', () => '{"engram": 1, "cards": [', /not JSON/],
    ['a bad card state', (doc) => { doc.cards[1]!['state'] = 'forgotten'; return doc; }, /cards\[1\]\.state: /],
    ['a review of a card not in the file', (doc) => { doc.reviews[0]!.card = 999_999; return doc; }, /reviews\[0\]\.card: no card with id 999999/],
    ['a card in a deck not in the file', (doc) => { doc.decks = doc.decks.filter((d) => d['name'] !== 'Misc'); return doc; }, /cards\[\d+\]\.deck: no deck named 'Misc'/],
    ['another version', (doc) => { doc.engram = 2; return doc; }, /backup version 2 is not supported/],
  ];

  it.each(cases)('is rejected (%s) with one line naming the file, and nothing is written', (_name, corrupt, message) => {
    const broken = corrupt(structuredClone(good));
    const file = env.write('broken.json', typeof broken === 'string' ? broken : JSON.stringify(broken));
    const other = path.join(env.dir, 'fresh.db');
    const r = env.run(['--db', other, 'import-backup', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${file}: not a valid engram backup: `);
    expect(r.stderr).toMatch(message);
    withCollectionAt(other, DAY3, (col) => {
      expect(col.cards({})).toEqual([]);
      expect(col.decks()).toEqual([]);
    });
  });
});

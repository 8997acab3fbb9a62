/**
 * `engram quiz` through the built CLI: arguments, JSON shapes, exit codes. The rules (which
 * cards are due, grading, seeds) are tested in-process here and in paper-cards, reasking and
 * grading tests; each spawn below checks what only the command does.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { answerQuizQuestion, paperQuiz } from '../../src/collection/quiz.js';
import type { Question } from '../../src/core/index.js';
import { Store } from '../../src/store/index.js';
import { PAPERS, declare } from './fixture.js';

const NOW = '2026-12-01T09:00:00Z';
let env: TempEnv;
afterEach(() => env?.cleanup());

function withPapers(): TempEnv {
  env = tempEnv();
  const store = Store.open(env.db);
  declare(store, PAPERS);
  store.close();
  return env;
}

function reviewRows(db: string): Array<{ card_id: number; grade: string; duration_ms: number | null }> {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT card_id, grade, duration_ms FROM reviews ORDER BY id').all() as Array<{ card_id: number; grade: string; duration_ms: number | null }>;
  } finally {
    conn.close();
  }
}

/** The first question of the session with the lowest seed whose first question passes `wanted`. */
function firstQuestion(wanted: (q: Question) => boolean): { seed: number; question: Question } {
  return withCollectionAt(env.db, NOW, (col) => {
    for (let seed = 1; seed < 200; seed++) {
      const question = paperQuiz(col, { seed }).questions[0]!;
      if (wanted(question)) return { seed, question };
    }
    throw new Error('no seed gives such a question');
  });
}

describe('engram quiz (CLI)', () => {
  it('no papers: says how to add a papers note, exit 0 (also with --json)', () => {
    env = tempEnv();
    const r = env.run(['quiz', 'papers'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No papers with an idea to quiz on yet. Add a papers note');
    const json = env.json(['quiz', 'papers'], { now: NOW });
    expect(json).toMatchObject({ question: null, papers: 0 });
  });

  it('--json prints the session\'s first question (the one --seed picks) without answering', () => {
    withPapers();
    const first = env.json(['quiz', 'papers', '--seed', '42'], { now: NOW });
    expect(first.question).toMatchObject({ id: expect.stringMatching(/^\d+-(choose-paper|choose-idea|type-paper)-\d+$/), card_id: expect.any(Number) });
    expect(first.remaining).toBe(PAPERS.length);
    expect(first.papers).toBe(PAPERS.length);
    expect(reviewRows(env.db)).toHaveLength(0);
    const inProcess = withCollectionAt(env.db, NOW, (col) => paperQuiz(col, { seed: 42 }).questions[0]!);
    expect(first.question).toMatchObject({ id: inProcess.id, card_id: inProcess.cardId, form: inProcess.form, prompt: inProcess.prompt });
  });

  it('the same seed asks the same questions; seeds vary the forms (in-process)', () => {
    withPapers();
    withCollectionAt(env.db, NOW, (col) => {
      expect(paperQuiz(col, { seed: 42 })).toEqual(paperQuiz(col, { seed: 42 }));
      const forms = new Set(Array.from({ length: 6 }, (_, i) => paperQuiz(col, { seed: i + 1 }).questions[0]!.form));
      expect(forms.size).toBeGreaterThan(1);
    });
  });

  it('round trip: quiz answer saves a multiple-choice answer with its duration and prints the documented JSON', () => {
    withPapers();
    const { question: q } = firstQuestion((question) => question.choices !== null);
    expect(q.choices).toHaveLength(4);
    const right = q.choices!.findIndex((c) => c.key === q.answer.key) + 1;
    const out = env.json(['quiz', 'answer', q.id, String(right), '--duration-ms', '2000'], { now: NOW });
    expect(out).toMatchObject({ question_id: q.id, card_id: q.cardId, form: q.form, correct: true, picked: right, suggested_grade: 'easy', grade: 'easy' });
    expect(out.paper.title).toBe(q.answer.title);
    expect(out.paper).toHaveProperty('first_author');
    expect(reviewRows(env.db)).toEqual([{ card_id: q.cardId, grade: 'easy', duration_ms: 2000 }]);
    const next = withCollectionAt(env.db, NOW, (col) => paperQuiz(col, { seed: 1 }));
    expect(next.questions).toHaveLength(PAPERS.length - 1);
    expect(next.questions.map((x) => x.cardId)).not.toContain(q.cardId);
  });

  it('typed answers: a typo passes as hard, another paper is wrong, a grade overrides (in-process); wrong for humans', () => {
    withPapers();
    const { question: q } = firstQuestion((question) => question.form === 'type-paper');
    const title = q.answer.title;
    withCollectionAt(env.db, NOW, (col) => {
      const typo = answerQuizQuestion(col, q.id, title.slice(0, 3) + title.slice(4));
      expect(typo).toMatchObject({ verdict: { correct: true, match: 'typo' }, grade: 'hard' });
      const other = PAPERS.find((p) => p.title !== title)!.title;
      const wrong = answerQuizQuestion(col, q.id, other, { grade: 'good' });
      expect(wrong).toMatchObject({ verdict: { correct: false, match: 'wrong' }, suggested: 'again', grade: 'good' });
      expect(col.reviewsOf(q.cardId).map((r) => r.grade)).toEqual(['hard', 'good']);
    });
    const human = env.run(['quiz', 'answer', q.id, 'nothing like it'], { now: NOW });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Wrong.');
    expect(human.stdout).toContain(title);
  });

  it('bad input is a usage error; without a terminal it points to --json', () => {
    withPapers();
    const badId = env.run(['quiz', 'answer', 'nope', '1'], { now: NOW });
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/^engram: invalid question id 'nope'/);
    const badCount = env.run(['quiz', 'papers', '--count', '0'], { now: NOW });
    expect(badCount.code).toBe(2);
    expect(badCount.stderr).toContain("invalid --count '0'");
    const noTty = env.run(['quiz', 'papers'], { now: NOW });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain('engram quiz papers --json');
  });
});

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
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

describe('engram quiz (CLI)', () => {
  it('no papers: says how to add a papers note, exit 0 (also with --json)', () => {
    env = tempEnv();
    const r = env.run(['quiz', 'papers'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No papers with an idea to quiz on yet. Add a papers note');
    const json = env.json(['quiz', 'papers'], { now: NOW });
    expect(json).toMatchObject({ question: null, papers: 0 });
  });

  it('--json prints the next question without answering; the same --seed prints the same question', () => {
    withPapers();
    const first = env.json(['quiz', 'papers', '--seed', '42'], { now: NOW });
    expect(first.question).toMatchObject({ id: expect.stringMatching(/^\d+-(choose-paper|choose-idea|type-paper)-\d+$/), card_id: expect.any(Number) });
    expect(first.remaining).toBe(PAPERS.length);
    expect(env.json(['quiz', 'papers', '--seed', '42'], { now: NOW })).toEqual(first);
    expect(reviewRows(env.db)).toHaveLength(0);
    const forms = new Set<string>();
    for (let seed = 1; seed <= 6; seed++) forms.add(env.json(['quiz', 'papers', '--seed', String(seed)], { now: NOW }).question.form);
    expect(forms.size).toBeGreaterThan(1);
  });

  it('round trip: answer a multiple-choice question, the review lands in the log, the next question moves on', () => {
    withPapers();
    let q: any;
    for (let seed = 1; ; seed++) {
      q = env.json(['quiz', 'papers', '--seed', String(seed)], { now: NOW }).question;
      if (q.choices) break;
    }
    expect(q.choices).toHaveLength(4);
    const card = env.json(['show', String(q.card_id)], { now: NOW });
    const title = card.back.split(' — ')[0];
    const right = q.form === 'choose-paper'
      ? q.choices.find((c: any) => c.text === title).number
      : q.choices.find((c: any) => card.front.endsWith(c.text)).number;
    const out = env.json(['quiz', 'answer', q.id, String(right), '--duration-ms', '2000'], { now: NOW });
    expect(out).toMatchObject({ card_id: q.card_id, correct: true, picked: right, suggested_grade: 'easy', grade: 'easy' });
    expect(out.paper.title).toBe(title);
    expect(out.paper).toHaveProperty('first_author');
    expect(reviewRows(env.db)).toEqual([{ card_id: q.card_id, grade: 'easy', duration_ms: 2000 }]);
    const next = env.json(['quiz', 'papers', '--seed', '1'], { now: NOW });
    expect(next.remaining).toBe(PAPERS.length - 1);
    expect(next.question.card_id).not.toBe(q.card_id);
  });

  it('typed answers: a typo passes as hard, another paper is wrong, --grade overrides; show lists the reviews', () => {
    withPapers();
    let q: any;
    for (let seed = 1; ; seed++) {
      q = env.json(['quiz', 'papers', '--seed', String(seed)], { now: NOW }).question;
      if (q.form === 'type-paper') break;
    }
    const title: string = env.json(['show', String(q.card_id)], { now: NOW }).back.split(' — ')[0];
    const typo = title.slice(0, 3) + title.slice(4);
    const hard = env.json(['quiz', 'answer', q.id, typo], { now: NOW });
    expect(hard).toMatchObject({ correct: true, match: 'typo', grade: 'hard' });
    const other = PAPERS.find((p) => p.title !== title)!.title;
    const wrong = env.json(['quiz', 'answer', q.id, other, '--grade', 'good'], { now: NOW });
    expect(wrong).toMatchObject({ correct: false, match: 'wrong', suggested_grade: 'again', grade: 'good' });
    const shown = env.json(['show', String(q.card_id)], { now: NOW });
    expect(shown.reviews.map((r: any) => r.grade)).toEqual(['hard', 'good']);
    const human = env.run(['quiz', 'answer', q.id, 'nothing like it'], { now: NOW });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Wrong.');
    expect(human.stdout).toContain(title);
  });

  it('paper cards stay out of the ordinary queue; bad input is a usage error', () => {
    withPapers();
    env.json(['quiz', 'papers'], { now: NOW });
    expect(env.json(['due'], { now: NOW }).cards).toEqual([]);
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

import { describe, expect, it } from 'vitest';
import {
  CHOICE_COUNT, QUESTION_FORMS, buildQuestion, checkAnswer, makeQuestion, normalizeAnswer, parseQuestionId, pickDistractors, seededRandom,
} from '../../src/quiz/index.js';
import { quizPapers } from './fixture.js';

const pool = quizPapers();

describe('distractors', () => {
  it('are distinct papers with distinct titles, never the answer, over many seeds', () => {
    for (let seed = 0; seed < 500; seed++) {
      const answer = pool[seed % pool.length]!;
      const picked = pickDistractors(answer, pool, 3, seededRandom(seed));
      expect(picked).toHaveLength(3);
      expect(picked.map((p) => p.key)).not.toContain(answer.key);
      const titles = [answer, ...picked].map((p) => normalizeAnswer(p.title));
      expect(new Set(titles).size).toBe(4);
    }
  });

  it('take papers of the same topic first', () => {
    const tfn = pool.find((p) => p.key === 'tfn')!;
    for (let seed = 0; seed < 50; seed++) {
      const picked = pickDistractors(tfn, pool, 3, seededRandom(seed));
      expect(picked.every((p) => p.topic === 'fusion')).toBe(true);
    }
    const dcca = pool.find((p) => p.key === 'dcca')!;
    const picked = pickDistractors(dcca, pool, 3, seededRandom(7));
    expect(picked[0]!.key).toBe('clip'); // the only other coordination paper comes first
  });

  it('skip a paper whose title duplicates the answer or another choice', () => {
    const twin = { ...pool[1]!, key: 'lmf-copy' };
    const answerTwin = { ...pool[0]!, key: 'tfn-copy' };
    for (let seed = 0; seed < 100; seed++) {
      const picked = pickDistractors(pool[0]!, [...pool, twin, answerTwin], 3, seededRandom(seed));
      const titles = picked.map((p) => p.title);
      expect(new Set(titles).size).toBe(3);
      expect(titles).not.toContain(pool[0]!.title);
    }
  });
});

describe('questions', () => {
  it('are the same for the same seed and mix all three forms over seeds', () => {
    const forms = new Set<string>();
    for (let seed = 1; seed < 60; seed++) {
      const q = makeQuestion(5, pool[seed % pool.length]!, pool, seed);
      expect(makeQuestion(5, pool[seed % pool.length]!, pool, seed)).toEqual(q);
      forms.add(q.form);
    }
    expect([...forms].sort()).toEqual([...QUESTION_FORMS].sort());
  });

  it('multiple choice has four options, one of them the answer, and the id rebuilds it', () => {
    for (let seed = 1; seed < 200; seed++) {
      const answer = pool[seed % pool.length]!;
      for (const form of ['choose-paper', 'choose-idea'] as const) {
        const q = buildQuestion(9, answer, pool, form, seed);
        expect(q.choices).toHaveLength(CHOICE_COUNT);
        expect(q.choices!.filter((c) => c.key === answer.key)).toHaveLength(1);
        const parsed = parseQuestionId(q.id);
        expect(parsed).toEqual({ cardId: 9, form, seed });
        expect(buildQuestion(parsed.cardId, answer, pool, parsed.form, parsed.seed)).toEqual(q);
      }
    }
  });

  it('asks "which paper introduced" with the idea and "what did ... contribute" with the title', () => {
    const tfn = pool[0]!;
    const which = buildQuestion(1, tfn, pool, 'choose-paper', 3);
    expect(which.prompt).toContain('Which paper introduced: Models unimodal');
    expect(which.choices!.map((c) => c.text)).toContain(tfn.title);
    const what = buildQuestion(1, tfn, pool, 'choose-idea', 3);
    expect(what.prompt).toBe(`What did "${tfn.title}" contribute?`);
    expect(what.choices!.map((c) => c.text)).toContain(tfn.idea);
  });

  it('a choice form falls back to typing when no other paper exists', () => {
    const q = buildQuestion(1, pool[0]!, [pool[0]!], 'choose-paper', 1);
    expect(q.form).toBe('type-paper');
    expect(q.choices).toBeNull();
  });

  it('checks a choice by number, letter or text', () => {
    const q = buildQuestion(1, pool[0]!, pool, 'choose-paper', 11);
    const right = q.choices!.findIndex((c) => c.key === pool[0]!.key) + 1;
    const wrong = right === 1 ? 2 : 1;
    expect(checkAnswer(q, String(right), pool)).toEqual({ correct: true, match: 'exact', picked: right });
    expect(checkAnswer(q, 'abcd'[right - 1]!, pool).correct).toBe(true);
    expect(checkAnswer(q, pool[0]!.title.toUpperCase(), pool).correct).toBe(true);
    expect(checkAnswer(q, String(wrong), pool)).toEqual({ correct: false, match: 'wrong', picked: wrong });
    expect(() => checkAnswer(q, '7', pool)).toThrow(/expected a choice 1-4/);
  });

  it('rejects a malformed question id', () => {
    expect(() => parseQuestionId('12-guess-3')).toThrow(/invalid question id/);
    expect(() => parseQuestionId('abc')).toThrow(/invalid question id/);
  });
});

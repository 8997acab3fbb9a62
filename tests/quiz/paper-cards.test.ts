import { beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../src/core/index.js';
import type { Collection } from '../../src/collection/index.js';
import { PAPER_DECK, answerQuizQuestion, paperQuiz, syncPaperCards } from '../../src/collection/quiz.js';
import { PAPERS, declare } from './fixture.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);
let col: Collection;
beforeEach(() => {
  col = temp.col();
});

const paperCards = () => col.cards({ deck: PAPER_DECK });

describe('paper cards', () => {
  it('one card per paper with an idea, in the Papers deck, linked to its paper; syncing again changes nothing', () => {
    declare(col.store, PAPERS);
    col.store.declarePaper({ key: 'noidea', title: 'A Paper Without Idea', authors: [], firstAuthor: null, venue: null, year: null, slugs: [], aliases: [], idea: null, topic: null, declaredIn: 'p.md:1' });
    expect(syncPaperCards(col)).toEqual({ added: PAPERS.length, updated: 0, retired: 0 });
    expect(syncPaperCards(col)).toEqual({ added: 0, updated: 0, retired: 0 });
    const cards = paperCards();
    expect(cards).toHaveLength(PAPERS.length);
    expect(cards.every((c) => c.kind === 'paper' && c.itemKey.startsWith('paper:'))).toBe(true);
    const tfn = cards.find((c) => c.itemKey === 'paper:tfn')!;
    expect(tfn.back).toBe('Tensor Fusion Network for Multimodal Sentiment Analysis — Zadeh, EMNLP 2017');
    expect(tfn.source).toEqual({ file: 'papers.md', line: 3 });
    const listed = col.papers().find((p) => p.key === 'tfn')!;
    expect(listed.cards).toBe(1);
  });

  it('updates a card when its paper changes and retires it when the idea goes, keeping its history', () => {
    declare(col.store, PAPERS.slice(0, 3));
    syncPaperCards(col);
    const card = paperCards().find((c) => c.itemKey === 'paper:lmf')!;
    col.answer(card.id, 'good');
    declare(col.store, [PAPERS[0]!, { ...PAPERS[1]!, idea: 'A cheaper multiplicative fusion.' }, PAPERS[2]!]);
    expect(syncPaperCards(col)).toEqual({ added: 0, updated: 1, retired: 0 });
    expect(col.getCard(card.id).front).toBe('Which paper introduced: A cheaper multiplicative fusion.');
    expect(col.getCard(card.id).memory.reps).toBe(1);
    declare(col.store, [PAPERS[0]!, { ...PAPERS[1]!, idea: null }, PAPERS[2]!]);
    expect(syncPaperCards(col)).toEqual({ added: 0, updated: 0, retired: 1 });
    expect(col.getCard(card.id).retired).toBe(true);
    declare(col.store, PAPERS.slice(0, 3));
    expect(syncPaperCards(col)).toEqual({ added: 0, updated: 1, retired: 0 });
    expect(col.getCard(card.id).retired).toBe(false);
    expect(col.reviewsOf(card.id)).toHaveLength(1);
  });

  it('never appear in the ordinary review queue, even once learning', () => {
    col.addCard('Notes', 'front', 'back');
    declare(col.store, PAPERS);
    const quiz = paperQuiz(col, { seed: 1 });
    expect(quiz.questions).toHaveLength(PAPERS.length);
    col.answer(quiz.questions[0]!.cardId, 'again');
    setNow(T0 + 10 * 60_000);
    const { cards, counts } = col.queue();
    expect(cards.map((c) => c.front)).toEqual(['front']);
    expect(counts).toEqual({ new: 1, learning: 0, review: 0 });
    const session = col.sessionQueue();
    expect([...session.main, ...session.learning].every((c) => c.kind !== 'paper')).toBe(true);
  });

  it('the quiz asks due cards first, respects --count and --deck, and answers land in the review log', () => {
    declare(col.store, PAPERS);
    const card = col.addCard('Fusion', 'What does TFN compute?', 'An outer product');
    col.store.replacePapersOfCard(card.id, [col.papers().find((p) => p.key === 'tfn')!.id]);
    expect(paperQuiz(col, { seed: 3, count: 2 }).questions).toHaveLength(2);
    const fusion = paperQuiz(col, { seed: 3, deck: 'Fusion' });
    expect(fusion.questions.map((q) => q.answer.key)).toEqual(['tfn']);
    const question = fusion.questions[0]!;
    const answer = question.choices ? String(question.choices.findIndex((c) => c.key === 'tfn') + 1) : 'TFN';
    const out = answerQuizQuestion(col, question.id, answer, { durationMs: 20_000 });
    expect(out.verdict.correct).toBe(true);
    expect(out.grade).toBe(out.suggested);
    expect(col.reviewsOf(question.cardId).map((r) => r.grade)).toEqual([out.grade]);
    expect(() => paperQuiz(col, { seed: 1, deck: 'Nope' })).toThrow(/no deck named 'Nope'/);
  });

  it('with no papers there is nothing to ask and no Papers deck is made', () => {
    expect(paperQuiz(col, { seed: 1 })).toEqual({ questions: [], papers: 0, nextDue: null });
    expect(col.store.getDeckByName(PAPER_DECK)).toBeNull();
  });
});

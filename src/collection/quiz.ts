/**
 * The paper quiz's use-cases. Every paper with an idea gets one quiz card (kind 'paper',
 * item key `paper:<key>`) in the deck `Papers`, apart from the note cards: the deck has its own
 * daily limits, and the ordinary review never shows these cards (the store's queue skips
 * kind 'paper'). The card carries the FSRS schedule of "knowing this paper"; each time it is
 * due it is asked in one of the question forms, picked with a seed. Answers go through the
 * ordinary answer path, so they land in the review log and `engram undo` works on them.
 */
import { EngramError, UsageError, nextDayStart, now, type Card, type Grade, type Reasking } from '../core/index.js';
import {
  askAgainQuestion, buildQuestion, checkAnswer, mixSeed, parseQuestionId, possibleForms, makeQuestion, suggestGrade,
  type Question, type QuizPaper, type Verdict,
} from '../quiz/index.js';
import { newMemory } from '../scheduler/index.js';
import type { StoredPaper } from '../store/index.js';
import { paperCardsOfDeck, paperKeysOfDeck, quizDueCards } from '../store/quiz.js';
import type { AnswerResult, Collection } from './collection.js';
import { interleave } from './queue.js';

export const PAPER_DECK = 'Papers';
const ITEM_PREFIX = 'paper:';

/** How to get something to quiz on, for the "no papers" message. */
export const ADD_PAPERS_HINT =
  'Add a papers note to a deck (one entry per paper: title, authors, venue, year, and an `idea:` line saying what ' +
  'it contributes without naming it), then `engram import` the deck.';

export function toQuizPaper(paper: StoredPaper): QuizPaper {
  return {
    key: paper.key, title: paper.title, firstAuthor: paper.firstAuthor ?? paper.authors[0] ?? null, venue: paper.venue,
    year: paper.year, idea: paper.idea?.trim() || null, topic: paper.topic, aliases: paper.aliases,
  };
}

/** "Title — First Author, Venue 2016": how the correct answer is shown. */
export function citationLine(paper: QuizPaper): string {
  const where = [paper.venue, paper.year].filter((x) => x !== null && x !== '').join(' ');
  const meta = [paper.firstAuthor, where].filter(Boolean).join(', ');
  return meta ? `${paper.title} — ${meta}` : paper.title;
}

export interface SyncResult {
  added: number;
  updated: number;
  retired: number;
}

/**
 * Creates, updates and retires the quiz cards so there is exactly one live card per paper with
 * an idea. Idempotent; one transaction. Creates the `Papers` deck only when there is something
 * to put in it.
 */
export function syncPaperCards(col: Collection): SyncResult {
  const result: SyncResult = { added: 0, updated: 0, retired: 0 };
  const papers = col.store.listPapers().filter((p) => p.idea?.trim());
  const existingDeck = col.store.getDeckByName(PAPER_DECK);
  if (papers.length === 0 && !existingDeck) return result;
  col.store.transaction(() => {
    const time = now();
    const deckId = existingDeck?.id ?? col.ensureDeck(PAPER_DECK);
    const cards = new Map(paperCardsOfDeck(col.store, deckId).map((c) => [c.itemKey, c]));
    const wanted = new Set<string>();
    for (const paper of papers) {
      const itemKey = `${ITEM_PREFIX}${paper.key}`;
      wanted.add(itemKey);
      const quiz = toQuizPaper(paper);
      const content = {
        deckId, noteId: null, kind: 'paper' as const, front: `Which paper introduced: ${quiz.idea}`, back: citationLine(quiz),
        source: sourceOf(paper.declaredIn), breadcrumb: quiz.topic ? [quiz.topic] : [], itemKey, tags: [],
      };
      const card = cards.get(itemKey);
      if (!card) {
        const id = col.store.insertCard({ ...content, memory: newMemory(time), createdAt: time });
        col.store.replacePapersOfCard(id, [paper.id]);
        result.added++;
      } else if (card.retired || card.front !== content.front || card.back !== content.back || !sameSource(card, content.source)) {
        col.store.updateCardContent(card.id, content, time);
        col.store.replacePapersOfCard(card.id, [paper.id]);
        result.updated++;
      }
    }
    for (const card of cards.values()) {
      if (!card.retired && !wanted.has(card.itemKey)) {
        col.store.retireCard(card.id, time);
        result.retired++;
      }
    }
  });
  return result;
}

export interface QuizOptions {
  deck?: string;
  count?: number;
  /** Seed of the session's questions; the same seed asks the same questions. */
  seed: number;
}

export interface QuizSession {
  questions: Question[];
  /** Papers with an idea (in the deck, with --deck): 0 means there is nothing to quiz on at all. */
  papers: number;
  /** When the next quiz card is due, if none is due now. */
  nextDue: number | null;
}

/**
 * The quiz cards due now, in review order (learning due, then reviews with new cards spread
 * among them, within the `Papers` deck's daily limits), each with its question.
 */
export function paperQuiz(col: Collection, options: QuizOptions): QuizSession {
  if (options.count !== undefined && (!Number.isInteger(options.count) || options.count < 1)) {
    throw new UsageError(`invalid --count '${options.count}': expected a whole number of at least 1`);
  }
  const filterDecks = options.deck ? col.deckScope(options.deck) : null;
  syncPaperCards(col);
  const pool = quizPool(col);
  const inDeck = filterDecks ? new Set(filterDecks.flatMap((d) => [...paperKeysOfDeck(col.store, d.id)])) : null;
  const asked = pool.filter((p) => p.idea && (!inDeck || inDeck.has(p.key)));
  const deck = col.store.getDeckByName(PAPER_DECK);
  if (asked.length === 0 || !deck) return { questions: [], papers: asked.length, nextDue: null };

  const time = now();
  const limits = col.remainingLimits(deck.id, time);
  const before = nextDayStart(time, col.deckOptions(deck.id).rolloverHour);
  const due = quizDueCards(col.store, deck.id, { before, now: time, ...limits });
  const byKey = new Map(asked.map((p) => [p.key, p]));
  const keep = (cards: Card[]) => cards.filter((c) => byKey.has(paperKeyOf(c)));
  // Like the review: learning cards due now first, those due within the learn-ahead window last;
  // one due later today waits for a later session.
  const aheadUntil = time + learnAheadMs(col, deck.id);
  const learningNow = keep(due.learning).filter((c) => c.memory.due <= time);
  const learningLater = keep(due.learning).filter((c) => c.memory.due > time && c.memory.due <= aheadUntil);
  let cards = [...learningNow, ...interleave(keep(due.reviews), keep(due.news)), ...learningLater];
  if (options.count !== undefined) cards = cards.slice(0, options.count);
  const questions = cards.map((card) => makeQuestion(card.id, byKey.get(paperKeyOf(card))!, pool, mixSeed(options.seed, card.id)));
  const nextDue = questions.length ? null : nextQuizDue(col, deck.id, time);
  return { questions, papers: asked.length, nextDue };
}

export type { Reasking };

/**
 * After an answer: when it left the card in (re)learning with its next step due within the
 * learn-ahead window of the card's deck, the card is asked again in this session, in a fresh
 * question (another seed, another form when there is one). Otherwise it waits for a later quiz.
 */
export function reaskingAfter(col: Collection, question: Question, result: AnswerResult): Reasking | null {
  const { memory, card } = result;
  if (memory.state !== 'learning' && memory.state !== 'relearning') return null;
  if (card.suspended || card.retired) return null;
  if (memory.due > now() + learnAheadMs(col, card.deckId)) return null;
  const pool = quizPool(col);
  const paper = pool.find((p) => p.key === paperKeyOf(card));
  if (!paper || possibleForms(paper, pool).length === 0) return null;
  return { question: askAgainQuestion(question, paper, pool), due: memory.due };
}

/** Rebuilds a question from its id (the `--json` round trip). */
export function quizQuestion(col: Collection, id: string): Question {
  const parsed = parseQuestionId(id);
  const card = col.getCard(parsed.cardId);
  if (card.kind !== 'paper') throw new EngramError(`card ${card.id} is not a paper quiz card`);
  if (card.retired) throw new EngramError(`card ${card.id} is retired (its paper is gone or has no idea)`);
  const pool = quizPool(col);
  const paper = pool.find((p) => p.key === paperKeyOf(card));
  if (!paper || possibleForms(paper, pool).length === 0) throw new EngramError(`the paper of card ${card.id} has no idea to ask about`);
  return buildQuestion(card.id, paper, pool, parsed.form, parsed.seed);
}

export interface Judgement {
  verdict: Verdict;
  /** The grade the result maps to; the user may pick another before it is saved. */
  suggested: Grade;
}

/** Checks an answer without saving anything. */
export function judgeQuizAnswer(col: Collection, question: Question, answer: string, durationMs: number | null): Judgement {
  const verdict = checkAnswer(question, answer, quizPool(col));
  return { verdict, suggested: suggestGrade({ form: question.form, match: verdict.match, durationMs }) };
}

/** Checks an answer and saves it (the suggested grade unless `grade` overrides it). */
export function answerQuizQuestion(
  col: Collection, questionId: string, answer: string, options: { grade?: Grade; durationMs?: number | null } = {},
): Judgement & { question: Question; grade: Grade; result: AnswerResult } {
  const question = quizQuestion(col, questionId);
  const durationMs = options.durationMs ?? null;
  const judgement = judgeQuizAnswer(col, question, answer, durationMs);
  const grade = options.grade ?? judgement.suggested;
  const result = col.answer(question.cardId, grade, durationMs);
  return { ...judgement, question, grade, result };
}

/** Every paper, with or without an idea: all are distractors, and all titles are "other papers" when grading. */
function quizPool(col: Collection): QuizPaper[] {
  return col.store.listPapers().map(toQuizPaper);
}

function paperKeyOf(card: Card): string {
  return card.itemKey.startsWith(ITEM_PREFIX) ? card.itemKey.slice(ITEM_PREFIX.length) : '';
}

function learnAheadMs(col: Collection, deckId: number): number {
  return col.deckOptions(deckId).learnAheadMinutes * 60_000;
}

function nextQuizDue(col: Collection, deckId: number, time: number): number | null {
  const due = paperCardsOfDeck(col.store, deckId)
    .filter((c) => !c.retired && !c.suspended && c.memory.state !== 'new' && c.memory.due >= time)
    .map((c) => c.memory.due);
  return due.length ? Math.min(...due) : null;
}

function sourceOf(declaredIn: string | null): { file: string; line: number } | null {
  const match = declaredIn ? /^(.*):(\d+)$/.exec(declaredIn) : null;
  return match ? { file: match[1]!, line: Number(match[2]) } : null;
}

function sameSource(card: Card, source: { file: string; line: number } | null): boolean {
  return card.source?.file === source?.file && card.source?.line === source?.line;
}

/** `engram quiz papers` (Ink session, or the next question as JSON) and `engram quiz answer`. */
import { EngramError, UsageError, now } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { ADD_PAPERS_HINT, answerQuizQuestion, citationLine, paperQuiz } from '../../collection/quiz.js';
import type { Question, QuizPaper } from '../../core/index.js';
import { printJson, safeText, shortDate } from '../format.js';
import { parseGrade } from './args.js';

export interface QuizPapersOptions {
  deck?: string;
  count?: string;
  seed?: string;
  json?: boolean;
}

export async function quizPapersCommand(col: Collection, opts: QuizPapersOptions): Promise<void> {
  const count = opts.count === undefined ? undefined : wholeNumber('--count', opts.count, 1);
  // Without --seed every session asks differently; --seed pins the forms and choices (scripts, tests).
  const seed = opts.seed === undefined ? now() % 2_147_483_647 : wholeNumber('--seed', opts.seed, 0);
  const session = paperQuiz(col, { ...(opts.deck ? { deck: opts.deck } : {}), ...(count ? { count } : {}), seed });
  if (session.papers === 0) {
    const message = `${opts.deck ? `No papers with an idea in deck '${safeText(opts.deck)}'.` : 'No papers with an idea to quiz on yet.'} ${ADD_PAPERS_HINT}`;
    if (opts.json) return printJson({ question: null, papers: 0, message });
    process.stdout.write(`${message}\n`);
    return;
  }
  const first = session.questions[0];
  if (opts.json) {
    return printJson({
      question: first ? questionJson(first) : null, remaining: session.questions.length, papers: session.papers,
      ...(first ? {} : { next_due: session.nextDue ? new Date(session.nextDue).toISOString() : null }),
    });
  }
  if (!first) {
    process.stdout.write(session.nextDue ? `No paper quiz due now. Next one due ${shortDate(session.nextDue)} UTC.\n` : 'No paper quiz due now.\n');
    return;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new EngramError('the quiz needs a terminal; in scripts use `engram quiz papers --json` and `engram quiz answer QUESTION_ID ANSWER --json`', 2);
  }
  const { runQuiz } = await import('../../tui/quiz/index.js');
  await runQuiz(col, session.questions);
}

export function quizAnswerCommand(col: Collection, questionId: string, answer: string, opts: { grade?: string; durationMs?: string; json?: boolean }): void {
  const grade = opts.grade === undefined ? undefined : parseGrade(opts.grade);
  const durationMs = opts.durationMs === undefined ? null : wholeNumber('--duration-ms', opts.durationMs, 0);
  const out = answerQuizQuestion(col, questionId, answer, { ...(grade ? { grade } : {}), durationMs });
  const paper = out.question.answer;
  if (opts.json) {
    return printJson({
      question_id: out.question.id,
      card_id: out.question.cardId,
      form: out.question.form,
      answer,
      picked: out.verdict.picked,
      correct: out.verdict.correct,
      match: out.verdict.match,
      suggested_grade: out.suggested,
      grade: out.grade,
      paper: paperJson(paper),
      review_id: out.result.reviewId,
      state: out.result.memory.state,
      due: new Date(out.result.memory.due).toISOString(),
      interval_days: Math.round(out.result.intervalDays * 10000) / 10000,
    });
  }
  const headline = !out.verdict.correct ? 'Wrong.' : out.verdict.match === 'typo' ? 'Right (with a typo).' : 'Right.';
  process.stdout.write(`${headline} ${safeText(citationLine(paper))}\n`);
  if (paper.idea) process.stdout.write(`${safeText(paper.idea)}\n`);
  process.stdout.write(`card ${out.question.cardId}: ${out.grade}${out.grade !== out.suggested ? ` (suggested ${out.suggested})` : ''} → ${out.result.memory.state}, due ${shortDate(out.result.memory.due)}\n`);
}

function questionJson(question: Question) {
  return {
    id: question.id,
    card_id: question.cardId,
    form: question.form,
    prompt: question.prompt,
    ...(question.choices ? { choices: question.choices.map((c, i) => ({ number: i + 1, text: c.text })) } : {}),
  };
}

function paperJson(paper: QuizPaper) {
  return { title: paper.title, first_author: paper.firstAuthor, venue: paper.venue, year: paper.year, idea: paper.idea };
}

function wholeNumber(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`invalid ${flag} '${value}': expected a whole number${min > 0 ? ` of at least ${min}` : ''}`);
  return Number(value);
}

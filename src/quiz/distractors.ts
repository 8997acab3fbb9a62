/**
 * Wrong options for a multiple-choice question: other papers, those of the same topic first
 * (they are the ones worth telling apart), then the rest; never the answer, never two papers
 * with the same title (or, for ideas, the same idea).
 */
import { normalizeAnswer } from './normalize.js';
import { shuffle, type Random } from './random.js';
import type { QuizPaper } from './types.js';

export function pickDistractors(
  answer: QuizPaper,
  pool: readonly QuizPaper[],
  count: number,
  random: Random,
  textOf: (paper: QuizPaper) => string | null = (paper) => paper.title,
): QuizPaper[] {
  const answerText = textOf(answer);
  const seen = new Set<string>(answerText ? [normalizeAnswer(answerText)] : []);
  const candidates = pool.filter((p) => p.key !== answer.key && textOf(p));
  const sameTopic = answer.topic ? candidates.filter((p) => p.topic === answer.topic) : [];
  const others = candidates.filter((p) => !sameTopic.includes(p));
  const picked: QuizPaper[] = [];
  for (const paper of [...shuffle(sameTopic, random), ...shuffle(others, random)]) {
    if (picked.length >= count) break;
    const text = normalizeAnswer(textOf(paper)!);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    picked.push(paper);
  }
  return picked;
}

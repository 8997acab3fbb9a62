/**
 * Builds the question for a paper card from a seed: the form, the prompt, the choices and
 * their order. The same card, seed and papers always give the same question.
 */
import { UsageError } from '../core/index.js';
import { pickDistractors } from './distractors.js';
import { mixSeed, seededRandom, shuffle } from './random.js';
import { QUESTION_FORMS, type Choice, type Question, type QuestionForm, type QuizPaper } from './types.js';

export const CHOICE_COUNT = 4;

export function questionId(cardId: number, form: QuestionForm, seed: number): string {
  return `${cardId}-${form}-${seed >>> 0}`;
}

export function parseQuestionId(id: string): { cardId: number; form: QuestionForm; seed: number } {
  const match = /^(\d+)-([a-z-]+)-(\d+)$/.exec(id.trim());
  const form = match?.[2] as QuestionForm | undefined;
  if (!match || !form || !QUESTION_FORMS.includes(form)) {
    throw new UsageError(`invalid question id '${id}': expected CARD-FORM-SEED as printed by \`engram quiz papers --json\``);
  }
  return { cardId: Number(match[1]), form, seed: Number(match[3]) };
}

/** Forms this paper can be asked in, given the other papers (a choice needs at least one wrong option). */
export function possibleForms(answer: QuizPaper, pool: readonly QuizPaper[]): QuestionForm[] {
  const others = pool.filter((p) => p.key !== answer.key);
  const forms: QuestionForm[] = [];
  if (others.length > 0) forms.push('choose-paper');
  if (answer.idea && others.some((p) => p.idea)) forms.push('choose-idea');
  forms.push('type-paper');
  return answer.idea ? forms : [];
}

/** Picks a form with the seed (mixed forms), then builds that question. */
export function makeQuestion(cardId: number, answer: QuizPaper, pool: readonly QuizPaper[], seed: number): Question {
  const forms = possibleForms(answer, pool);
  const form = forms[Math.floor(seededRandom(seed ^ 0x5bd1e995)() * forms.length)];
  if (!form) throw new UsageError(`paper '${answer.title}' has no idea to ask about`);
  return buildQuestion(cardId, answer, pool, form, seed);
}

/**
 * The same card asked again later in the session (after a failed or shaky answer): a new seed
 * derived from the previous one, and another form when the paper can be asked in more than
 * one, so the user recalls the paper rather than the position of a choice.
 */
export function askAgainQuestion(previous: Question, answer: QuizPaper, pool: readonly QuizPaper[]): Question {
  const seed = mixSeed(previous.seed, previous.cardId);
  const forms = possibleForms(answer, pool);
  const others = forms.filter((f) => f !== previous.form);
  const choices = others.length ? others : forms;
  const form = choices[Math.floor(seededRandom(seed ^ 0x5bd1e995)() * choices.length)];
  if (!form) throw new UsageError(`paper '${answer.title}' has no idea to ask about`);
  return buildQuestion(previous.cardId, answer, pool, form, seed);
}

/** The question of a given form; a choice form without any possible wrong option falls back to typing. */
export function buildQuestion(cardId: number, answer: QuizPaper, pool: readonly QuizPaper[], form: QuestionForm, seed: number): Question {
  const idea = answer.idea ?? '';
  const random = seededRandom(seed);
  const base = { id: questionId(cardId, form, seed), cardId, form, seed: seed >>> 0, answer };
  if (form === 'type-paper') return { ...base, prompt: `Which paper introduced: ${trimEnd(idea)}? Type its title or short name.`, choices: null };
  const byIdea = form === 'choose-idea';
  const textOf = (p: QuizPaper) => (byIdea ? p.idea : p.title);
  const distractors = pickDistractors(answer, pool, CHOICE_COUNT - 1, random, textOf);
  if (distractors.length === 0) return buildQuestion(cardId, answer, pool, 'type-paper', seed);
  const choices: Choice[] = shuffle([answer, ...distractors], random).map((p) => ({ key: p.key, text: textOf(p)! }));
  const prompt = byIdea ? `What did "${answer.title}" contribute?` : `Which paper introduced: ${trimEnd(idea)}?`;
  return { ...base, prompt, choices };
}

function trimEnd(sentence: string): string {
  return sentence.trim().replace(/[.?!]+$/, '');
}

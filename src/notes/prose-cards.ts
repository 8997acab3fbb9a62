/**
 * Cards from notes not written as flashcards. Three rules, applied to the outline:
 *
 * - qa: a line or bullet asking a question, answered by what belongs to it: the rest of its line,
 *   its nested bullets, the rest of its paragraph, or else the block(s) after it.
 * - definition: `**Term**: text`, `Term: text` (short Term) or `Term:` over a list. Two cards,
 *   `**Term**` → text and, when the text is one short line, text → `**Term**` (kind `reversed`).
 * - heading: see prose-headings.ts.
 *
 * A line that defines a term is not also read as a question: `**X**: ... What happens then?`
 * is about X. A definition whose text opens with a question is a question.
 */
import type { Token } from './classify-lines.js';
import { countWords, escapeRegExp, mask } from './inline-markdown.js';
import type { DraftCard, Item } from './items.js';
import { makeItem } from './items.js';
import { blockTokens, itemTokens } from './outline.js';
import type { LineItem, ParaBlock, Section } from './outline.js';
import { fallbackHeadingCard, headingCard, headingSubject } from './prose-headings.js';
import { definitionOf, isInterrogative, plainTerm, questionOf } from './prose-patterns.js';
import type { Definition, Question } from './prose-patterns.js';
import { joinRendered, plain, renderProse } from './render.js';
import type { Rendered } from './render.js';
import { answerList } from './render-list.js';

/** Fewer words than this and an answer is probably a pointer ("Eg, signals."); read on. */
const THIN_ANSWER_WORDS = 6;
const MIN_DEFINITION_WORDS = 3;
/** Longer than this, a definition makes a poor front for the reversed card. */
const MAX_REVERSIBLE_WORDS = 40;

export function proseCards(sections: readonly Section[]): Item[] {
  return sections.flatMap(sectionCards);
}

function sectionCards(section: Section): Item[] {
  const items: Item[] = [];
  const heading = headingCard(section);
  if (heading) items.push(heading);
  // `### Graph networks` opened by `Aligned representations with graph networks: ...` would give
  // the same card twice, once per rule; the heading card is kept.
  const covered = heading && section.heading && section.blocks[0]?.kind === 'para' ? headingSubject(section.heading.title).toLowerCase() : null;
  section.blocks.forEach((block, index) => {
    if (block.kind === 'para') paragraphCards(section, index, items, index === 0 ? covered : null);
    else if (block.kind === 'list') listCards(section, block.items, items);
  });
  if (items.length === 0) {
    const fallback = fallbackHeadingCard(section);
    if (fallback) items.push(fallback);
  }
  return items;
}

/** The answer side of a card, and the tokens it was taken from. */
interface Answer {
  parts: Rendered[];
  tokens: Token[];
}

function qaItem(section: Section, item: LineItem, question: Question, answer: Answer): Item | null {
  const back = joinRendered(answer.parts);
  if (back.text === '') return null;
  const card: DraftCard = { kind: 'qa', front: plain(question.question), back };
  return makeItem([...itemTokens(item), ...answer.tokens], section.breadcrumb, [card]);
}

function paragraphCards(section: Section, index: number, out: Item[], covered: string | null): void {
  const para = section.blocks[index] as ParaBlock;
  const next = section.blocks[index + 1];
  para.items.forEach((item, k) => {
    const last = k === para.items.length - 1;
    const def = definitionOf(item.head.content);
    if (def && k === 0 && covered !== null && plainTerm(def.term).toLowerCase().includes(covered)) return;
    if (def) {
      // `Term:` at the end of a paragraph is defined by the list under it, even after a blank line.
      const introduces = def.rest === '' || def.rest.endsWith(':');
      const list = last && next?.kind === 'list' && (!next.gapBefore || introduces) ? next : null;
      const made = definitionItem(section, def, item, list?.items ?? [], list ? blockTokens(list) : []);
      if (made) {
        out.push(made);
        return;
      }
    }
    const question = questionOf(item.head.content);
    if (!question) return;
    const made = qaItem(section, item, question, paragraphAnswer(section, index, k, question));
    if (made) out.push(made);
  });
}

/** What answers a question in a paragraph: its line, the paragraph after it, else what follows. */
function paragraphAnswer(section: Section, index: number, k: number, question: Question): Answer {
  const para = section.blocks[index] as ParaBlock;
  const item = para.items[k] as LineItem;
  const answer: Answer = { parts: [], tokens: [] };
  if (question.inline !== '') answer.parts.push(plain(question.inline));
  if (item.more.length > 0) answer.parts.push(renderProse(item.more));

  const rest = untilQuestion(para.items.slice(k + 1));
  if (rest.length > 0) {
    const tokens = rest.flatMap(itemTokens);
    answer.parts.push(renderProse(tokens));
    answer.tokens.push(...tokens);
  }
  if (k + 1 + rest.length < para.items.length) return answer;

  const next = section.blocks[index + 1];
  if (next?.kind === 'list' && !next.gapBefore) {
    answer.parts.push(answerList(next.items));
    answer.tokens.push(...blockTokens(next));
    return answer;
  }
  // The next block answers; past a short paragraph ("Eg, signals.") read on, but never into the
  // next question. A list or code block is a whole answer however short.
  const thin = (): boolean => countWords(joinRendered(answer.parts).text) < THIN_ANSWER_WORDS;
  for (let b = index + 1; b < section.blocks.length && thin(); b++) {
    const block = section.blocks[b];
    if (!block) break;
    if (block.kind === 'list') {
      answer.parts.push(answerList(block.items));
      answer.tokens.push(...blockTokens(block));
      break;
    }
    if (block.kind === 'code') {
      answer.parts.push(renderProse(block.tokens));
      answer.tokens.push(...block.tokens);
      break;
    }
    const items = untilQuestion(block.items);
    if (items.length === 0) break;
    const tokens = items.flatMap(itemTokens);
    answer.parts.push(renderProse(tokens));
    answer.tokens.push(...tokens);
    if (items.length < block.items.length) break;
  }
  return answer;
}

function untilQuestion(items: readonly LineItem[]): LineItem[] {
  const end = items.findIndex((i) => questionOf(i.head.content) !== null);
  return end === -1 ? [...items] : items.slice(0, end);
}

function listCards(section: Section, items: readonly LineItem[], out: Item[]): void {
  const questions = items.map((item) => questionOf(item.head.content));
  items.forEach((item, k) => {
    const def = definitionOf(item.head.content);
    const made = def ? definitionItem(section, def, item, [], []) : null;
    const question = questions[k];
    if (made) {
      out.push(made);
    } else if (question) {
      const qa = qaItem(section, item, question, bulletAnswer(items, k, questions));
      if (qa) out.push(qa);
    }
    listCards(section, item.children, out);
  });
}

/** A bullet's answer is the rest of its line and its nested bullets, or else its later siblings. */
function bulletAnswer(siblings: readonly LineItem[], k: number, questions: readonly (Question | null)[]): Answer {
  const question = questions[k] as Question;
  const item = siblings[k] as LineItem;
  const answer: Answer = { parts: [], tokens: [] };
  if (question.inline !== '') answer.parts.push(plain(question.inline));
  if (item.more.length > 0) answer.parts.push(renderProse(item.more));
  if (item.children.length > 0) answer.parts.push(answerList(item.children));
  if (answer.parts.length > 0) return answer;
  // "- How does X work?" followed by "- by A", "- by B": the siblings answer it. But in a list of
  // open questions or of parallel points, a question is just one item, so only an interrogative
  // question in a list with no other question takes its siblings.
  const later = siblings.slice(k + 1);
  const alone = questions.every((q, i) => i === k || q === null);
  if (later.length > 0 && alone && isInterrogative(question.question)) {
    answer.parts.push(answerList(later));
    answer.tokens.push(...later.flatMap(itemTokens));
  }
  return answer;
}

/** The reversed card asks for the term, so the term must not appear on its front. */
function hideTerm(text: string, term: string): string {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'giu');
  const masked = mask(text);
  let out = '';
  let pos = 0;
  for (const m of masked.matchAll(pattern)) {
    const start = m.index ?? 0;
    out += text.slice(pos, start) + '[...]';
    pos = start + m[0].length;
  }
  return out + text.slice(pos);
}

/** Naming a paper or linking a note is a pointer, not a description one could recall the term from. */
function isReversible(rest: string): boolean {
  const words = countWords(rest);
  return words >= MIN_DEFINITION_WORDS && words <= MAX_REVERSIBLE_WORDS && !/\b(?:19|20)\d\d\b|\[\[/.test(rest);
}

/** `nested`: bullets that hold (part of) the definition, e.g. the list under `Term:`. */
function definitionItem(section: Section, def: Definition, item: LineItem, nested: readonly LineItem[], nestedTokens: readonly Token[]): Item | null {
  const below = [...item.children, ...nested];
  const back = joinRendered([plain(def.rest), renderProse(item.more), answerList(below)]);
  if (countWords(back.text) < MIN_DEFINITION_WORDS) return null;
  const term = plainTerm(def.term);
  const front = plain(`**${term}**`);
  const cards: DraftCard[] = [{ kind: 'definition', front, back }];
  if (item.more.length === 0 && below.length === 0 && isReversible(def.rest)) {
    cards.push({ kind: 'reversed', front: plain(hideTerm(def.rest, term)), back: front });
  }
  return makeItem([...itemTokens(item), ...nestedTokens], section.breadcrumb, cards);
}

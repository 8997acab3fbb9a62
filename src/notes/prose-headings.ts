/**
 * Heading cards: "What is <heading>?" answered by the paragraph that opens the section. A
 * section that opens with a list can still be defined by its first bullet, and a section that
 * gives no other card at all falls back to its first paragraph or list, so that no part of a note
 * is left without a card.
 */
import type { Token } from './classify-lines.js';
import { countWords } from './inline-markdown.js';
import type { Item } from './items.js';
import { makeItem } from './items.js';
import { blockTokens, itemTokens } from './outline.js';
import type { Block, LineItem, Section } from './outline.js';
import { definitionOf, isFiller, plainTerm, questionOf } from './prose-patterns.js';
import { joinRendered, plain, renderProse } from './render.js';
import type { Rendered } from './render.js';
import { answerList } from './render-list.js';

const DEFINING_WORDS = 6;
const FALLBACK_WORDS = 3;

/** `Challenge 1: Representation` is about Representation; the numbering is the course's, not the topic's. */
export function headingSubject(title: string): string {
  const subject = title
    .replace(/^(?:challenge|part|chapter|section|step|lecture|week|module|unit|lesson|topic|day)\s+[\p{N}IVXivx]+[a-z]?\s*[:.)\-–—]\s*/iu, '')
    .replace(/^\d+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[:.]\s*$/, '')
    .trim();
  return subject === '' ? title.trim() : subject;
}

const PREPOSITION = /\s(?:via|of|for|in|with|on|to|from|by|under|over|between|through|into|as|and|or)\s/i;

/** "What are Graph networks?" but "What is Transfer via Pretrained Models?": the head noun decides. */
function isPlural(subject: string): boolean {
  const head = subject.split(PREPOSITION)[0] ?? subject;
  const last = head.trim().split(/\s+/).pop() ?? '';
  return /[^s]s$/i.test(last) && !/(?:us|is|ics|ness|ss)$/i.test(last);
}

export function headingQuestion(title: string): string {
  const trimmed = title.trim();
  if (trimmed.endsWith('?')) return trimmed;
  const subject = headingSubject(trimmed);
  return `What ${isPlural(subject) ? 'are' : 'is'} ${subject}?`;
}

function keyPointsQuestion(title: string): string {
  return `What are the key points of ${headingSubject(title.trim())}?`;
}

/** A statement, not a question and not a pointer like "See ..." or "Eg ...". */
function isStatement(text: string): boolean {
  return questionOf(text) === null && !text.trim().endsWith('?') && !isFiller(text);
}

function firstContent(block: Block): string {
  return block.kind === 'code' ? '' : (block.items[0]?.head.content ?? '');
}

function headingItem(section: Section, front: string, back: Rendered, tokens: readonly Token[]): Item | null {
  if (!section.heading) return null;
  return makeItem([section.heading, ...tokens], section.breadcrumb, [{ kind: 'heading', front: plain(front), back }]);
}

/** A paragraph ending in `:` introduces the list under it; the two answer together. */
function paragraphWithList(section: Section, index: number): { back: Rendered; tokens: Token[] } {
  const block = section.blocks[index] as Block;
  const tokens = blockTokens(block);
  const text = renderProse(tokens);
  const next = section.blocks[index + 1];
  if (text.text.endsWith(':') && next?.kind === 'list') {
    return { back: joinRendered([text, answerList(next.items)]), tokens: [...tokens, ...blockTokens(next)] };
  }
  return { back: text, tokens };
}

function bulletWithChildren(item: LineItem): Rendered {
  return joinRendered([plain(item.head.content), renderProse(item.more), answerList(item.children)]);
}

export function headingCard(section: Section): Item | null {
  const heading = section.heading;
  const first = section.blocks[0];
  if (!heading || heading.title === '' || !first) return null;
  const question = headingQuestion(heading.title);

  // `## Heterogeneity` opened by `Modality biases: ...` defines modality biases, not heterogeneity;
  // that line gets its own definition card.
  const def = definitionOf(firstContent(first));
  const definesOther = def !== null && !plainTerm(def.term).toLowerCase().includes(headingSubject(heading.title).toLowerCase());
  if (first.kind === 'para' && isStatement(firstContent(first)) && !definesOther) {
    if (countWords(renderProse(blockTokens(first)).text) >= DEFINING_WORDS) {
      const { back, tokens } = paragraphWithList(section, 0);
      return headingItem(section, question, back, tokens);
    }
  }
  if (first.kind === 'list') {
    const item = first.items[0];
    const content = item?.head.content ?? '';
    // `- Beyond text: audio, graphs` is a labelled point, not a sentence defining the section.
    const labelled = definitionOf(content) !== null || /^[^:]{1,60}:\s/.test(content);
    if (item && isStatement(content) && !labelled && countWords(content) >= DEFINING_WORDS) {
      return headingItem(section, question, bulletWithChildren(item), itemTokens(item));
    }
  }
  return null;
}

/** Only for sections that gave no card at all. */
export function fallbackHeadingCard(section: Section): Item | null {
  const heading = section.heading;
  if (!heading || heading.title === '') return null;
  for (const [index, block] of section.blocks.entries()) {
    if (block.kind === 'para' && isStatement(firstContent(block))) {
      const { back, tokens } = paragraphWithList(section, index);
      if (countWords(back.text) >= FALLBACK_WORDS) return headingItem(section, headingQuestion(heading.title), back, tokens);
    }
    if (block.kind === 'list' && block.items.length >= 2) {
      return headingItem(section, keyPointsQuestion(heading.title), answerList(block.items), blockTokens(block));
    }
  }
  return null;
}

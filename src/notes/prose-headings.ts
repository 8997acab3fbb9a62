/**
 * Heading cards. A heading names a term only when the text under it says so: its first paragraph
 * (or first bullet) opens by defining the heading's own term, "Round robin is …", "A scheduler
 * refers to …", "Round robin: …". Then "What is round robin?" is answered by that paragraph. A
 * heading that asks a question ("## Why does fusion help?") is answered by its first block.
 * Generic headings (Overview, Solution, …), emoji-prefixed ones and verb phrases ("Put it all
 * together") never give a card: a section name is not a term.
 */
import type { Token } from './classify-lines.js';
import { countWords, mask } from './inline-markdown.js';
import type { DraftCard, Item } from './items.js';
import { makeItem } from './items.js';
import { blockTokens, itemTokens } from './outline.js';
import type { Block, LineItem, Section } from './outline.js';
import { definitionOf, isDataLike, isPlural, plainTerm } from './prose-patterns.js';
import { hasOwnClause, isEmojiStart, isGenericHeading, isLabel, isPointer, isPointsHeading, isSentenceAboutOther, isVerbPhrase } from './prose-vocabulary.js';
import { joinRendered, plain, renderProse } from './render.js';
import type { Rendered } from './render.js';
import { answerList } from './render-list.js';

/** How sure each heading rule is that it found a fact (see MIN_PROSE_CONFIDENCE in prose-cards.ts). */
export const HEADING_CONFIDENCE = { defines: 0.85, colon: 0.8, question: 0.8, phrase: 0.65 } as const;

/** A defining phrase under a term heading ("## Fusion" / "Learn a joint representation …") is one line of this many words. */
const PHRASE_WORDS = { min: 4, max: 40 } as const;
const NOT_A_DEFINITION_START = /^(?:\p{L}+ly\b|should|must|can|could|may|might|will|would|shall|need|example|for example|ultimately|basically|essentially|simply|just|only|source|slides?|video|lecture|chapter|course|notes?|this|these|that|those|we|you|i|it|they|let|let's|our|my|here|there|below|above|now|today|next|first|in this|recall|remember|note|see|e\.?g|eg|i\.?e|also|so|but|and|or|then|what|how|why|when|where|which|who|is|are|can|do|does)\b/iu;

const MIN_ANSWER_WORDS = 4;

/** `Challenge 1: Representation` is about Representation; the numbering is the course's, not the topic's. */
export function headingSubject(title: string): string {
  const subject = title
    .replace(/\*\*|__/g, '')
    .replace(/^(?:challenge|part|chapter|section|step|lecture|week|module|unit|lesson|topic|day)\s+[\p{N}IVXivx]+[a-z]?\s*[:.)\-–—]\s*/iu, '')
    .replace(/^(?:[\p{N}]+(?:\.[\p{N}]+)*|[A-Za-z]|[IVX]+)[.)]\s+/u, '')
    .replace(/^\d+(?:\.\d+)*\s+/, '')
    .replace(/[:.]\s*$/, '')
    .trim();
  return subject === '' ? title.trim() : subject;
}

export function headingQuestion(title: string): string {
  const trimmed = title.trim();
  if (trimmed.endsWith('?')) return trimmed;
  const subject = headingSubject(trimmed);
  return `What ${isPlural(subject) ? 'are' : 'is'} ${subject}?`;
}

/** Whether a heading can name a term at all. */
export function isTermHeading(title: string): boolean {
  const subject = headingSubject(title);
  return (
    !isEmojiStart(title) &&
    !isGenericHeading(subject) &&
    !isLabel(subject) &&
    !isVerbPhrase(subject) &&
    !/^(?:what|why|how|when|where|which|who|whom|whose)\b/i.test(subject) &&
    countWords(subject) <= 8 &&
    !/[{}<>|`$]/.test(subject)
  );
}

/** Words that carry meaning, for comparing a heading with the subject of a sentence. */
function termWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\*\*|__|[*_`"“”']/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^\p{L}\p{N}+#-]+/u)
    .filter((w) => w !== '' && !/^(?:a|an|the|of|in|for|and|to|on|with)$/.test(w))
    .map((w) => w.replace(/(?:es|s)$/, ''));
}

const CONTEXT_TAIL = /\s(?:in|with|for|on|using|via|under|from)\s.*$/i;

/**
 * The sentence's subject names the heading's term: the same words, up to a context the heading
 * adds ("Broadcasting in Python" is defined by "Broadcasting is …") or one word the sentence adds.
 * "The deep network is …" does not define "Deep Network Architectures".
 */
function namesSubject(subject: string, heading: string): boolean {
  const s = termWords(subject);
  const full = headingSubject(heading);
  const h = termWords(full.replace(CONTEXT_TAIL, ''));
  if (s.length === 0 || h.length === 0 || s.length > 8) return false;
  const same = s.length === h.length && s.every((w, i) => w === h[i]);
  const extended = h.length < s.length && h.every((w, i) => w === s[i]) && s.length - h.length <= 1;
  return same || extended;
}

const DEFINING_VERB = /^(.{1,80}?)\s+(is|are|was|were|refers? to|means?|denotes?|stands? for|(?:is|are) defined as|(?:is|are) called|(?:is|are) known as|describes?)\s+(?=\S)/i;

/** `X is …` / `X refers to …` at the start of a line, with X the heading's term. Returns is/are for the front. */
function definingCopula(text: string, heading: string): 'is' | 'are' | null {
  const masked = mask(text, { math: true });
  const m = DEFINING_VERB.exec(masked);
  if (!m) return null;
  // "Round robin, also called RR, is …": the appositive after the comma is not part of the subject.
  const subject = text.slice(0, (m[1] ?? '').length);
  if (!namesSubject(subject, heading) && !namesSubject(subject.split(/,\s/)[0] ?? '', heading)) return null;
  const verb = (m[2] ?? '').toLowerCase();
  return /^(?:are|were|refer |mean |denote |stand |are )/.test(`${verb} `) ? 'are' : 'is';
}

function firstItem(block: Block | undefined): LineItem | null {
  return block && block.kind !== 'code' ? (block.items[0] ?? null) : null;
}

function isTable(block: Block | undefined): boolean {
  return block?.kind === 'para' && block.items.every((i) => i.head.content.trim().startsWith('|'));
}

/** What may follow an answer that introduces it with `:`: a list, a table or a code block. */
export function introducedBlock(section: Section, index: number): { rendered: Rendered; tokens: Token[] } | null {
  const next = section.blocks[index + 1];
  if (!next) return null;
  if (next.kind === 'list') return { rendered: answerList(next.items, { whole: true }), tokens: blockTokens(next) };
  if (next.kind === 'code' || isTable(next)) return { rendered: renderProse(blockTokens(next)), tokens: blockTokens(next) };
  return null;
}

function headingItem(section: Section, card: DraftCard, tokens: readonly Token[]): Item | null {
  if (!section.heading) return null;
  return makeItem([section.heading, ...tokens], section.breadcrumb, [card]);
}

/** The first block as an answer, with the block it introduces when it ends in `:`. */
function openingAnswer(section: Section): { back: Rendered; tokens: Token[] } | null {
  const first = section.blocks[0];
  if (!first || first.kind !== 'para' || isTable(first)) return null;
  const tokens = blockTokens(first);
  const text = renderProse(tokens);
  if (isPointer(text.text) && !text.text.endsWith(':')) return null;
  if (!text.text.trimEnd().endsWith(':')) return { back: text, tokens };
  const block = introducedBlock(section, 0);
  if (!block) return null;
  return { back: joinRendered([text, block.rendered]), tokens: [...tokens, ...block.tokens] };
}

export function headingCard(section: Section): Item | null {
  const heading = section.heading;
  if (!heading || heading.title === '' || section.blocks.length === 0) return null;
  const title = heading.title.replace(/\*\*|__/g, '').trim();

  if (title.endsWith('?') && countWords(title) >= 3 && !isEmojiStart(title)) {
    const answer = openingAnswer(section) ?? listAnswer(section);
    if (!answer || countWords(answer.back.text) < MIN_ANSWER_WORDS) return null;
    return headingItem(section, { kind: 'heading', front: plain(headingSubject(title).replace(/[:.]$/, '') || title), back: answer.back, confidence: HEADING_CONFIDENCE.question }, answer.tokens);
  }
  if (!isTermHeading(title)) return null;
  const subject = headingSubject(title);

  const first = section.blocks[0];
  const item = firstItem(first);
  if (!item) return null;
  const content = item.head.content;
  const copula = definingCopula(content, title);
  const def = copula === null ? definitionOf(content) : null;
  const colon = def !== null && def.rest !== '' && namesSubject(plainTerm(def.term), title);
  const phrase = copula === null && !colon && def === null && first !== undefined && first.kind !== 'code' && isDefiningPhrase(first.kind === 'para' ? first.items : [item], subject);
  if (copula === null && !colon && !phrase) return null;

  let back: Rendered;
  let tokens: Token[];
  if (first?.kind === 'list') {
    back = joinRendered([plain(content), renderProse(item.more), answerList(item.children, { whole: true })]);
    tokens = itemTokens(item);
  } else {
    const answer = openingAnswer(section);
    if (!answer) return null;
    ({ back, tokens } = answer);
  }
  if (countWords(back.text) < MIN_ANSWER_WORDS || isDataLike(back.text)) return null;
  // The front agrees with the heading it names, whatever number the sentence used.
  const verb = isPlural(subject) ? 'are' : 'is';
  const card: DraftCard = {
    kind: 'heading',
    front: plain(`What ${verb} ${subject}?`),
    back,
    confidence: copula !== null ? HEADING_CONFIDENCE.defines : colon ? HEADING_CONFIDENCE.colon : HEADING_CONFIDENCE.phrase,
  };
  return headingItem(section, card, tokens);
}

/**
 * "## Fusion" opened by "Learn a joint representation that models cross-modal interactions.": a
 * one-line phrase (an infinitive, a gerund, a noun phrase) that says what the heading's term is,
 * under a short noun-phrase heading. Not a sentence about something else ("The lecture covers …"),
 * not a question, not a pointer, not a remark to the reader.
 */
function isDefiningPhrase(items: readonly LineItem[], subject: string): boolean {
  const only = items.length === 1 ? items[0] : undefined;
  if (!only) return false;
  const text = [only.head.content, ...only.more.map((t) => (t.kind === 'text' ? t.content : ''))].join(' ').trim();
  const words = countWords(text);
  return (
    countWords(subject) <= 4 &&
    !isPointsHeading(subject) &&
    words >= PHRASE_WORDS.min &&
    words <= PHRASE_WORDS.max &&
    !/[?:]\s*$/.test(text) &&
    !text.includes('?') &&
    !NOT_A_DEFINITION_START.test(text.replace(/^[*_]+/, '')) &&
    !/^[$\\\d]/.test(text) &&
    // A lower-case fragment under a heading is a topic jotted down ("the power of a network"), not a definition.
    /^[*_"“]*\p{Lu}/u.test(text) &&
    !isPointer(text) &&
    !isSentenceAboutOther(text, subject) &&
    !hasOwnClause(text) &&
    !isDataLike(text)
  );
}

function listAnswer(section: Section): { back: Rendered; tokens: Token[] } | null {
  const first = section.blocks[0];
  if (first?.kind !== 'list') return null;
  return { back: answerList(first.items, { whole: true }), tokens: blockTokens(first) };
}

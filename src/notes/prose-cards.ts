/**
 * Cards from notes not written as flashcards, precision first: a card only where the note states
 * something. Three rules, applied to the outline:
 *
 * - qa: a line or bullet asking a question, answered by what belongs to it: the rest of its line,
 *   its nested bullets, the rest of its paragraph, or else the block(s) after it.
 * - definition: `**Term**: text`, `Term: text` (short Term) or `Term:` over a list, asked as
 *   "What is Term?". A label (`**Advantages**:`) is asked about the term it belongs to (the bullet
 *   above it, else the heading), or gives nothing. When the term is distinctive and the text one
 *   short line, a reversed card asks for the term (kind `reversed`).
 * - heading: see prose-headings.ts.
 *
 * Every card carries the confidence of the rule that made it; `proseCards` keeps the confident,
 * sound ones (whole answers within the size limits, no template markup, no escaped math, no
 * pointer-only answers) and drops fronts repeated across the note, which are labels, not terms.
 */
import type { Token } from './classify-lines.js';
import { countWords, escapeRegExp, mask, normaliseSpace } from './inline-markdown.js';
import type { DraftCard, Item } from './items.js';
import { makeItem } from './items.js';
import { blockTokens, itemTokens } from './outline.js';
import type { LineItem, ParaBlock, Section } from './outline.js';
import { headingCard, headingSubject, introducedBlock, isTermHeading } from './prose-headings.js';
import { definitionOf, isCodeLike, isDataLike, isInterrogative, plainTerm, questionOf, termQuestion } from './prose-patterns.js';
import type { Definition, Question } from './prose-patterns.js';
import { hasTemplateResidue } from './prose-template.js';
import { hasOwnClause, isEmojiStart, isLabel, isPointer, isPointsHeading, isSentenceAboutOther, isSkippedSection, isToDo, isVerbPhrase, labelQuestion, withoutGenericTail } from './prose-vocabulary.js';
import { joinRendered, plain, renderProse } from './render.js';
import type { Rendered } from './render.js';
import { answerList } from './render-list.js';

/** Prose cards below this confidence are not made (parse-note keeps only the rest). */
export const MIN_PROSE_CONFIDENCE = 0.6;

/** How sure each rule is that what it found is a fact worth a card. */
export const PROSE_CONFIDENCE = {
  /** An interrogative question with its answer on its line or in its nested bullets. */
  questionAnswered: 0.9,
  /** A question answered by the paragraph or block after it. */
  questionFollowed: 0.75,
  /** A line ending in `?` that does not start like a question ("Real-world datasets?"). */
  questionOpen: 0.65,
  boldDefinition: 0.85,
  plainDefinition: 0.7,
  /** `**Advantages**:` under a bullet that names the term. */
  labelOfTerm: 0.75,
  /** `**Advantages**:` in a section whose heading names the term. */
  labelOfHeading: 0.6,
  reversed: 0.65,
} as const;

/** The size limits of `engram lint` (16 lines, 1000 characters): beyond them a side is not recalled at once. */
const MAX_SIDE_LINES = 16;
const MAX_SIDE_CHARS = 1000;
/** The same front more often than this in one note is a label ("What is Description?"), not a term. */
export const MAX_SHARED_FRONT = 2;

/** Fewer words than this and an answer is probably a pointer ("Eg, signals."); read on. */
const THIN_ANSWER_WORDS = 6;
const MIN_DEFINITION_WORDS = 3;
const MIN_REVERSIBLE_WORDS = 4;
/** Longer than this, a definition makes a poor front for the reversed card. */
const MAX_REVERSIBLE_WORDS = 30;
const MAX_REVERSIBLE_TERM_WORDS = 3;

const COUNTED_TERM = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|few|multiple|various|other|more|most|\p{N}+)\b/iu;

/** Every candidate, each card with its confidence; `proseCards` decides which are kept. */
export function proseCandidates(sections: readonly Section[]): Item[] {
  return sections.flatMap(sectionCards);
}

export function proseCards(sections: readonly Section[], minConfidence = MIN_PROSE_CONFIDENCE): Item[] {
  const items = proseCandidates(sections)
    .map((item) => ({ ...item, cards: item.cards.filter((card) => (card.confidence ?? 0) >= minConfidence && isSound(card)) }))
    .filter((item) => item.cards.length > 0);
  const shared = sharedFronts(items.flatMap((item) => item.cards.map((card) => card.front.text)));
  return items.map((item) => ({ ...item, cards: item.cards.filter((card) => !shared.has(frontKey(card.front.text))) })).filter((item) => item.cards.length > 0);
}

function frontKey(front: string): string {
  return normaliseSpace(front).toLowerCase();
}

function sharedFronts(fronts: readonly string[], max = MAX_SHARED_FRONT): Set<string> {
  const counts = new Map<string, number>();
  for (const front of fronts) counts.set(frontKey(front), (counts.get(frontKey(front)) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > max).map(([key]) => key));
}

/**
 * The same pass over a whole deck, for the collection to call on the cards of all its notes: prose
 * cards whose front occurs more than `max` times are labels and are dropped; explicit cards are kept.
 */
export function dropSharedFronts<T extends { front: string; origin?: string }>(cards: readonly T[], max = MAX_SHARED_FRONT): T[] {
  const shared = sharedFronts(cards.filter((c) => c.origin === 'prose').map((c) => c.front), max);
  return cards.filter((c) => c.origin !== 'prose' || !shared.has(frontKey(c.front)));
}

function fits(text: string): boolean {
  return text.length <= MAX_SIDE_CHARS && text.split('\n').length <= MAX_SIDE_LINES;
}

/** A card one can review: whole, within the size limits, free of markup and of escaped math. */
function isSound(card: DraftCard): boolean {
  const front = card.front.text;
  const back = card.back.text;
  return (
    fits(front) &&
    fits(back) &&
    !/\\\$/.test(front + back) &&
    !hasTemplateResidue(front) &&
    !hasTemplateResidue(back) &&
    !back.trimEnd().endsWith(':') &&
    !isPointer(back) &&
    !isEmojiStart(front)
  );
}

/** Where a section's cards come from; exercises, solutions, code and reference lists give none. */
function sectionCards(section: Section): Item[] {
  if (section.breadcrumb.some(isSkippedSection)) return [];
  const items: Item[] = [];
  const heading = headingCard(section);
  if (heading) items.push(heading);
  // `### Graph networks` opened by `Graph networks: ...` would give the same card twice, once per rule; the heading card is kept.
  const covered = heading && section.heading && section.blocks[0]?.kind === 'para' ? headingSubject(section.heading.title).toLowerCase() : null;
  // "Teacher Forcing: The Standard Approach" is about Teacher Forcing.
  // "Application Example: Sentiment Analysis" is about Sentiment Analysis: the first part that names a term.
  const headingTerm = section.heading ? (headingSubject(section.heading.title).split(/:\s/).map(withoutGenericTail).find((part) => isTermHeading(part)) ?? null) : null;
  section.blocks.forEach((block, index) => {
    if (block.kind === 'para') paragraphCards(section, index, items, index === 0 ? covered : null, headingTerm);
    else if (block.kind === 'list') listCards(section, block.items, items, { parent: null, heading: headingTerm });
  });
  return items;
}

/** What a label (`**Advantages**`) can be about: the term of the bullet above it, else the section's. */
interface Subject {
  parent: string | null;
  heading: string | null;
}

/** The answer side of a card, and the tokens it was taken from. */
interface Answer {
  parts: Rendered[];
  tokens: Token[];
}

/** "What does this mean?" has no subject of its own; out of its paragraph it asks nothing. */
function isVague(question: string): boolean {
  return (
    (countWords(question) <= 7 && /\b(?:this|that|it|these|those|they|he|she|so)\b/i.test(question)) ||
    /^(?:remember|recall|guess|notice|ready|see|any idea|got it|right|ok|okay)\b/i.test(question) ||
    /\b(?:this code|the code above|the above|this example|the following|this snippet)\b/i.test(question)
  );
}

/** Longer than this, a "question" is a paragraph that happens to contain a `?`, not something one recalls from. */
const MAX_QUESTION_WORDS = 30;

/** Review and thought questions, exercises: the note asks the reader, and does not answer. */
const EXERCISE_QUESTION = /^(?:>\s*)?(?:[*_]{1,2})?(?:review question|thought question|exercise|question|quiz|check your understanding|try it|think about it)\b/i;

function qaItem(section: Section, item: LineItem, question: Question, answer: Answer, confidence: number): Item | null {
  const text = question.question;
  if (isToDo(text) || isEmojiStart(text) || isVague(text) || EXERCISE_QUESTION.test(text) || countWords(text) > MAX_QUESTION_WORDS) return null;
  const back = joinRendered(answer.parts);
  // "**Q13.**" under a question is the next question's number, not an answer.
  if (countWords(back.text) < 2 || /^(?:\*\*|__)?(?:Q|A|Question|Answer)\s*\d+/i.test(back.text)) return null;
  const card: DraftCard = { kind: 'qa', front: plain(text), back, confidence: isInterrogative(text) ? confidence : Math.min(confidence, PROSE_CONFIDENCE.questionOpen) };
  return makeItem([...itemTokens(item), ...answer.tokens], section.breadcrumb, [card]);
}

function paragraphCards(section: Section, index: number, out: Item[], covered: string | null, headingTerm: string | null): void {
  const para = section.blocks[index] as ParaBlock;
  const next = section.blocks[index + 1];
  para.items.forEach((item, k) => {
    if (isToDo(item.head.content)) return;
    const last = k === para.items.length - 1;
    const def = definitionOf(item.head.content);
    if (def && k === 0 && covered !== null && plainTerm(def.term).toLowerCase().includes(covered)) return;
    if (def) {
      // `Term:` at the end of a paragraph is defined by the list under it, even after a blank line.
      const introduces = def.rest === '' || def.rest.endsWith(':');
      const list = last && next?.kind === 'list' && (!next.gapBefore || introduces) ? next : null;
      const made = definitionItem(section, def, item, list?.items ?? [], list ? blockTokens(list) : [], { parent: null, heading: headingTerm });
      if (made) {
        out.push(made);
        return;
      }
      if (introduces || !questionOf(item.head.content)) return;
    }
    const question = questionOf(item.head.content);
    if (!question) return;
    // "… What if we wanted to sort an array of" / "`MonthDay` objects?": the tail of a wrapped sentence, not a question of its own.
    const previous = para.items[k - 1];
    if (previous && !/[.!?:;)"'*]$/.test(lastLine(previous))) return;
    const answer = paragraphAnswer(section, index, k, question);
    const confidence = answer.followed ? PROSE_CONFIDENCE.questionFollowed : PROSE_CONFIDENCE.questionAnswered;
    const made = qaItem(section, item, question, answer, confidence);
    if (made) out.push(made);
  });
}

/** What answers a question in a paragraph: its line, the paragraph after it, else what follows. */
function paragraphAnswer(section: Section, index: number, k: number, question: Question): Answer & { followed: boolean } {
  const para = section.blocks[index] as ParaBlock;
  const item = para.items[k] as LineItem;
  const answer: Answer & { followed: boolean } = { parts: [], tokens: [], followed: false };
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
    answer.parts.push(answerList(next.items, { whole: true }));
    answer.tokens.push(...blockTokens(next));
    return answer;
  }
  // The next block answers; past a short paragraph ("Eg, signals.") read on, but never into the
  // next question. A list or code block is a whole answer however short.
  const text = (): string => joinRendered(answer.parts).text;
  let b = index + 1;
  for (; b < section.blocks.length && countWords(text()) < THIN_ANSWER_WORDS; b++) {
    const block = section.blocks[b];
    if (!block) break;
    answer.followed = true;
    if (block.kind === 'list' || block.kind === 'code') {
      answer.parts.push(block.kind === 'list' ? answerList(block.items, { whole: true }) : renderProse(block.tokens));
      answer.tokens.push(...blockTokens(block));
      return answer;
    }
    const items = untilQuestion(block.items);
    if (items.length === 0) break;
    const tokens = items.flatMap(itemTokens);
    answer.parts.push(renderProse(tokens));
    answer.tokens.push(...tokens);
    if (items.length < block.items.length) return answer;
  }
  // An answer that introduces a list, table or code block ("… as follows:") takes it along.
  if (text().trimEnd().endsWith(':')) {
    const block = introducedBlock(section, b - 1);
    if (block) {
      answer.parts.push(block.rendered);
      answer.tokens.push(...block.tokens);
    }
  }
  return answer;
}

function lastLine(item: LineItem): string {
  const texts = [item.head, ...item.more].filter((t) => t.kind === 'text');
  const last = texts[texts.length - 1];
  return last && last.kind === 'text' ? last.content.trim() : '';
}

function untilQuestion(items: readonly LineItem[]): LineItem[] {
  const end = items.findIndex((i) => questionOf(i.head.content) !== null);
  return end === -1 ? [...items] : items.slice(0, end);
}

/** The term a bullet names for its nested bullets: `**Beam search**`, `Beam search:`, `**Beam search**: …`. */
function subjectOf(item: LineItem): string | null {
  const content = item.head.content.trim();
  const def = definitionOf(content);
  const bold = /^(\*\*|__)(?=\S)(.+?)(?<=\S)\1:?$/.exec(content);
  const term = def ? plainTerm(def.term) : bold ? plainTerm(bold[2] ?? '') : null;
  if (!term || isLabel(term) || isVerbPhrase(term) || isCodeLike(term) || isEmojiStart(term) || countWords(term) > 6) return null;
  return term;
}

function listCards(section: Section, items: readonly LineItem[], out: Item[], subject: Subject): void {
  const questions = items.map((item) => questionOf(item.head.content));
  items.forEach((item, k) => {
    if (isToDo(item.head.content)) return;
    const def = definitionOf(item.head.content);
    const made = def ? definitionItem(section, def, item, [], [], subject) : null;
    const question = questions[k];
    if (made) {
      out.push(made);
    } else if (question && !def) {
      const qa = qaItem(section, item, question, bulletAnswer(items, k, questions), PROSE_CONFIDENCE.questionAnswered);
      if (qa) out.push(qa);
    }
    listCards(section, item.children, out, { parent: subjectOf(item), heading: subject.heading });
  });
}

/** A bullet's answer is the rest of its line and its nested bullets, or else its later siblings. */
function bulletAnswer(siblings: readonly LineItem[], k: number, questions: readonly (Question | null)[]): Answer {
  const question = questions[k] as Question;
  const item = siblings[k] as LineItem;
  const answer: Answer = { parts: [], tokens: [] };
  if (question.inline !== '') answer.parts.push(plain(question.inline));
  if (item.more.length > 0) answer.parts.push(renderProse(item.more));
  if (item.children.length > 0) answer.parts.push(answerList(item.children, { whole: true }));
  if (answer.parts.length > 0) return answer;
  // "- How does X work?" followed by "- by A", "- by B": the siblings answer it. But in a list of
  // open questions or of parallel points, a question is just one item, so only an interrogative
  // question in a list with no other question takes its siblings.
  const later = siblings.slice(k + 1);
  const alone = questions.every((q, i) => i === k || q === null);
  if (later.length > 0 && alone && isInterrogative(question.question)) {
    answer.parts.push(answerList(later, { whole: true }));
    answer.tokens.push(...later.flatMap(itemTokens));
  }
  return answer;
}

/** Whether the text names the term (then a reversed card would give itself away). */
function mentions(text: string, term: string): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'iu');
  return pattern.test(mask(text));
}

/** One distinctive term: not a label, and specific enough that recalling it from its definition is a fact. */
function isDistinctive(term: string): boolean {
  return term.length >= 4 && !isLabel(term) && (countWords(term) >= 2 || /\p{Lu}{2}|\p{Ll}\p{Lu}|\p{N}/u.test(term));
}

/** Naming a paper or linking a note is a pointer, not a description one could recall the term from. */
function isReversible(rest: string, term: string): boolean {
  const words = countWords(rest);
  // A sentence with its own subject ("A deep network consists of …") is about that subject, not a gloss of the term.
  return (
    countWords(term) <= MAX_REVERSIBLE_TERM_WORDS &&
    !/\s(?:as|in|of|for|on|with|when|if|vs\.?)\s/i.test(term) &&
    !(/^\p{Lu}/u.test(rest) && hasOwnClause(rest)) &&
    words >= MIN_REVERSIBLE_WORDS &&
    words <= MAX_REVERSIBLE_WORDS &&
    !/\b(?:19|20)\d\d\b|\[\[/.test(rest) &&
    !mentions(rest, term) &&
    isDistinctive(term) &&
    !isDataLike(rest)
  );
}

/**
 * `nested`: bullets that hold (part of) the definition, e.g. the list under `Term:`. `subject`:
 * what a label on this line would be about.
 */
function definitionItem(section: Section, def: Definition, item: LineItem, nested: readonly LineItem[], nestedTokens: readonly Token[], subject: Subject): Item | null {
  const term = plainTerm(def.term);
  // "The criteria are as follows:" announces a list; it names no term.
  // "In an interface:", "To read the notes:" open a sentence; they name no term.
  // "Prefer K-means when:" opens a sentence the colon interrupts.
  if (/\s(?:when|if|because|that|which|to|of|for|and|or|with|by|is|are|the|a|an)$/i.test(term)) return null;
  if (isPointer(`${term}:`) || hasOwnClause(term) || /^(?:in|on|at|for|with|by|from|to|of|into|under|after|before|during|when|if)\s/i.test(term)) return null;
  if (term === '' || isEmojiStart(term) || isToDo(term) || isCodeLike(def.term) || isVerbPhrase(term) || COUNTED_TERM.test(term) || isInterrogative(term)) return null;
  const bold = /^(?:\*\*|__)/.test(item.head.content.trim());

  let front: string;
  let confidence: number;
  if (isLabel(term)) {
    // Under a heading, "**Description**" may describe any part of the section; only a bullet's own sub-label is surely about it.
    const about = subject.parent ?? subject.heading;
    const question = about ? labelQuestion(term, about) : null;
    if (question && subject.parent === null && question === termQuestion(about ?? '')) return null;
    if (!question) return null;
    front = question;
    confidence = subject.parent ? PROSE_CONFIDENCE.labelOfTerm : PROSE_CONFIDENCE.labelOfHeading;
  } else {
    // `**Typical Approach**: Online implementations use loops …` labels a point; it defines nothing.
    if (def.rest !== '' && isSentenceAboutOther(def.rest, term)) return null;
    // Under "Benefits of RL" or "Practical Tricks", `**Diversity**: …` is one of the points listed.
    if (section.heading && isPointsHeading(section.heading.title)) return null;
    front = termQuestion(withoutGenericTail(term));
    confidence = bold ? PROSE_CONFIDENCE.boldDefinition : PROSE_CONFIDENCE.plainDefinition;
  }

  const below = [...item.children, ...nested];
  // `Input string: "the cat in the hat".` quotes an example; it defines nothing.
  const quotedOnly = /^(?:"[^"]*"|“[^”]*”|`[^`]*`)\.?$/.test(def.rest);
  if (below.length === 0 && (isPointer(def.rest) || isDataLike(def.rest) || quotedOnly)) return null;
  let back = joinRendered([plain(def.rest), renderProse(item.more), answerList(below, { whole: true })]);
  // A definition with a long list under it still stands on its own line; the list's own bullets get their cards.
  if (!fits(back.text) && countWords(def.rest) >= MIN_DEFINITION_WORDS && !def.rest.endsWith(':')) back = plain(def.rest);
  if (countWords(back.text) < MIN_DEFINITION_WORDS) return null;

  const cards: DraftCard[] = [{ kind: 'definition', front: plain(front), back, confidence }];
  const topLevel = subject.parent === null && item.head.indent === 0;
  if (bold && topLevel && !isLabel(term) && item.more.length === 0 && below.length === 0 && isReversible(def.rest, term)) {
    cards.push({ kind: 'reversed', front: plain(def.rest), back: plain(`**${term}**`), confidence: PROSE_CONFIDENCE.reversed });
  }
  return makeItem([...itemTokens(item), ...nestedTokens], section.breadcrumb, cards);
}

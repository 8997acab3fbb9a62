/**
 * Cards the note asks for explicitly, in the Spaced Repetition plugin's syntax:
 *
 *   front::back          one card            front:::back   two cards (both directions)
 *   front lines / ? / back lines  one card  (?? : two cards); the card ends at a blank line
 *   ==cloze==, {{c1::cloze}}, **cloze** (bold only when enabled)
 *   Q: question / A: answer (the answer runs to a blank line or the next Q:)
 *
 * A small state machine over the tokens. Fenced code and math arrive as single tokens, so a blank
 * line inside a code block in an answer cannot end the card, and `a::b` inside code is never seen.
 * Like the SR plugin, a multi-line card's front is the whole paragraph above the `?` line, and a
 * paragraph that becomes a multi-line card or a Q/A is not also read for clozes.
 */
import type { Problem } from '../core/index.js';
import type { HeadingToken, SeparatorToken, TextToken, Token } from './classify-lines.js';
import { ClozeCounter, findClozes, renderCloze } from './cloze.js';
import type { ClozeSpan } from './cloze.js';
import { mask, nonSpaceLength } from './inline-markdown.js';
import type { DraftCard, Item } from './items.js';
import { makeItem } from './items.js';
import { lineText, plain, renderTokens } from './render.js';
import type { Rendered } from './render.js';

export interface ExplicitOptions {
  file: string;
  boldCloze: boolean;
}

export interface ExplicitResult {
  items: Item[];
  /** Token indexes that belong to explicit cards; prose rules must not read them again. */
  consumed: Set<number>;
  /** Whether the note uses any explicit card syntax outside code, card or no card. */
  found: boolean;
  problems: Problem[];
}

type Role =
  | { role: 'inline'; front: string; back: string; reversed: boolean }
  | { role: 'question' | 'answer'; rest: string }
  | { role: 'text' };

// `Q:`, `**Q:**` or `**Q**:` at the start of a line (after a list marker, if any).
const QA_PREFIX = /^(\*\*|__)?([QA])\1?:\1?(?:[ \t]+(.*)|[ \t]*$)/;

function roleOf(token: TextToken): Role {
  const content = token.content;
  const masked = mask(content, { clozes: true });
  const reversedAt = masked.indexOf(':::');
  const at = reversedAt !== -1 ? reversedAt : masked.indexOf('::');
  if (at !== -1) {
    const width = reversedAt !== -1 ? 3 : 2;
    const front = content.slice(0, at).trim();
    const back = content.slice(at + width).trim();
    // `::: note` (a fenced div), `Example::` or `[::1]` is not a card, so not card syntax either.
    if (nonSpaceLength(plain(front).text) >= 2 && nonSpaceLength(plain(back).text) >= 2) {
      return { role: 'inline', front, back, reversed: reversedAt !== -1 };
    }
  }
  const qa = QA_PREFIX.exec(content);
  if (qa) return { role: qa[2] === 'Q' ? 'question' : 'answer', rest: (qa[3] ?? '').trim() };
  return { role: 'text' };
}

type State =
  | { mode: 'idle' }
  | { mode: 'back'; front: Token[]; frontHeading: HeadingToken | null; separator: SeparatorToken; back: Token[] }
  | { mode: 'question'; question: Token[]; questionRest: string }
  | { mode: 'answer'; question: Token[]; questionRest: string; answer: Token[]; answerRest: string };

function twoWay(front: Rendered, back: Rendered, reversed: boolean): DraftCard[] {
  const cards: DraftCard[] = [{ kind: 'basic', front, back }];
  if (reversed) cards.push({ kind: 'reversed', front: back, back: front });
  return cards;
}

export function explicitCards(tokens: readonly Token[], options: ExplicitOptions): ExplicitResult {
  const items: Item[] = [];
  const consumed = new Set<number>();
  const problems: Problem[] = [];
  const clozeOptions = { bold: options.boldCloze };
  let found = false;
  let state: State = { mode: 'idle' };
  /** Lines of the current paragraph not yet claimed by a card. */
  let paragraph: Token[] = [];
  /** The heading right above the current paragraph, which can serve as a `?` card's front. */
  let headingAbove: HeadingToken | null = null;

  const warn = (line: number, message: string): void => {
    problems.push({ file: options.file, line, message });
  };
  const emit = (source: readonly Token[], cards: DraftCard[]): void => {
    for (const token of source) consumed.add(token.index);
    const breadcrumb = source[0]?.breadcrumb ?? [];
    items.push(makeItem(source, breadcrumb, cards));
  };

  const flushParagraph = (): void => {
    for (const unit of clozeUnits(paragraph)) {
      const item = clozeItem(unit, clozeOptions);
      if (item) {
        found = true;
        emit(unit, item);
      }
    }
    paragraph = [];
  };

  const finish = (): void => {
    switch (state.mode) {
      case 'idle':
        flushParagraph();
        break;
      case 'back': {
        const { front, frontHeading, separator, back } = state;
        if (back.length === 0) {
          warn(separator.line, `'${separator.reversed ? '??' : '?'}' has no answer below it; no card made`);
          break;
        }
        const frontSide = frontHeading ? plain(frontHeading.title) : renderTokens(front);
        const source = [...(frontHeading ? [frontHeading] : front), separator, ...back];
        emit(source, twoWay(frontSide, renderTokens(back), separator.reversed));
        break;
      }
      case 'question':
        warn(state.question[0]?.line ?? 1, "'Q:' has no 'A:' after it; no card made");
        break;
      case 'answer': {
        const front = renderTokens(state.question, { firstContent: state.questionRest });
        const back = renderTokens(state.answer, { firstContent: state.answerRest });
        emit([...state.question, ...state.answer], [{ kind: 'basic', front, back }]);
        break;
      }
    }
    state = { mode: 'idle' };
    paragraph = [];
  };

  const onSeparator = (token: SeparatorToken): void => {
    found = true;
    if (state.mode !== 'idle') {
      warn(token.line, `'${token.reversed ? '??' : '?'}' inside a card's answer is kept as text`);
      appendToCard(token);
      return;
    }
    if (paragraph.length === 0 && headingAbove === null) {
      warn(token.line, `'${token.reversed ? '??' : '?'}' has no question above it; ignored`);
      return;
    }
    state = { mode: 'back', front: paragraph, frontHeading: paragraph.length === 0 ? headingAbove : null, separator: token, back: [] };
    paragraph = [];
  };

  /** Adds a line to whatever card is being built; returns false when no card is open. */
  const appendToCard = (token: Token): boolean => {
    switch (state.mode) {
      case 'back':
        state.back.push(token);
        return true;
      case 'question':
        state.question.push(token);
        return true;
      case 'answer':
        state.answer.push(token);
        return true;
      case 'idle':
        return false;
    }
  };

  const onText = (token: TextToken): void => {
    const role = roleOf(token);
    if (role.role === 'question' && (state.mode === 'idle' || state.mode === 'question' || state.mode === 'answer')) {
      found = true;
      if (state.mode === 'idle') flushParagraph();
      else finish();
      state = { mode: 'question', question: [token], questionRest: role.rest };
      return;
    }
    if (role.role === 'answer' && state.mode === 'question') {
      state = { mode: 'answer', question: state.question, questionRest: state.questionRest, answer: [token], answerRest: role.rest };
      return;
    }
    // Inside an open card every line, `::` or `A:` included, is part of that card's text.
    if (appendToCard(token)) return;
    if (role.role === 'inline') {
      found = true;
      flushParagraph();
      const front = plain(role.front);
      const back = plain(role.back);
      emit([token], twoWay(front, back, role.reversed));
      return;
    }
    if (role.role === 'answer') {
      found = true;
      warn(token.line, "'A:' has no 'Q:' above it; kept as text");
    }
    paragraph.push(token);
  };

  for (const token of tokens) {
    switch (token.kind) {
      case 'comment':
      case 'tags':
        break;
      case 'blank':
      case 'rule':
      case 'heading':
        finish();
        headingAbove = token.kind === 'heading' ? token : null;
        break;
      case 'separator':
        onSeparator(token);
        headingAbove = null;
        break;
      case 'fence':
      case 'math':
        if (!appendToCard(token)) paragraph.push(token);
        headingAbove = null;
        break;
      case 'text':
        onText(token);
        headingAbove = null;
        break;
    }
  }
  finish();
  return { items, consumed, found, problems };
}

/**
 * Splits a paragraph into the texts that clozes are counted in: each list item on its own (a
 * list is a set of separate facts), and running prose as a whole (a sentence can wrap).
 */
function clozeUnits(paragraph: readonly Token[]): Token[][] {
  const units: Token[][] = [];
  let current: Token[] = [];
  for (const token of paragraph) {
    if (token.kind === 'text' && token.list !== null && current.length > 0) {
      units.push(current);
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) units.push(current);
  return units;
}

function clozeItem(unit: readonly Token[], options: { bold: boolean }): DraftCard[] | null {
  const counter = new ClozeCounter();
  const spansByToken = new Map<number, ClozeSpan[]>();
  const groups: string[] = [];
  const first = unit[0];
  // Same first-line rule as renderTokens: a unit that is one list item loses its marker.
  const firstContent = first?.kind === 'text' && first.list !== null ? first.content : undefined;
  for (const token of unit) {
    if (token.kind !== 'text') continue;
    // Spans are found on the very line the renderer's transform will receive.
    const spans = findClozes(lineText(token, token === first ? firstContent : undefined), options, counter);
    if (spans.length === 0) continue;
    spansByToken.set(token.index, spans);
    for (const span of spans) if (!groups.includes(span.group)) groups.push(span.group);
  }
  if (groups.length === 0) return null;
  const side = (group: string, which: 'front' | 'back'): Rendered =>
    renderTokens(unit, {
      ...(firstContent === undefined ? {} : { firstContent }),
      transform: (token, line) => {
        const spans = spansByToken.get(token.index);
        return spans ? renderCloze(line, spans, group, which) : line;
      },
    });
  return groups.map((group) => ({ kind: 'cloze', front: side(group, 'front'), back: side(group, 'back') }));
}

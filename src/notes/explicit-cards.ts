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
 * paragraph that becomes a multi-line card or a Q/A is not also read for clozes. The plugin's
 * schedule comment (`<!--SR:...-->`) on the line after a card closes that card and is kept with it.
 *
 * Card syntax is the writer's explicit wish, so a side is never too short: `carbon::6` is a card.
 * What cannot become a card (a side that is really empty, an empty cloze) is a warning with its line.
 */
import type { Problem } from '../core/index.js';
import type { HeadingToken, SeparatorToken, TextToken, Token } from './classify-lines.js';
import { ClozeCounter, findClozes, renderCloze } from './cloze.js';
import type { ClozeOptions, ClozeSpan } from './cloze.js';
import { mask } from './inline-markdown.js';
import type { DraftCard, Item } from './items.js';
import { makeItem } from './items.js';
import { lineText, plain, renderTokens } from './render.js';
import type { Rendered } from './render.js';
import { scheduleInLine, scheduleOfCommentLine } from './sr-schedule.js';

export interface ExplicitOptions {
  file: string;
  boldCloze: boolean;
  curlyCloze?: boolean;
}

export interface ExplicitResult {
  items: Item[];
  /** Token indexes that belong to explicit cards; prose rules must not read them again. */
  consumed: Set<number>;
  /** Whether the note uses any explicit card syntax outside code, card or no card. */
  found: boolean;
  problems: Problem[];
  /** The SR plugin's schedule comment written with an item (see sr-schedule.ts). */
  schedules: Map<Item, string>;
}

type Role =
  | { role: 'inline'; front: string; back: string; reversed: boolean }
  | { role: 'empty-inline'; missing: 'before' | 'after'; separator: string }
  | { role: 'question' | 'answer'; rest: string }
  | { role: 'text' };

// `Q:`, `**Q:**` or `**Q**:` at the start of a line (after a list marker, if any).
const QA_PREFIX = /^(\*\*|__)?([QA])\1?:\1?(?:[ \t]+(.*)|[ \t]*$)/;

function roleOf(token: TextToken): Role {
  const content = token.content;
  const masked = mask(content, { clozes: true });
  const reversedAt = masked.indexOf(':::');
  const at = reversedAt !== -1 ? reversedAt : masked.indexOf('::');
  // `::: note` and `:::tip` open a fenced div or an admonition (Pandoc, Docusaurus): not a card.
  if (at !== -1 && !content.startsWith(':::')) {
    const separator = reversedAt !== -1 ? ':::' : '::';
    const front = content.slice(0, at).trim();
    const back = content.slice(at + separator.length).trim();
    const hasFront = plain(front).text !== '';
    const hasBack = plain(back).text !== '';
    if (hasFront && hasBack) return { role: 'inline', front, back, reversed: reversedAt !== -1 };
    if (hasFront || hasBack) return { role: 'empty-inline', missing: hasFront ? 'after' : 'before', separator };
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
  const schedules = new Map<Item, string>();
  const clozeOptions: ClozeOptions = { bold: options.boldCloze, curly: options.curlyCloze ?? false };
  let found = false;
  let state: State = { mode: 'idle' };
  /** Lines of the current paragraph not yet claimed by a card. */
  let paragraph: Token[] = [];
  /** The heading right above the current paragraph, which can serve as a `?` card's front. */
  let headingAbove: HeadingToken | null = null;

  const warn = (line: number, message: string): void => {
    problems.push({ file: options.file, line, message });
  };
  /** A schedule comment on the line after the card being closed; it belongs to that card. */
  let closingSchedule: string | null = null;
  /** Items made since the last schedule comment could have followed them. */
  let lastEmitted: { items: Item[]; endIndex: number } = { items: [], endIndex: -1 };

  const emit = (source: readonly Token[], cards: DraftCard[]): void => {
    for (const token of source) consumed.add(token.index);
    const breadcrumb = source[0]?.breadcrumb ?? [];
    const item = makeItem(source, breadcrumb, cards);
    items.push(item);
    let schedule = closingSchedule;
    for (const token of source) {
      const inLine = token.kind === 'text' ? scheduleInLine(token.raw) : null;
      if (inLine !== null) schedule = inLine;
    }
    if (schedule !== null) schedules.set(item, schedule);
    const endIndex = source.reduce((max, t) => Math.max(max, t.index), -1);
    if (endIndex === lastEmitted.endIndex) lastEmitted.items.push(item);
    else lastEmitted = { items: [item], endIndex };
  };

  const flushParagraph = (): void => {
    for (const unit of clozeUnits(paragraph)) {
      const item = clozeItem(unit, clozeOptions, warn);
      if (item) {
        found = true;
        emit(unit, item);
      }
    }
    paragraph = [];
  };

  /** `<!--SR:...-->` on its own line: it closes the card above and holds that card's schedule. */
  const onSchedule = (token: Token, schedule: string): void => {
    if (state.mode !== 'idle' || paragraph.length > 0) {
      closingSchedule = schedule;
      finish();
      closingSchedule = null;
    } else if (lastEmitted.endIndex === token.index - 1) {
      for (const item of lastEmitted.items) schedules.set(item, schedule);
    }
    headingAbove = null;
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
    if (role.role === 'empty-inline') {
      warn(token.line, `empty card: nothing ${role.missing} '${role.separator}'`);
    }
    if (role.role === 'answer') {
      found = true;
      warn(token.line, "'A:' has no 'Q:' above it; kept as text");
    }
    paragraph.push(token);
  };

  for (const token of tokens) {
    switch (token.kind) {
      case 'comment': {
        const schedule = scheduleOfCommentLine(token.raw);
        if (schedule !== null) onSchedule(token, schedule);
        break;
      }
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
  return { items, consumed, found, problems, schedules };
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

function clozeItem(unit: readonly Token[], options: ClozeOptions, warn: (line: number, message: string) => void): DraftCard[] | null {
  const counter = new ClozeCounter();
  const spansByToken = new Map<number, ClozeSpan[]>();
  const groups: string[] = [];
  const first = unit[0];
  // Same first-line rule as renderTokens: a unit that is one list item loses its marker.
  const firstContent = first?.kind === 'text' && first.list !== null ? first.content : undefined;
  for (const token of unit) {
    if (token.kind !== 'text') continue;
    // Spans are found on the very line the renderer's transform will receive.
    const empty = { count: 0 };
    const spans = findClozes(lineText(token, token === first ? firstContent : undefined), options, counter, empty);
    if (empty.count > 0) warn(token.line, `empty cloze deletion: nothing to hide, so no card for it`);
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

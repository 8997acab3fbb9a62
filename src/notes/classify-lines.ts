/**
 * The lexer: body lines in, tokens out. A token is one line, except fenced code, `$$` math and
 * comments, which become one token each, so nothing downstream can mistake their insides for card
 * syntax or a blank line inside them for the end of a card. Every token knows its file lines and
 * the heading path above it, which is all the position information later stages need.
 */
import type { Problem } from '../core/index.js';
import { indentWidth, leadingWhitespace } from './inline-markdown.js';
import { stripDeckTags } from './tags.js';

interface TokenBase {
  /** Position in the token array; used as the token's identity. */
  index: number;
  line: number;
  endLine: number;
  /** Heading path in effect, outermost first; a heading's own path includes itself. */
  breadcrumb: readonly string[];
}

export interface BlankToken extends TokenBase {
  kind: 'blank';
}
/** A thematic break (`---`, `***`): ends paragraphs and cards like a blank line. */
export interface RuleToken extends TokenBase {
  kind: 'rule';
}
export interface HeadingToken extends TokenBase {
  kind: 'heading';
  level: number;
  /** As shown in breadcrumbs: deck tags removed. */
  title: string;
  raw: string;
}
/** HTML or `%%` comments, and lines holding only tags: invisible, but do not end a paragraph. */
export interface QuietToken extends TokenBase {
  kind: 'comment' | 'tags';
  raw: string;
}
/** A line holding only `?` or `??`: the Spaced Repetition plugin's multi-line card separator. */
export interface SeparatorToken extends TokenBase {
  kind: 'separator';
  reversed: boolean;
}
/** A fenced code block or a `$$` math block, opening and closing lines included. */
export interface BlockToken extends TokenBase {
  kind: 'fence' | 'math';
  lines: string[];
  /** Fence characters (``` or ~~~~) and the info string; empty for math. */
  fence: string;
  info: string;
  indent: string;
  closed: boolean;
}
export interface ListMarker {
  ordered: boolean;
  number: number;
}
export interface TextToken extends TokenBase {
  kind: 'text';
  raw: string;
  /** Columns of leading whitespace. */
  indent: number;
  list: ListMarker | null;
  /** The line without its indentation and list marker. */
  content: string;
}

export type Token =
  | BlankToken
  | RuleToken
  | HeadingToken
  | QuietToken
  | SeparatorToken
  | BlockToken
  | TextToken;

/** `Omit` that keeps a union a union, so each token literal is checked against its own kind. */
type TokenFields = Token extends infer T ? (T extends Token ? Omit<T, 'index' | 'breadcrumb'> : never) : never;

export interface Lexed {
  tokens: Token[];
  problems: Problem[];
}

const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const RULE = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;
const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^([ \t]*)([-*+]|(\d{1,9})[.)])(?:[ \t]+(.*)|[ \t]*$)/;
const TAG_WORD = /^#[\p{L}\p{N}_/-]+$/u;
const HAS_LETTER = /\p{L}/u;
const BLOCK_ID = /^[A-Za-z0-9-]+$/;
const CLOSING_HASHES = /(?<![ \t])[ \t]+#+[ \t]*$/;

/**
 * A line of `#tags` only. Checked word by word: a single pattern for "one or more tags" backtracks
 * exponentially over where each tag's letter sits once something else follows the tags.
 */
function isTagsOnly(trimmed: string): boolean {
  // Every word is a tag, so the first character is `#` (most lines are prose: no split needed).
  if (!trimmed.startsWith('#')) return false;
  const words = trimmed.split(/[ \t]+/);
  return words.every((word) => TAG_WORD.test(word) && HAS_LETTER.test(word));
}

/**
 * Obsidian's block reference id (`text ^abc-123` at the end of a line) names the line for links;
 * it is not part of what the line says, so it is cut before anything reads the line.
 */
export function stripBlockId(line: string): string {
  const end = line.trimEnd();
  const caret = end.lastIndexOf('^');
  if (caret === -1 || !BLOCK_ID.test(end.slice(caret + 1))) return line;
  const before = end.charAt(caret - 1);
  if (caret > 0 && before !== ' ' && before !== '\t') return line;
  return end.slice(0, caret).trimEnd();
}

function isFenceClose(line: string, fence: string): boolean {
  const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
  return m !== null && m[1] !== undefined && m[1][0] === fence[0] && m[1].length >= fence.length;
}

/** How a multi-line construct ends, given its opening line; null if the line opens nothing. */
function blockOpening(line: string): { kind: 'fence' | 'math' | 'comment'; ends: (l: string) => boolean; oneLine: boolean; fence: string; info: string; indent: string } | null {
  const trimmed = line.trim();
  const fence = FENCE_OPEN.exec(line);
  if (fence) {
    const chars = fence[2] ?? '```';
    const info = (fence[3] ?? '').trim();
    // A backtick fence's info string cannot contain backticks (CommonMark): ```x``` is inline code.
    if (!(chars[0] === '`' && info.includes('`'))) {
      return { kind: 'fence', ends: (l) => isFenceClose(l, chars), oneLine: false, fence: chars, info, indent: fence[1] ?? '' };
    }
  }
  if (trimmed.startsWith('$$')) {
    const oneLine = trimmed.length >= 4 && trimmed.endsWith('$$');
    return { kind: 'math', ends: (l) => l.trim().endsWith('$$'), oneLine, fence: '', info: '', indent: leadingWhitespace(line) };
  }
  if (trimmed.startsWith('<!--')) {
    const close = trimmed.indexOf('-->');
    // `<!-- x --> text` is text with a comment in it; the renderer drops the comment.
    if (close !== -1 && close + 3 < trimmed.length) return null;
    return { kind: 'comment', ends: (l) => l.includes('-->'), oneLine: close !== -1, fence: '', info: '', indent: '' };
  }
  if (trimmed.startsWith('%%')) {
    const oneLine = trimmed.length >= 4 && trimmed.endsWith('%%');
    return { kind: 'comment', ends: (l) => l.includes('%%'), oneLine, fence: '', info: '', indent: '' };
  }
  return null;
}

export function classifyLines(body: string, firstLine: number, file: string): Lexed {
  const lines = body.split('\n');
  const tokens: Token[] = [];
  const problems: Problem[] = [];
  const headings: { level: number; title: string }[] = [];
  let breadcrumb: readonly string[] = [];

  // The literal is completed in place: spreading each token into a new object was the lexer's main cost.
  const push = (token: TokenFields): void => {
    const full = token as Token;
    full.index = tokens.length;
    full.breadcrumb = breadcrumb;
    tokens.push(full);
  };

  for (let i = 0; i < lines.length; i++) {
    const written = lines[i] ?? '';
    const line = firstLine + i;

    const opening = blockOpening(written);
    if (opening) {
      let end = i;
      if (!opening.oneLine) {
        end = i + 1;
        while (end < lines.length && !opening.ends(lines[end] ?? '')) end++;
      }
      const closed = end < lines.length;
      if (!closed) {
        end = lines.length - 1;
        const what = opening.kind === 'fence' ? 'code fence' : opening.kind === 'math' ? "'$$' math block" : 'comment';
        problems.push({ file, line, message: `${what} opened here is never closed` });
      }
      const blockLines = lines.slice(i, end + 1);
      if (opening.kind === 'comment') {
        push({ kind: 'comment', line, endLine: firstLine + end, raw: blockLines.join('\n') });
      } else {
        push({ kind: opening.kind, line, endLine: firstLine + end, lines: blockLines, fence: opening.fence, info: opening.info, indent: opening.indent, closed });
      }
      i = end;
      continue;
    }

    const raw = stripBlockId(written);
    const trimmed = raw.trim();
    if (trimmed === '' && written.trim() !== '') {
      // A line holding only `^block-id` (Obsidian's id for the list or table above it).
      push({ kind: 'comment', line, endLine: line, raw: written });
      continue;
    }
    if (trimmed === '') {
      push({ kind: 'blank', line, endLine: line });
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      const level = (heading[1] ?? '#').length;
      const title = stripDeckTags((heading[2] ?? '').replace(CLOSING_HASHES, '').replace(/^[ \t]*#+[ \t]*$/, '')).trim();
      while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= level) headings.pop();
      if (title !== '') headings.push({ level, title });
      breadcrumb = headings.map((h) => h.title);
      push({ kind: 'heading', line, endLine: line, level, title, raw });
      continue;
    }
    if (RULE.test(raw)) {
      push({ kind: 'rule', line, endLine: line });
      continue;
    }
    if (trimmed === '?' || trimmed === '??') {
      push({ kind: 'separator', line, endLine: line, reversed: trimmed === '??' });
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      const number = item[3] === undefined ? 0 : Number(item[3]);
      push({
        kind: 'text', line, endLine: line, raw,
        indent: indentWidth(item[1] ?? ''),
        list: { ordered: item[3] !== undefined, number },
        content: (item[4] ?? '').trimEnd(),
      });
      continue;
    }
    if (isTagsOnly(trimmed)) {
      push({ kind: 'tags', line, endLine: line, raw });
      continue;
    }
    push({ kind: 'text', line, endLine: line, raw, indent: indentWidth(leadingWhitespace(raw)), list: null, content: trimmed });
  }
  return { tokens, problems };
}

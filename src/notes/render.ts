/**
 * Turning tokens back into card text. Card text keeps the Markdown as written; the only edits
 * are removing what is meant for the parser and not the reader (deck tags, comments, the
 * `example` marker) and shifting indentation so the text starts at column 0.
 */
import type { ExampleSpec } from '../core/index.js';
import type { TextToken, Token } from './classify-lines.js';
import { readFence } from './examples.js';
import { dedentLine, indentWidth, leadingWhitespace } from './inline-markdown.js';
import { stripTemplate } from './prose-template.js';
import { stripDeckTags } from './tags.js';

/** One side of a card: its text, and the runnable examples found in it. */
export interface Rendered {
  text: string;
  examples: ExampleSpec[];
}

export function plain(text: string): Rendered {
  return { text: stripNoise(text).trim(), examples: [] };
}

const INLINE_COMMENT = /<!--[\s\S]*?-->|%%[^%\n]*%%/g;

/**
 * Drops what Obsidian does not show (comments, e.g. the SR plugin's `<!--SR:...-->`), deck tags,
 * and inline site-generator tags (`{% include %}`, `{{< ref >}}`) that no reader sees as written.
 */
function stripNoise(line: string): string {
  const uncommented = stripTemplate(line.replace(INLINE_COMMENT, ''));
  const out = stripDeckTags(uncommented);
  return out === line ? line : out.replace(/[ \t]+$/, '');
}

export interface RenderOptions {
  /** Replaces the first text token's content (e.g. the text after `Q:`), keeping its indentation. */
  firstContent?: string;
  /** Rewrites each text line after noise removal (used for cloze deletions). */
  transform?: (token: TextToken, line: string) => string;
  /**
   * Drop each line's own indentation. For prose, where a continuation line's indentation means
   * nothing, but would turn into an indented code block once the line stands first in a card.
   */
  flatten?: boolean;
}

export function renderTokens(tokens: readonly Token[], options: RenderOptions = {}): Rendered {
  const lines: string[] = [];
  const examples: ExampleSpec[] = [];
  const firstText = tokens.find((t): t is TextToken => t.kind === 'text');
  // A lone list item (`- question` above a `?`) is a sentence, not a one-item list.
  const loneItem = firstText?.list && tokens.filter((t) => t.kind === 'text' && t.list !== null).length === 1;
  const firstContent = options.firstContent ?? (loneItem ? firstText?.content : undefined);
  for (const token of tokens) {
    if (token.kind === 'text') {
      let line = lineText(token, token === firstText ? firstContent : undefined);
      if (options.transform) line = options.transform(token, line);
      lines.push(options.flatten ? line.trimStart() : line);
    } else if (token.kind === 'fence' || token.kind === 'math') {
      const fence = readFence(token);
      const width = options.flatten ? indentWidth(token.indent) : 0;
      lines.push(...fence.lines.map((l) => dedentLine(l, width)));
      if (fence.example) examples.push(fence.example);
    }
    // Blank, comment and tag-only tokens carry nothing a reader should see.
  }
  return { text: dedent(lines).join('\n').trim(), examples };
}

/** A text line as card text shows it, optionally with its content replaced (indentation kept). */
export function lineText(token: TextToken, content?: string): string {
  return stripNoise(content === undefined ? token.raw : leadingWhitespace(token.raw) + content);
}

function dedent(lines: readonly string[]): string[] {
  let min = Infinity;
  for (const line of lines) if (line.trim() !== '') min = Math.min(min, indentWidth(leadingWhitespace(line)));
  if (!Number.isFinite(min) || min === 0) return [...lines];
  return lines.map((l) => dedentLine(l, min));
}

/** Joins sides made of several parts (a definition's text, its nested list, ...) with newlines. */
export function joinRendered(parts: readonly Rendered[]): Rendered {
  const kept = parts.filter((p) => p.text !== '');
  return { text: kept.map((p) => p.text).join('\n'), examples: parts.flatMap((p) => p.examples) };
}

/** Indents every non-empty line, for nesting rendered text under a list item. */
export function indentText(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

/** Prose as card text: lines keep their words but not their indentation (see `flatten`). */
export function renderProse(tokens: readonly Token[]): Rendered {
  return renderTokens(tokens, { flatten: true });
}

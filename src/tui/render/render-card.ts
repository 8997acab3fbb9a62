/**
 * Renders one side of a card for the review screen. Most card sides are plain sentences with
 * some math; those take a fast path (sanitise, wikilinks, math, word-wrap) that needs none of
 * the Markdown machinery. Sides with Markdown syntax go through marked-terminal, which is
 * loaded on demand: the review waits for it only when the very first card needs it, and
 * otherwise loads it right after the first frame.
 */
import { renderMath, renderWikilinks } from './inline-text.js';
import { sanitizeText } from './sanitize.js';
import { wrapAnsi } from './text-width.js';

type MarkdownModule = typeof import('./markdown.js');

let markdown: MarkdownModule | null = null;
let loading: Promise<void> | null = null;

export interface CardRenderOptions {
  width: number;
  color: boolean;
}

/** Starts loading the Markdown renderer (once); resolves when it is ready. */
export function loadMarkdown(): Promise<void> {
  loading ??= import('./markdown.js').then((module) => {
    markdown = module;
  });
  return loading;
}

export function markdownReady(): boolean {
  return markdown !== null;
}

const MATH_OR_WIKILINK = /\$\$[\s\S]*?\$\$|\$[^$\n]+\$|\[\[[^[\]\n]+\]\]/g;
// Anything Markdown would render differently from plain text: emphasis, code, escapes, HTML,
// entities, links and images, tables, highlights, and block syntax at the start of a line.
const MARKDOWN_SYNTAX = /[*_`~<>|\\&]|==|\[[^\]\n]*\]\(|^[ \t]*(?:#|[-+]\s|\d+[.)]\s|={3,}|-{3,})/m;

/** True when `text` needs the Markdown renderer to look right. */
export function needsMarkdown(text: string): boolean {
  return MARKDOWN_SYNTAX.test(sanitizeText(text).replace(MATH_OR_WIKILINK, ''));
}

/**
 * Terminal lines for a card side, at most `width` columns each. Until the Markdown renderer has
 * loaded, a side that needs it is shown as plain text (the review re-renders when it arrives).
 */
export function renderCardText(text: string, options: CardRenderOptions): string {
  if (markdown && needsMarkdown(text)) return markdown.renderMarkdown(text, options);
  return renderPlain(text, options.width);
}

/** What marked-terminal makes of plain paragraphs: lines joined, paragraphs apart, wrapped. */
function renderPlain(text: string, width: number): string {
  const safe = renderMath(renderWikilinks(sanitizeText(text))).replace(/\t/g, ' ');
  const paragraphs = safe
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean).join(' '))
    .filter(Boolean);
  return paragraphs
    .map((p) => wrapAnsi(p, Math.max(1, Math.floor(width))).map((line) => line.replace(/ +$/, '')).join('\n'))
    .join('\n\n');
}

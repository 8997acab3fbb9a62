/**
 * Renders one side of a card for the review screen. Most card sides are plain sentences with
 * some math; those take a fast path (sanitise, wikilinks, math, word-wrap) that needs none of
 * the Markdown machinery. Sides with Markdown syntax go through marked-terminal, which is
 * loaded on demand: the review waits for it only when the very first card needs it, and
 * otherwise loads it right after the first frame.
 */
import { WIKILINK_RE, renderMath, wikilinkLabel } from './inline-text.js';
import { sanitizeText } from '../../present/sanitize.js';
import { getStyles, type Styles } from './styles.js';
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

const MATH_OR_WIKILINK = /\$\$[\s\S]*?\$\$|\$[^$\n]+\$|\[\[[^[\]\n]+\]\]/g;
// Anything Markdown would render differently from plain text: emphasis, code, escapes, HTML,
// entities, links and images, tables, highlights, and block syntax at the start of a line.
const AUTOLINK = /\b(?:https?|ftp):\/\/|\bwww\.|[\w.+-]@[\w-]+\./i;
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
  const fast = renderFast(text, options);
  if (fast !== null) return fast;
  if (markdown) return markdown.renderMarkdown(text, options);
  return renderSimple(sanitizeText(text), options.width, getStyles(options.color));
}

/** True when only marked-terminal can render `text` right (the fast path does not cover it). */
export function needsMarkdownRenderer(text: string): boolean {
  return renderFast(text, { width: 80, color: false }) === null;
}

/** The fast path's output (the same as marked-terminal's), or null when the text needs marked. */
export function renderFast(text: string, options: CardRenderOptions): string | null {
  const styles = getStyles(options.color);
  const safe = sanitizeText(text);
  // GFM turns bare URLs and e-mail addresses into styled links; only marked does that.
  if (AUTOLINK.test(safe)) return null;
  if (!needsMarkdown(safe)) return renderSimple(safe, options.width, styles);
  const inline = simpleInline(safe, styles);
  return inline === null ? null : renderSimple(inline, options.width, styles, true);
}

const WIKILINKS = new RegExp(WIKILINK_RE.source, 'g');
// **strong**, *em* and `code` with plain contents: the emphasis most cards use.
const SIMPLE_SPAN = /(\*\*|\*|`)([^*`\n]+?)\1/g;
const OPENS_AFTER = /[\s("'[{]/;
const CLOSES_BEFORE = /[\s)"'.,;:!?\]}]/;
const SPAN_START = '\u0001';
const SPAN_END = '\u0002';

/**
 * Renders strong, em and code spans when they are the only Markdown in the text and
 * unambiguous (content without `*` or backticks, not touching a word on the outside, no
 * spaces just inside). Anything else returns null and goes to marked.
 */
function simpleInline(text: string, styles: Styles): string | null {
  let unsupported = false;
  const replaced = text.replace(SIMPLE_SPAN, (match, marker: string, inner: string, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + match.length];
    const flanking = marker === '`' || (!/^\s|\s$/.test(inner) && !inner.includes('$'));
    if ((before !== undefined && !OPENS_AFTER.test(before)) || (after !== undefined && !CLOSES_BEFORE.test(after)) || !flanking) {
      unsupported = true;
      return match;
    }
    // Code is shown as written; strong and em contents still get math and wikilinks.
    const style = marker === '`' ? styles.codespan : marker === '**' ? styles.strong : styles.em;
    return `${SPAN_START}${marker === '`' ? style(inner) : style(inline(inner, styles))}${SPAN_END}`;
  });
  if (unsupported || needsMarkdown(replaced.replace(/\u0001[^\u0002]*\u0002/g, ''))) return null;
  return replaced;
}

function inline(text: string, styles: Styles): string {
  return renderMath(text.replace(WIKILINKS, (_match, inner: string) => styles.wikilink(wikilinkLabel(inner))));
}

/** What marked-terminal makes of plain paragraphs: lines joined, paragraphs apart, wrapped. */
function renderSimple(text: string, width: number, styles: Styles, hasSpans = false): string {
  const rendered = hasSpans
    ? text.split(/(\u0001[^\u0002]*\u0002)/).map((part) => (part.startsWith(SPAN_START) ? part.slice(1, -1) : inline(part, styles))).join('')
    : inline(text, styles);
  const paragraphs = rendered
    .replace(/\t/g, ' ')
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean).join(' '))
    .filter(Boolean);
  return paragraphs
    .map((p) => wrapAnsi(p, Math.max(1, Math.floor(width))).map((line) => line.replace(/ +((?:\x1b\[[0-9;]*m)*)$/, '$1')).join('\n'))
    .join('\n\n');
}

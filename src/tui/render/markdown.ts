/**
 * Markdown → terminal text, built on marked + marked-terminal: marked-terminal supplies the
 * base renderer (strong/em/del and any token we do not handle); our renderers
 * (markdown-renderer.ts) replace the block ones for a width-constrained, untrusted-input TUI,
 * and extensions (markdown-extensions.ts) add `$math$`/`$$math$$` and `[[wikilinks]]`. This
 * module keeps one marked instance per width and colour, memoizes outputs, and finishes the
 * lines (sanitised, wrapped, single blank lines).
 */
import { Marked, type MarkedExtension } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { highlighterReady } from './highlighter.js';
import { sanitizeKeepingSgr, sanitizeText } from '../../present/sanitize.js';
import { createContext, type RenderContext } from './markdown-context.js';
import { markdownExtensions } from './markdown-extensions.js';
import { markdownRenderer } from './markdown-renderer.js';
import { stripSgr, visibleWidth, wrapAnsi } from './text-width.js';

export interface RenderMarkdownOptions {
  /** Maximum visible columns per output line. */
  width: number;
  /** false → no ANSI escape sequences at all (NO_COLOR). */
  color: boolean;
}

const MAX_CACHED = 16;
const DEFAULT_WIDTH = 80;

interface Instance {
  marked: Marked;
  ctx: RenderContext;
}

function createInstance(width: number, color: boolean): Instance {
  const ctx = createContext(width, color);
  const s = ctx.styles;
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use(
    markedTerminal({
      code: s.code,
      blockquote: s.quote,
      html: s.html,
      heading: s.heading,
      firstHeading: s.h1,
      hr: s.hr,
      listitem: (x: string) => x,
      table: (x: string) => x,
      paragraph: (x: string) => x,
      strong: s.strong,
      em: s.em,
      codespan: s.codespan,
      del: s.del,
      link: s.link,
      href: s.href,
      text: (x: string) => x,
      width,
      reflowText: false,
      showSectionPrefix: !color,
      unescape: true,
      emoji: false,
      tab: 2,
      tableOptions: { style: { head: [], border: [] } },
    }) as unknown as MarkedExtension,
  );
  marked.use({ renderer: markdownRenderer(ctx), extensions: markdownExtensions(ctx) });
  return { marked, ctx };
}

const instances = new Map<string, Instance>();
/** Memo of recent outputs (pure function of markdown, width and color). */
const outputs = new Map<string, string>();
const MAX_CACHED_OUTPUTS = 64;
const MAX_CACHED_SOURCE = 64 * 1024;

function getInstance(width: number, color: boolean): Instance {
  const key = `${width}:${color ? 1 : 0}`;
  let inst = instances.get(key);
  if (!inst) {
    inst = createInstance(width, color);
    if (instances.size >= MAX_CACHED) {
      const oldest = instances.keys().next().value;
      if (oldest !== undefined) instances.delete(oldest);
    }
    instances.set(key, inst);
  }
  return inst;
}

function finalize(raw: string, width: number, color: boolean): string {
  const safe = (color ? sanitizeKeepingSgr(raw) : sanitizeText(raw)).replace(/\t/g, ' ');
  const lines: string[] = [];
  let blank = 0;
  for (const rawLine of safe.split('\n')) {
    for (const wrapped of visibleWidth(rawLine) > width ? wrapAnsi(rawLine, width) : [rawLine]) {
      const line = wrapped.replace(/[ ]+((?:\x1b\[[0-9;]*m)*)$/, '$1');
      if (stripSgr(line).trim() === '') {
        blank++;
        continue;
      }
      if (lines.length > 0 && blank > 0) lines.push('');
      blank = 0;
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** Deeper block quotes than this are drawn at this depth: no screen shows more bars usefully. */
export const MAX_QUOTE_DEPTH = 8;
const DEEP_QUOTE = new RegExp(`^((?: {0,3}>[ \\t]?){${MAX_QUOTE_DEPTH}})(?: {0,3}>[ \\t]?)+`);
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * Cuts block-quote markers beyond MAX_QUOTE_DEPTH on each line outside fenced code. marked
 * re-reads a quote's contents at every level and the renderer re-wraps them, so a line of 300
 * `>` took a second to draw (1,000 would hang the review): a card from a stranger must not.
 */
export function capQuoteDepth(markdown: string): string {
  if (!markdown.includes('>')) return markdown;
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) fenced = !fenced;
      return fenced ? line : line.replace(DEEP_QUOTE, (_, kept: string) => (/[ \t]$/.test(kept) ? kept : `${kept} `));
    })
    .join('\n');
}

/**
 * Markdown → ANSI-styled terminal lines with marked-terminal, wrapped to
 * `width`; when `color` is false, no ANSI escapes at all (NO_COLOR). Runs
 * sanitizeText first and renders math on non-code text.
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions): string {
  const width = Number.isFinite(options.width) ? Math.max(1, Math.floor(options.width)) : DEFAULT_WIDTH;
  const color = options.color === true;
  const source = String(markdown ?? '');
  const key = `${width}:${color ? (highlighterReady() ? 2 : 1) : 0}:${source}`;
  const cached = outputs.get(key);
  if (cached !== undefined) {
    // Refresh LRU position: Ink re-renders call this with the same card repeatedly.
    outputs.delete(key);
    outputs.set(key, cached);
    return cached;
  }

  const input = capQuoteDepth(sanitizeText(source));
  const inst = getInstance(width, color);
  let raw: string;
  try {
    inst.ctx.reset();
    raw = inst.marked.parse(input, { async: false }) as string;
  } catch {
    raw = input; // never fail a review because of one odd card
  }
  const out = finalize(raw, width, color);
  if (source.length <= MAX_CACHED_SOURCE) {
    if (outputs.size >= MAX_CACHED_OUTPUTS) {
      const oldest = outputs.keys().next().value;
      if (oldest !== undefined) outputs.delete(oldest);
    }
    outputs.set(key, out);
  }
  return out;
}

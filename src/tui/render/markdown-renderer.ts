/**
 * marked's renderers, overridden where marked-terminal 7.3 does not fit a width-constrained,
 * untrusted-input TUI: wrapping to the available width (nested containers narrow it), hanging
 * indents for list items, inline Markdown inside tight list items, highlighting that follows
 * our `color` flag, links without OSC 8 escapes, and tables of our own (table-layout.ts).
 */
import type { RendererObject, Tokens } from 'marked';
import { cleanText } from './entities.js';
import { highlightIfReady } from './highlighter.js';
import { CODE_INDENT, HARD, block, expandTabs, trimBlankLines, type RenderContext } from './markdown-context.js';
import { sanitizeText } from '../../present/sanitize.js';
import { CODE_THEME, type Style, type Styles } from './styles.js';
import { drawTable } from './table-layout.js';
import { stripSgr, wrapAnsi } from './text-width.js';

function highlightCode(code: string, lang: string | undefined, styles: Styles): string {
  const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return highlightIfReady(code, language, CODE_THEME) ?? styles.code(code);
}

export function markdownRenderer(ctx: RenderContext): RendererObject {
  const s = ctx.styles;
  const color = ctx.color;
  return {
    space: () => '',
    def: () => '',

    paragraph(token) {
      return block(ctx.flow(this.parser.parseInline(token.tokens)));
    },

    text(token) {
      if ('tokens' in token && token.tokens) {
        // Block-level text (tight list items): inline Markdown, wrapped.
        return ctx.flow(this.parser.parseInline(token.tokens)).join('\n') + '\n';
      }
      return cleanText(token.text);
    },

    heading(token) {
      const text = this.parser.parseInline(token.tokens).replace(/\u0000/g, ' ');
      const prefix = color ? '' : '#'.repeat(token.depth) + ' ';
      const style: Style = token.depth === 1 ? s.h1 : s.heading;
      return block(ctx.flow(prefix + text).map(style));
    },

    code(token) {
      const src = expandTabs(sanitizeText(token.text.replace(/\n+$/, '')));
      const body = color ? highlightCode(src, token.lang, s) : src;
      const lines = wrapAnsi(body, ctx.avail() - CODE_INDENT.length, { mode: 'hard' });
      return block(lines.map((line) => CODE_INDENT + line));
    },

    codespan(token) {
      return s.codespan(cleanText(token.text, false));
    },

    blockquote(token) {
      const inner = ctx.withWidth(ctx.avail() - 2, () => this.parser.parse(token.tokens));
      const lines = trimBlankLines(inner.split('\n'));
      return block(lines.map((line) => s.quoteBar('│') + (stripSgr(line) === '' ? '' : ' ' + s.quote(line))));
    },

    list(token) {
      const first = token.ordered && typeof token.start === 'number' ? token.start : 1;
      const markers = token.items.map((_, k) => (token.ordered ? `${first + k}.` : '•'));
      const markerWidth = Math.max(1, ...markers.map((m) => m.length)) + 1;
      const pad = ' '.repeat(markerWidth);
      const items = token.items.map((item, k) => {
        const body = ctx.withWidth(ctx.avail() - markerWidth, () => this.parser.parse(item.tokens));
        const lines = trimBlankLines(body.split('\n'));
        const marker = s.bullet((markers[k] ?? '•').padStart(markerWidth - 1)) + ' ';
        if (lines.length === 0) return marker.trimEnd();
        return lines.map((line, j) => (j === 0 ? marker + line : line === '' ? '' : pad + line)).join('\n');
      });
      return items.join(token.loose ? '\n\n' : '\n') + '\n\n';
    },

    checkbox(token) {
      return token.checked ? '[x] ' : '[ ] ';
    },

    table(token) {
      const parseCell = (cell: Tokens.TableCell | undefined): string =>
        cell ? this.parser.parseInline(cell.tokens).replace(/[ ]*\u0000[ ]*/g, '\n') : '';
      const lines = drawTable({ head: token.header.map(parseCell), rows: token.rows.map((row) => row.map(parseCell)), align: token.align }, ctx.avail(), s);
      return lines.length ? block(lines) : '';
    },

    hr() {
      return block([s.hr('─'.repeat(ctx.avail()))]);
    },

    link(token) {
      const text = this.parser.parseInline(token.tokens);
      const href = cleanText(token.href ?? '', false);
      const label = stripSgr(text).trim();
      if (!href || token.autolink || label === href || `mailto:${label}` === href) return s.link(text || href);
      if (!label) return s.link(href);
      return `${s.link(text)} ${s.href(`(${href})`)}`;
    },

    image(token) {
      const alt = cleanText(token.text ?? '');
      return s.image(`[image: ${alt || cleanText(token.href ?? '', false)}]`);
    },

    br() {
      return HARD;
    },

    html(token) {
      const raw = token.text;
      if (/^\s*<!--[\s\S]*?-->\s*$/.test(raw)) return '';
      const isBlock = 'block' in token && token.block;
      if (!isBlock) return /^<br\s*\/?>$/i.test(raw.trim()) ? HARD : s.html(cleanText(raw, false));
      const text = expandTabs(cleanText(raw, false)).replace(/\s+$/, '');
      return block(wrapAnsi(text, ctx.avail()).map(s.html));
    },
  };
}

/**
 * Markdown → terminal text, built on marked + marked-terminal.
 *
 * marked-terminal supplies the base renderer (strong/em/del and any token we
 * do not handle). We override the renderers where marked-terminal 7.3 does not
 * fit a width-constrained, untrusted-input TUI:
 *  - paragraph/heading/text/list/blockquote/code/table: wrapping to the
 *    available width (nested containers narrow it), hanging indents for list
 *    items, and inline Markdown inside tight list items (marked-terminal
 *    prints `**bold**` there verbatim);
 *  - code: highlighting that follows our `color` flag instead of the global
 *    chalk level;
 *  - link: no OSC 8 hyperlink escapes (the href is shown in parentheses);
 *  - table: our own box drawing that shrinks columns to fit, without
 *    cli-table3's environment-dependent colours.
 * Plus two inline extensions: `$math$`/`$$math$$` and `[[wikilinks]]`.
 */
import { Marked, type MarkedExtension, type RendererObject, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { highlightIfReady, highlighterReady } from './highlighter.js';
import { latexToUnicode } from './latex.js';
import { findDollar, isEscaped, matchMath, MAX_DISPLAY_MATH, wikilinkLabel, WIKILINK_RE } from './inline-text.js';
import { sanitizeKeepingSgr, sanitizeText } from '../../present/sanitize.js';
import { CODE_THEME, getStyles, type Style, type Styles } from './styles.js';
import { stripSgr, visibleWidth, wrapAnsi } from './text-width.js';

export interface RenderMarkdownOptions {
  /** Maximum visible columns per output line. */
  width: number;
  /** false → no ANSI escape sequences at all (NO_COLOR). */
  color: boolean;
}

/** Internal hard-line-break marker. Input is sanitized first, so NUL never occurs in it. */
const HARD = '\u0000';
const CODE_INDENT = '  ';
const MAX_CACHED = 16;
const DEFAULT_WIDTH = 80;

interface RenderState {
  widths: number[];
}

interface Instance {
  marked: Marked;
  state: RenderState;
}

const NAMED_ENTITIES = new Map<string, string>(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    ensp: ' ',
    emsp: ' ',
    thinsp: ' ',
    shy: '',
    ndash: '–',
    mdash: '—',
    hellip: '…',
    laquo: '«',
    raquo: '»',
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    bull: '•',
    middot: '·',
    copy: '©',
    reg: '®',
    trade: '™',
    deg: '°',
    plusmn: '±',
    times: '×',
    divide: '÷',
    minus: '−',
    micro: 'µ',
    para: '¶',
    sect: '§',
    euro: '€',
    pound: '£',
    yen: '¥',
    cent: '¢',
    larr: '←',
    rarr: '→',
    uarr: '↑',
    darr: '↓',
    harr: '↔',
    lArr: '⇐',
    rArr: '⇒',
    hArr: '⇔',
    le: '≤',
    ge: '≥',
    ne: '≠',
    asymp: '≈',
    infin: '∞',
    sum: '∑',
    prod: '∏',
    radic: '√',
    check: '✓',
  }),
);

/**
 * marked resolves numeric character references in text (`&#27;` → ESC!) but
 * leaves named ones; resolve the common named ones and re-sanitize.
 */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES.get(name) ?? match;
      const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(cp);
    },
  );
}

/** Inline text from the lexer → safe display text. */
function cleanText(text: string, decode = true): string {
  return sanitizeText(decode ? decodeEntities(text) : text).replace(/\t/g, ' ');
}

function expandTabs(text: string, tabSize = 4): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) {
        if (ch === '\t') out += ' '.repeat(tabSize - (visibleWidth(out) % tabSize));
        else out += ch;
      }
      return out;
    })
    .join('\n');
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && stripSgr(lines[start]!).trim() === '') start++;
  while (end > start && stripSgr(lines[end - 1]!).trim() === '') end--;
  return lines.slice(start, end);
}

function block(lines: string[]): string {
  return lines.join('\n') + '\n\n';
}

function alignCell(text: string, width: number, align: 'left' | 'right' | 'center' | null): string {
  const pad = Math.max(0, width - visibleWidth(text));
  if (align === 'right') return ' '.repeat(pad) + text;
  if (align === 'center') {
    const left = Math.floor(pad / 2);
    return ' '.repeat(left) + text + ' '.repeat(pad - left);
  }
  return text + ' '.repeat(pad);
}

/** Column widths that fit `budget` columns: narrow columns keep their width, wide ones share the rest. */
function fitColumns(natural: number[], budget: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= budget) return natural;
  const n = natural.length;
  if (budget <= n) return natural.map(() => 1);
  const widths = natural.map(() => 1);
  const order = natural.map((_, i) => i).sort((a, b) => natural[a]! - natural[b]!);
  let remaining = budget;
  order.forEach((idx, k) => {
    const share = Math.floor(remaining / (n - k));
    const w = Math.max(1, Math.min(natural[idx]!, share));
    widths[idx] = w;
    remaining -= w;
  });
  return widths;
}

function highlightCode(code: string, lang: string | undefined, styles: Styles): string {
  const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return highlightIfReady(code, language, CODE_THEME) ?? styles.code(code);
}

// ---------------------------------------------------------------------------
// Display math blocks: a line starting with `$$`, closed by `$$` at the end of
// a line, not crossing a blank line. Written as linear scans (no regex
// backtracking over the rest of the document).

const MATH_BLOCK_OPEN = /^ {0,3}\$\$/;
const MATH_BLOCK_CLOSE = /\$\$[ \t]*(?:\n+|$)/y;
const BLANK_LINE = /\n[ \t]*\n/;

interface Closer {
  at: number;
  length: number;
}

/** First `$$` in [from, end) that ends its line, or null. */
function findMathCloser(src: string, from: number, end: number): Closer | null {
  for (let j = src.indexOf('$$', from); j >= 0 && j < end; j = src.indexOf('$$', j + 1)) {
    if (isEscaped(src, j)) continue;
    MATH_BLOCK_CLOSE.lastIndex = j;
    const m = MATH_BLOCK_CLOSE.exec(src);
    if (m) return { at: j, length: m[0].length };
  }
  return null;
}

function blankLineAfter(src: string, from: number, limit: number): number {
  const m = BLANK_LINE.exec(src.slice(from, limit));
  return m ? from + m.index : limit;
}

function matchMathBlock(src: string): { raw: string; text: string } | null {
  const open = MATH_BLOCK_OPEN.exec(src);
  if (!open) return null;
  const from = open[0].length;
  const end = blankLineAfter(src, from, Math.min(src.length, from + MAX_DISPLAY_MATH));
  const close = findMathCloser(src, from, end);
  if (!close) return null;
  const text = src.slice(from, close.at);
  if (text.trim() === '') return null;
  return { raw: src.slice(0, close.at + close.length), text };
}

/**
 * Where a math block could interrupt the current paragraph. Only positions
 * where {@link matchMathBlock} will match are reported, so paragraphs are not
 * cut at lines that merely start with `$$`.
 */
function mathBlockStart(src: string): number {
  const end = blankLineAfter(src, 0, src.length);
  const re = /(?:^|\n)( {0,3}\$\$)/g;
  let close: Closer | null = null;
  for (let m = re.exec(src); m && m.index < end; m = re.exec(src)) {
    const at = m.index + m[0].length - (m[1] ?? '').length;
    const from = at + (m[1] ?? '').length;
    if (!close || close.at < from) close = findMathCloser(src, from, end);
    // No closer after this opener means none after any later opener either.
    if (!close) return -1;
    if (src.slice(from, close.at).trim() !== '' && close.at - from <= MAX_DISPLAY_MATH) return at;
    re.lastIndex = at + 1;
  }
  return -1;
}

function createInstance(width: number, color: boolean): Instance {
  const state: RenderState = { widths: [width] };
  const s = getStyles(color);
  const avail = (): number => Math.max(1, state.widths[state.widths.length - 1] ?? width);
  const withWidth = <T>(w: number, fn: () => T): T => {
    state.widths.push(Math.max(1, w));
    try {
      return fn();
    } finally {
      state.widths.pop();
    }
  };
  /** Paragraph-style text: soft breaks → spaces, hard breaks kept, wrapped to the available width. */
  const flow = (text: string, w = avail()): string[] =>
    wrapAnsi(
      text
        .replace(/\t/g, ' ')
        .replace(/[ ]*\n[ ]*/g, ' ')
        .replace(/[ ]*\u0000[ ]*/g, '\n'),
      w,
    );

  const renderer: RendererObject = {
    space: () => '',
    def: () => '',

    paragraph(token) {
      return block(flow(this.parser.parseInline(token.tokens)));
    },

    text(token) {
      if ('tokens' in token && token.tokens) {
        // Block-level text (tight list items): inline Markdown, wrapped.
        return flow(this.parser.parseInline(token.tokens)).join('\n') + '\n';
      }
      return cleanText(token.text);
    },

    heading(token) {
      const text = this.parser.parseInline(token.tokens).replace(/\u0000/g, ' ');
      const prefix = color ? '' : '#'.repeat(token.depth) + ' ';
      const style: Style = token.depth === 1 ? s.h1 : s.heading;
      return block(flow(prefix + text).map(style));
    },

    code(token) {
      const src = expandTabs(sanitizeText(token.text.replace(/\n+$/, '')));
      const body = color ? highlightCode(src, token.lang, s) : src;
      const lines = wrapAnsi(body, avail() - CODE_INDENT.length, { mode: 'hard' });
      return block(lines.map((line) => CODE_INDENT + line));
    },

    codespan(token) {
      return s.codespan(cleanText(token.text, false));
    },

    blockquote(token) {
      const inner = withWidth(avail() - 2, () => this.parser.parse(token.tokens));
      const lines = trimBlankLines(inner.split('\n'));
      return block(lines.map((line) => s.quoteBar('│') + (stripSgr(line) === '' ? '' : ' ' + s.quote(line))));
    },

    list(token) {
      const first = token.ordered && typeof token.start === 'number' ? token.start : 1;
      const markers = token.items.map((_, k) => (token.ordered ? `${first + k}.` : '•'));
      const markerWidth = Math.max(1, ...markers.map((m) => m.length)) + 1;
      const pad = ' '.repeat(markerWidth);
      const items = token.items.map((item, k) => {
        const body = withWidth(avail() - markerWidth, () => this.parser.parse(item.tokens));
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
      const head = token.header.map(parseCell);
      const rows = token.rows.map((row) => row.map(parseCell));
      const n = Math.max(head.length, ...rows.map((r) => r.length));
      if (n === 0) return '';
      const cell = (row: string[], i: number): string => row[i] ?? '';
      const natural = Array.from({ length: n }, (_, i) =>
        Math.max(1, ...[head, ...rows].flatMap((r) => cell(r, i).split('\n').map(visibleWidth))),
      );
      const widths = fitColumns(natural, avail() - (3 * n + 1));
      const b = s.border;
      const rule = (l: string, m: string, r: string): string =>
        b(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
      const renderRow = (row: string[], style: Style): string[] => {
        const cells = widths.map((w, i) => wrapAnsi(cell(row, i), w).map(style));
        const height = Math.max(1, ...cells.map((c) => c.length));
        return Array.from(
          { length: height },
          (_, k) =>
            b('│') +
            cells.map((c, i) => ' ' + alignCell(c[k] ?? '', widths[i]!, token.align[i] ?? null) + ' ').join(b('│')) +
            b('│'),
        );
      };
      const bodyRows = rows.map((row) => renderRow(row, (x) => x));
      const separateRows = bodyRows.some((r) => r.length > 1);
      const lines = [rule('┌', '┬', '┐'), ...renderRow(head, s.tableHead)];
      if (bodyRows.length > 0) lines.push(rule('├', '┼', '┤'));
      bodyRows.forEach((r, k) => {
        if (separateRows && k > 0) lines.push(rule('├', '┼', '┤'));
        lines.push(...r);
      });
      lines.push(rule('└', '┴', '┘'));
      return block(lines);
    },

    hr() {
      return block([s.hr('─'.repeat(avail()))]);
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
      return block(wrapAnsi(text, avail()).map(s.html));
    },
  };

  const extensions: TokenizerAndRendererExtension[] = [
    {
      name: 'mathBlock',
      level: 'block',
      start: mathBlockStart,
      tokenizer(src) {
        const m = matchMathBlock(src);
        return m ? { type: 'mathBlock', raw: m.raw, text: m.text } : undefined;
      },
      renderer(token) {
        const w = avail() - CODE_INDENT.length;
        const lines = latexToUnicode(String(token['text'] ?? ''))
          .split('\n')
          .flatMap((line) => wrapAnsi(cleanText(line, false), w));
        return block(lines.map((line) => CODE_INDENT + s.math(line)));
      },
    },
    {
      name: 'mathInline',
      level: 'inline',
      start: (src) => findDollar(src),
      tokenizer(src) {
        if (src[0] !== '$') return undefined;
        const m = matchMath(src, 0);
        if (!m) return undefined;
        return { type: 'mathInline', raw: src.slice(0, m.end), text: m.content };
      },
      renderer(token) {
        return s.math(cleanText(latexToUnicode(String(token['text'] ?? '')), false));
      },
    },
    {
      name: 'wikilink',
      level: 'inline',
      start(src) {
        const i = src.indexOf('[[');
        return i > 0 && src[i - 1] === '!' ? i - 1 : i;
      },
      tokenizer(src) {
        const m = new RegExp('^' + WIKILINK_RE.source).exec(src);
        if (!m) return undefined;
        return { type: 'wikilink', raw: m[0], text: m[1] ?? '' };
      },
      renderer(token) {
        return s.wikilink(cleanText(wikilinkLabel(String(token['text'] ?? '')), false));
      },
    },
  ];

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
  marked.use({ renderer, extensions });
  return { marked, state };
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

  const input = sanitizeText(source);
  const inst = getInstance(width, color);
  let raw: string;
  try {
    inst.state.widths = [width];
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

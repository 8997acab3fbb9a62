/**
 * Plain-text (non-Markdown) transforms that must skip `code` spans:
 * `$...$` math and `[[wikilinks]]`. The Markdown renderer uses the same
 * matchers from inside the Markdown lexer instead (see markdown.ts).
 */
import { latexToUnicode } from './latex.js';

const MAX_INLINE_MATH = 2000;
export const MAX_DISPLAY_MATH = 20000;

export interface MathMatch {
  /** Index just past the closing delimiter. */
  end: number;
  content: string;
  display: boolean;
}

/** Whether `text[i]` is preceded by an odd number of backslashes. */
export function isEscaped(text: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

/**
 * Matches a math span starting at `text[i] === '$'` (caller checks that it is
 * not escaped). Inline `$...$` follows Pandoc's rules so prices do not turn
 * into math: the opening `$` must be followed by a non-space, the closing `$`
 * (the first unescaped `$` after the opener) must be preceded by a non-space
 * and not followed by a digit, and the span may not cross a blank line. `$$...$$` has no such restrictions.
 */
export function matchMath(text: string, i: number): MathMatch | null {
  if (text[i] !== '$') return null;
  if (text[i + 1] === '$') {
    const limit = Math.min(text.length, i + 2 + MAX_DISPLAY_MATH);
    for (let j = i + 2; j + 1 < limit; j++) {
      if (text[j] === '\\') {
        j++;
        continue;
      }
      if (text[j] === '$' && text[j + 1] === '$') {
        const content = text.slice(i + 2, j);
        return content.trim() === '' ? null : { end: j + 2, content, display: true };
      }
    }
    return null;
  }
  const first = text[i + 1];
  if (first === undefined || /\s/.test(first)) return null;
  const limit = Math.min(text.length, i + 1 + MAX_INLINE_MATH);
  for (let j = i + 1; j < limit; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '\n' && /^[ \t]*(\n|$)/.test(text.slice(j + 1, j + 200))) return null;
    if (c === '$') {
      // The first unescaped `$` must be a valid closer, otherwise this is no math span.
      if (/\s/.test(text[j - 1] ?? ' ') || /[0-9]/.test(text[j + 1] ?? '')) return null;
      return { end: j + 1, content: text.slice(i + 1, j), display: false };
    }
  }
  return null;
}

/** Index of the first unescaped `$` in `text`, or -1. */
export function findDollar(text: string): number {
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    if (!isEscaped(text, i)) return i;
  }
  return -1;
}

interface Segment {
  code: boolean;
  text: string;
}

/** Splits text into code spans (backtick runs, incl. ``` fences) and the rest. */
function splitCode(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c !== '`') {
      i++;
      continue;
    }
    let run = 1;
    while (text[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = text.indexOf(fence, i + run);
    while (close >= 0 && text[close + run] === '`') {
      // A longer run does not close this span; skip past it.
      let k = close;
      while (text[k] === '`') k++;
      close = text.indexOf(fence, k);
    }
    if (close < 0) {
      i += run;
      continue;
    }
    if (i > last) segments.push({ code: false, text: text.slice(last, i) });
    segments.push({ code: true, text: text.slice(i, close + run) });
    i = close + run;
    last = i;
  }
  if (last < text.length) segments.push({ code: false, text: text.slice(last) });
  return segments;
}

function mapOutsideCode(text: string, fn: (plain: string) => string): string {
  return splitCode(text)
    .map((s) => (s.code ? s.text : fn(s.text)))
    .join('');
}

function mathInPlain(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      if (text[i + 1] === '$') {
        out += text.slice(last, i) + '$';
        last = i + 2;
      }
      i += 2;
      continue;
    }
    if (c === '$') {
      const m = matchMath(text, i);
      if (m) {
        out += text.slice(last, i) + latexToUnicode(m.content);
        i = m.end;
        last = i;
        continue;
      }
      // Skip a whole `$$` so its second dollar is not retried as an opener.
      i += text[i + 1] === '$' ? 2 : 1;
      continue;
    }
    i++;
  }
  return out + text.slice(last);
}

/**
 * LaTeX math → readable Unicode: finds $...$ and $$...$$ (not \$ escapes,
 * which become a plain `$`, and not inside `code`), converts the inside, drops
 * the dollars.
 */
export function renderMath(text: string): string {
  if (!text.includes('$')) return text;
  return mapOutsideCode(text, mathInPlain);
}

export const WIKILINK_RE = /!?\[\[([^[\]\n]+?)\]\]/;
const WIKILINK_GLOBAL = new RegExp(WIKILINK_RE.source, 'g');

/**
 * Display text of a wikilink's inner part: the alias after `|`, otherwise the
 * target with `_` → space (a `#heading` part is shown after a `›`).
 */
export function wikilinkLabel(inner: string): string {
  const parts = inner.split(/\\?\|/);
  const alias = parts.slice(1).join('|').trim();
  if (alias) return alias;
  const [target = '', ...rest] = (parts[0] ?? '').split('#');
  const page = target.trim().replace(/_/g, ' ').replace(/\s+/g, ' ');
  const heading = rest.join('#').trim().replace(/^\^/, '');
  if (!heading) return page;
  return page ? `${page} › ${heading}` : heading;
}

/** Renders `[[some_paper_slug]]` / `[[target|alias]]` as their readable text (outside `code`). */
export function renderWikilinks(text: string): string {
  if (!text.includes('[[')) return text;
  return mapOutsideCode(text, (plain) => plain.replace(WIKILINK_GLOBAL, (_m, inner: string) => wikilinkLabel(inner)));
}

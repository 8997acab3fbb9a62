/**
 * Cloze deletions. Four spellings:
 *
 * - `==text==` (Obsidian highlight): every highlight is its own cloze, as in the SR plugin.
 * - `**text**`: the same, but only in notes marked for bold clozes (see note-settings.ts).
 * - `{{text}}`: the SR plugin's optional "curly brackets" clozes, only in notes marked for them;
 *   `{{2;;text}}` numbers one (the same number hides together) and `{{text;;hint}}` gives a hint.
 * - `{{c1::text}}` / `{{c1::text::hint}}` (Anki): deletions with the same number form one cloze.
 *
 * One card per cloze. Front: that cloze hidden as `[...]` (or `[hint]`), the others shown as plain
 * text. Back: the full text with the deleted part in bold, so the answer stands out.
 *
 * Every spelling is found by a scanner that reads the line once: a regular expression for "an
 * opener, then anything up to a closer" rescans the rest of the line from every unclosed opener,
 * which makes a long line take quadratic time.
 */
import { mask } from './inline-markdown.js';

export interface ClozeSpan {
  start: number;
  end: number;
  text: string;
  hint: string | null;
  /** Spans with the same group are hidden together: `c<n>` for numbered clozes, `h<n>` otherwise. */
  group: string;
}

export interface ClozeOptions {
  bold: boolean;
  /** `{{text}}` clozes (off unless the note asks for them). */
  curly?: boolean;
}

/** Numbers un-numbered clozes across the lines of one cloze text. */
export class ClozeCounter {
  private next = 1;
  take(): string {
    return `h${this.next++}`;
  }
}

interface Found {
  start: number;
  end: number;
  text: string;
  hint: string | null;
  number: number | null;
}

const ANKI_OPEN = /\{\{c(\d+)::/y;
const CURLY_NUMBER = /^(\d+);;/;

function isSpace(ch: string): boolean {
  return ch === '' || /\s/.test(ch);
}

/**
 * `==x==` or `**x**` (delimiter `=` or `*`): the opener is not preceded by the delimiter or a
 * backslash and is followed by a non-space; the closer follows a non-space, is not followed by
 * the delimiter, and is the first such closer after the opener. So `a == b == c` and `===` never
 * pair up. The closers are listed once, right to left, so each opener finds its closer directly.
 */
function pairedDelimiters(masked: string, line: string, delimiter: string): Found[] {
  const n = masked.length;
  const nextCloser = new Array<number>(n + 1).fill(-1);
  for (let p = n - 2; p >= 0; p--) {
    const closes = masked[p] === delimiter && masked[p + 1] === delimiter && masked[p + 2] !== delimiter
      && p > 0 && masked[p - 1] !== delimiter && !isSpace(masked.charAt(p - 1));
    nextCloser[p] = closes ? p : nextCloser[p + 1] ?? -1;
  }
  const found: Found[] = [];
  let i = 0;
  while (i + 2 < n) {
    const opens = masked[i] === delimiter && masked[i + 1] === delimiter
      && (i === 0 || (masked[i - 1] !== delimiter && masked[i - 1] !== '\\'))
      && masked[i + 2] !== delimiter && !isSpace(masked.charAt(i + 2));
    if (!opens) {
      i++;
      continue;
    }
    const close = i + 3 <= n ? nextCloser[i + 3] ?? -1 : -1;
    if (close === -1) break; // no closer after this opener, so none after any later one either
    found.push({ start: i, end: close + 2, text: line.slice(i + 2, close), hint: null, number: null });
    i = close + 2;
  }
  return found;
}

/** `{{c1::text}}` and `{{c1::text::hint}}`, closed by the first `}}`; the hint starts at the first `::`. */
function ankiClozes(masked: string, line: string): Found[] {
  const found: Found[] = [];
  let from = 0;
  for (;;) {
    const open = masked.indexOf('{{c', from);
    if (open === -1) break;
    ANKI_OPEN.lastIndex = open;
    const head = ANKI_OPEN.exec(masked);
    if (!head) {
      from = open + 1;
      continue;
    }
    const inner = open + head[0].length;
    const close = masked.indexOf('}}', inner);
    if (close === -1) break;
    const split = masked.indexOf('::', inner);
    const text = split !== -1 && split < close ? line.slice(inner, split) : line.slice(inner, close);
    const hint = split !== -1 && split < close ? line.slice(split + 2, close) : null;
    found.push({ start: open, end: close + 2, text, hint, number: Number(head[1]) });
    from = close + 2;
  }
  return found;
}

/** `{{text}}`, `{{2;;text}}`, `{{text;;hint}}`: the innermost `{{` before the first `}}`. Anki's `{{c1::` is left to ankiClozes. */
function curlyClozes(masked: string, line: string): Found[] {
  const found: Found[] = [];
  let from = 0;
  for (;;) {
    const close = masked.indexOf('}}', from);
    if (close === -1) break;
    let open = close - 2;
    while (open >= from && !(masked[open] === '{' && masked[open + 1] === '{')) open--;
    if (open < from) {
      from = close + 2;
      continue;
    }
    ANKI_OPEN.lastIndex = open;
    if (!ANKI_OPEN.test(masked)) {
      let body = line.slice(open + 2, close);
      let number: number | null = null;
      const numbered = CURLY_NUMBER.exec(body);
      if (numbered) {
        number = Number(numbered[1]);
        body = body.slice(numbered[0].length);
      }
      const split = body.indexOf(';;');
      found.push({ start: open, end: close + 2, text: split === -1 ? body : body.slice(0, split), hint: split === -1 ? null : body.slice(split + 2), number });
    }
    from = close + 2;
  }
  return found;
}

/**
 * The clozes of one line, in order. A deletion with nothing in it (`{{c1::}}`) is no cloze; it is
 * counted in `empty` so the caller can say so.
 */
export function findClozes(line: string, options: ClozeOptions, counter: ClozeCounter, empty?: { count: number }): ClozeSpan[] {
  const masked = mask(line);
  const found: Found[] = [...ankiClozes(masked, line), ...pairedDelimiters(masked, line, '=')];
  if (options.bold) found.push(...pairedDelimiters(masked, line, '*'));
  // Math is masked for curly clozes only: LaTeX is full of braces (`x^{{2}}`).
  if (options.curly) found.push(...curlyClozes(mask(line, { math: true }), line));
  found.sort((a, b) => a.start - b.start);
  const spans: ClozeSpan[] = [];
  let reach = 0;
  for (const f of found) {
    if (f.start < reach) continue;
    if (f.text.trim() === '') {
      if (empty) empty.count++;
      reach = f.end;
      continue;
    }
    spans.push({ start: f.start, end: f.end, text: f.text, hint: f.hint, group: f.number === null ? counter.take() : `c${f.number}` });
    reach = f.end;
  }
  return spans;
}

export function renderCloze(line: string, spans: readonly ClozeSpan[], active: string, side: 'front' | 'back'): string {
  let out = '';
  let pos = 0;
  for (const span of spans) {
    out += line.slice(pos, span.start);
    if (span.group !== active) out += span.text;
    else out += side === 'front' ? `[${span.hint ?? '...'}]` : `**${span.text}**`;
    pos = span.end;
  }
  return out + line.slice(pos);
}

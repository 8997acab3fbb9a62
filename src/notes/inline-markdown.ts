/**
 * Reading inline Markdown without a full parser. Syntax detectors run on a *masked* copy of a
 * line, where spans that must never be read as syntax (code spans, links, math, ...) are
 * blanked out character for character, so offsets found in the mask are valid in the original.
 */

/** Non-space, so masked spans still count as "text" for flanking rules like `==x==`. */
const MASK_CHAR = '\u0001';

// Each span's inside stops at the next opener (`[`, `]`, `{{c1`): a pattern whose inside runs to
// the end of the line rescans the rest of the line from every unclosed opener (quadratic time).
const CODE_SPAN = /(`+)(?:(?!\1)[^\n])+?\1/g;
const WIKILINK = /!?\[\[[^[\]\n]*\]\]/g;
const LINK_TARGET = /\]\([^)\]\n]*\)/g;
const AUTOLINK = /<[a-z][a-z0-9+.-]*:[^>\s]*>/gi;
const BARE_URL = /(?<![a-z0-9+.-])\b[a-z][a-z0-9+.-]*:\/\/[^\s<>]+/gi;
const DISPLAY_MATH = /\$\$[^$\n]+\$\$/g;
const INLINE_MATH = /\$(?=[^\s$])[^$\n]*?(?<=[^\s$])\$/g;
const QUOTED = /"[^"\n]*"|“[^”\n]*”/g;
const PARENS = /\([^()\n]*\)/g;
const ANKI_CLOZE = /\{\{c\d+::(?:(?!\{\{c\d)[^\n])*?\}\}/g;

export interface MaskOptions {
  math?: boolean;
  quotes?: boolean;
  parens?: boolean;
  clozes?: boolean;
}

function blankOut(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => MASK_CHAR.repeat(m.length));
}

/**
 * Code spans, links and URLs are always masked: no card syntax ever lives inside them. Each
 * pattern runs only when the text has the character it starts with (most lines have none).
 */
export function mask(text: string, options: MaskOptions = {}): string {
  let out = text.includes('`') ? blankOut(text, CODE_SPAN) : text;
  if (out.includes('[[')) out = blankOut(out, WIKILINK);
  if (out.includes('](')) out = blankOut(out, LINK_TARGET);
  if (out.includes('<')) out = blankOut(out, AUTOLINK);
  if (out.includes('://')) out = blankOut(out, BARE_URL);
  if (options.clozes && out.includes('{{c')) out = blankOut(out, ANKI_CLOZE);
  if (options.math && out.includes('$')) {
    out = blankOut(out, DISPLAY_MATH);
    out = blankOut(out, INLINE_MATH);
  }
  if (options.quotes && (out.includes('"') || out.includes('“'))) out = blankOut(out, QUOTED);
  if (options.parens && out.includes('(')) {
    // Twice, so one level of nesting `(a (b) c)` is covered too.
    out = blankOut(out, PARENS);
    out = blankOut(out, PARENS);
  }
  return out;
}

/** Words as a reader counts them: whitespace-separated chunks holding a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const chunk of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(chunk)) n++;
  return n;
}

export function nonSpaceLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** Collapses runs of whitespace so that formatting differences do not make cards distinct. */
export function normaliseSpace(text: string): string {
  // Most text has single plain spaces only: then there is nothing to collapse.
  return SPACE_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Whitespace other than a single plain space. */
const SPACE_TO_COLLAPSE = /[^\S ]| {2}/;

/** Column width of leading whitespace, tabs advancing to the next multiple of 4 (CommonMark). */
export function indentWidth(whitespace: string): number {
  let col = 0;
  for (const ch of whitespace) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Removes up to `columns` columns of leading whitespace, keeping deeper indentation relative. */
export function dedentLine(line: string, columns: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < columns) {
    const ch = line[i];
    if (ch === ' ') col += 1;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
    i++;
  }
  return line.slice(i);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

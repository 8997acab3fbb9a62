/**
 * The lines of a note that may hold citations, with their 1-based numbers in the original text.
 * Frontmatter, fenced code, `$$` and `\begin..\end` math, HTML comments and headings are skipped
 * because their text is not prose (a year in code or a heading is not a citation).
 */

export interface ContentLine {
  line: number;
  text: string;
}

/** Stands in for removed text; a chunk boundary, so no title can span it. Masks keep offsets. */
export const GAP = '\u0001';

const FENCE = /^\s*(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const BEGIN_ENV = /^\s*\\begin\{([^}]+)\}/;

export function contentLines(text: string): ContentLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: ContentLine[] = [];
  let i = frontmatterEnd(lines);
  let fence: { char: string; len: number } | null = null;
  let inMath = false;
  let env: string | null = null;
  let inComment = false;
  for (; i < lines.length; i++) {
    let raw = lines[i] ?? '';
    if (fence) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(raw);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len) fence = null;
      continue;
    }
    if (inMath) {
      if (count(raw, '$$') % 2 === 1) inMath = false;
      continue;
    }
    if (env !== null) {
      if (raw.includes(`\\end{${env}}`)) env = null;
      continue;
    }
    if (inComment) {
      const close = raw.indexOf('-->');
      if (close < 0) continue;
      raw = ' '.repeat(close + 3) + raw.slice(close + 3);
      inComment = false;
    }
    const open = FENCE.exec(raw);
    if (open?.[1]) {
      fence = { char: open[1][0] ?? '`', len: open[1].length };
      continue;
    }
    if (count(raw, '$$') % 2 === 1) {
      inMath = true;
      continue;
    }
    const begin = BEGIN_ENV.exec(raw);
    if (begin?.[1]) {
      if (!raw.includes(`\\end{${begin[1]}}`)) env = begin[1];
      continue;
    }
    const uncommented = stripComments(raw);
    raw = uncommented.text;
    inComment = uncommented.open;
    if (HEADING.test(raw)) continue;
    out.push({ line: i + 1, text: raw });
  }
  return out;
}

/** Index of the first body line: after a leading `---` ... `---` (or `...`) block, if closed. */
/** Index of the first line after a `---` frontmatter block (0 when there is none). */
export function frontmatterEnd(lines: string[]): number {
  if ((lines[0] ?? '').trimEnd() !== '---') return 0;
  for (let j = 1; j < lines.length; j++) {
    const l = (lines[j] ?? '').trimEnd();
    if (l === '---' || l === '...') return j + 1;
  }
  return 0;
}

function stripComments(line: string): { text: string; open: boolean } {
  let text = line;
  for (;;) {
    const start = text.indexOf('<!--');
    if (start < 0) return { text, open: false };
    const end = text.indexOf('-->', start + 4);
    if (end < 0) return { text: text.slice(0, start), open: true };
    text = text.slice(0, start) + ' '.repeat(end + 3 - start) + text.slice(end + 3);
  }
}

/** Non-overlapping occurrences, left to right (as `split` counts them), without building an array per line. */
function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

const LEAD = /^(\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?)/;

const spaces = (s: string): string => ' '.repeat(s.length);
const gaps = (s: string): string => GAP.repeat(s.length);

/**
 * First masking pass, offsets preserved: list/quote markers become spaces; inline code and
 * inline math become GAP (a wikilink or year inside them is not a citation).
 */
export function maskCode(line: string): string {
  return line
    .replace(LEAD, spaces)
    .replace(/`[^`]*`/g, gaps)
    .replace(/\$\$[^$]*\$\$|\$[^$]+\$/g, gaps);
}

/**
 * Second pass, after wikilinks are taken out: `[text](url)` keeps its text, bare URLs become GAP
 * (they contain years), emphasis markers become spaces so "*Title*" reads as "Title".
 */
export function maskProse(line: string): string {
  return line
    .replace(/\[([^[\]\n]*)\]\(([^)\s]*)\)/g, (m, label: string) => ` ${label}${' '.repeat(m.length - label.length - 1)}`)
    .replace(/\bhttps?:\/\/\S+/g, gaps)
    .replace(/\*+/g, spaces)
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, spaces);
}

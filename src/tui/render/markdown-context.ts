/**
 * What the Markdown renderers share while one document renders: the styles, and the width
 * available at the current nesting (block quotes and list items narrow it for their contents).
 */
import { getStyles, type Styles } from './styles.js';
import { stripSgr, visibleWidth, wrapAnsi } from './text-width.js';

/** Internal hard-line-break marker. Input is sanitized first, so NUL never occurs in it. */
export const HARD = '\u0000';
export const CODE_INDENT = '  ';

export interface RenderContext {
  color: boolean;
  styles: Styles;
  /** Visible columns available at the current nesting. */
  avail(): number;
  /** Runs `fn` with the available width narrowed to `width`. */
  withWidth<T>(width: number, fn: () => T): T;
  /** Paragraph-style text: soft breaks → spaces, hard breaks kept, wrapped to the available width. */
  flow(text: string, width?: number): string[];
  /** Starts a new document at the full width. */
  reset(): void;
}

export function createContext(width: number, color: boolean): RenderContext {
  let widths = [width];
  const avail = (): number => Math.max(1, widths[widths.length - 1] ?? width);
  return {
    color,
    styles: getStyles(color),
    avail,
    withWidth(w, fn) {
      widths.push(Math.max(1, w));
      try {
        return fn();
      } finally {
        widths.pop();
      }
    },
    flow: (text, w = avail()) =>
      wrapAnsi(
        text
          .replace(/\t/g, ' ')
          .replace(/[ ]*\n[ ]*/g, ' ')
          .replace(/[ ]*\u0000[ ]*/g, '\n'),
        w,
      ),
    reset() {
      widths = [width];
    },
  };
}

/** A rendered block: its lines, then the blank line that separates blocks. */
export function block(lines: string[]): string {
  return lines.join('\n') + '\n\n';
}

export function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && stripSgr(lines[start]!).trim() === '') start++;
  while (end > start && stripSgr(lines[end - 1]!).trim() === '') end--;
  return lines.slice(start, end);
}

export function expandTabs(text: string, tabSize = 4): string {
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

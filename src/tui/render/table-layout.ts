/**
 * Markdown tables drawn with box characters: columns shrink to fit the width (narrow columns
 * keep theirs, wide ones share the rest), cells wrap, and rows get rules between them when a
 * cell wraps.
 */
import type { Style, Styles } from './styles.js';
import { visibleWidth, wrapAnsi } from './text-width.js';

export type Align = 'left' | 'right' | 'center' | null;

export interface TableCells {
  head: string[];
  rows: string[][];
  align: Align[];
}

function alignCell(text: string, width: number, align: Align): string {
  const pad = Math.max(0, width - visibleWidth(text));
  if (align === 'right') return ' '.repeat(pad) + text;
  if (align === 'center') {
    const left = Math.floor(pad / 2);
    return ' '.repeat(left) + text + ' '.repeat(pad - left);
  }
  return text + ' '.repeat(pad);
}

/** Column widths that fit `budget` columns: narrow columns keep their width, wide ones share the rest. */
export function fitColumns(natural: number[], budget: number): number[] {
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

/** The table's lines, at most `width` columns wide; none for a table without columns. */
export function drawTable({ head, rows, align }: TableCells, width: number, s: Pick<Styles, 'border' | 'tableHead'>): string[] {
  const n = Math.max(head.length, ...rows.map((r) => r.length));
  if (n === 0) return [];
  const cell = (row: string[], i: number): string => row[i] ?? '';
  const natural = Array.from({ length: n }, (_, i) =>
    Math.max(1, ...[head, ...rows].flatMap((r) => cell(r, i).split('\n').map(visibleWidth))),
  );
  const widths = fitColumns(natural, width - (3 * n + 1));
  const b = s.border;
  const rule = (l: string, m: string, r: string): string => b(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const renderRow = (row: string[], style: Style): string[] => {
    const cells = widths.map((w, i) => wrapAnsi(cell(row, i), w).map(style));
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from(
      { length: height },
      (_, k) => b('│') + cells.map((c, i) => ' ' + alignCell(c[k] ?? '', widths[i]!, align[i] ?? null) + ' ').join(b('│')) + b('│'),
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
  return lines;
}

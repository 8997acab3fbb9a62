/** Display only: the browser for a state, a terminal size and the time columns are measured from. */
import { Box, Text } from 'ink';
import { KeyHelp } from '../help-overlay.js';
import { renderCardText, renderMath, sanitizeText } from '../render/index.js';
import { charWidth } from '../render/text-width.js';
import { selectedRow, visibleRows, type BrowseRow, type BrowseState } from './browse-reducer.js';

export const BROWSE_KEYS: Array<[string, string]> = [
  ['up down, j k', 'move the selection'],
  ['PgUp PgDn', 'move a page'],
  ['Home End, g G', 'first / last card'],
  ['/', 'edit the query (enter or esc: back to the list; ctrl+u clears it)'],
  ['s', 'suspend / unsuspend the card'],
  ['f then 0-4', 'flag: 0 none, 1 red, 2 orange, 3 green, 4 blue'],
  ['t', 'edit tags: +exam -old, enter applies (kept across re-imports)'],
  ['R', 'forget: back to new, history kept (engram undo takes it back)'],
  ['e', "edit the card's note in $EDITOR at its line, then re-import it"],
  ['enter', 'review the cards of this query (custom study)'],
  ['?', 'this help'],
  ['q, esc', 'quit'],
];

/** Fixed rows: query line, error line, column header, card header, key line. */
const FIXED_ROWS = 5;

/** How many list rows and preview rows fit a terminal of `height` rows. */
export function browseLayout(height: number): { listRows: number; previewRows: number } {
  const free = Math.max(4, height - FIXED_ROWS);
  const listRows = Math.max(2, Math.floor(free / 2));
  return { listRows, previewRows: Math.max(2, free - listRows) };
}

/** `text` cut to `width` terminal columns, ending in … when cut (wide characters count two). */
export function fitWidth(text: string, width: number): string {
  if (width <= 0) return '';
  let used = 0;
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const w = charWidth(chars[i]!);
    if (used + w > width) {
      // Make room for the ellipsis.
      while (used + 1 > width && out.length > 0) {
        const last = [...out].pop()!;
        out = [...out].slice(0, -1).join('');
        used -= charWidth(last);
      }
      return `${out}…`;
    }
    out += chars[i];
    used += w;
  }
  return out + ' '.repeat(width - used);
}

const pad = (text: string, width: number) => fitWidth(text, width);
const padLeft = (text: string, width: number) => (text.length >= width ? fitWidth(text, width) : text.padStart(width));

const DAY = 86_400_000;

/** The columns' widths for a terminal `width` wide: the front gets what is left. */
export function columnsFor(width: number): { deck: number; due: number; ivl: number; stab: number; front: number } {
  const deck = width >= 110 ? 20 : width >= 80 ? 14 : 10;
  const due = 6;
  const ivl = 5;
  const stab = 6;
  // mark (2) + deck + due + ivl + stab + front, one space between each.
  const front = Math.max(4, width - (2 + deck + due + ivl + stab) - 5);
  return { deck, due, ivl, stab, front };
}

function dueLabel(row: BrowseRow, now: number): string {
  if (row.state === 'new') return 'new';
  const days = Math.round((row.due - now) / DAY);
  return days === 0 ? 'today' : `${days}d`;
}

function daysLabel(days: number): string {
  if (days >= 365) return `${(days / 365).toFixed(1)}y`;
  return days < 10 && !Number.isInteger(days) ? `${days.toFixed(1)}d` : `${Math.round(days)}d`;
}

/** One list line (without colours): mark, deck, due, interval, stability, front. */
export function rowLine(row: BrowseRow, width: number, now: number, color: boolean): string {
  const c = columnsFor(width);
  const flag = row.flag > 0 ? (color ? '■' : String(row.flag)) : ' ';
  const mark = `${flag}${row.suspended ? 'S' : ' '}`;
  const fresh = row.state === 'new';
  const front = renderMath(sanitizeText(row.front).replace(/\s+/g, ' ').trim());
  return [
    mark,
    pad(sanitizeText(row.deck), c.deck),
    padLeft(dueLabel(row, now), c.due),
    padLeft(fresh ? '-' : daysLabel(row.intervalDays), c.ivl),
    padLeft(fresh ? '-' : daysLabel(row.stability), c.stab),
    pad(front, c.front),
  ].join(' ');
}

export function headerLine(width: number): string {
  const c = columnsFor(width);
  return ['  ', pad('deck', c.deck), padLeft('due', c.due), padLeft('ivl', c.ivl), padLeft('stab', c.stab), pad('front', c.front)].join(' ');
}

const FLAG_COLORS = ['', 'red', 'yellow', 'green', 'blue'] as const;

export interface BrowseScreenProps {
  state: BrowseState;
  width: number;
  height: number;
  color: boolean;
  now: number;
}

export function BrowseScreen({ state, width, height, color, now }: BrowseScreenProps) {
  if (state.help) return <KeyHelp title="Browser keys" keys={BROWSE_KEYS} keyWidth={15} color={color} />;
  const { listRows, previewRows } = browseLayout(height);
  const total = state.total;
  const count = total === null ? 'searching…' : `${total.toLocaleString('en-US')} card${total === 1 ? '' : 's'}`;
  const position = total ? `${state.selected + 1}/${total.toLocaleString('en-US')}` : count;
  const right = total ? `  ${position}` : `  ${count}`;
  const prompt = '/ ';
  const editing = state.focus === 'query';
  const lineRoom = Math.max(4, width - prompt.length - right.length - 1);
  // The end of a long query stays in view while typing.
  const shown = [...state.input].length > lineRoom ? `…${[...state.input].slice(-(lineRoom - 1)).join('')}` : state.input;
  const rows = visibleRows(state);
  const row = selectedRow(state);
  const errorLine = state.error
    ? fitWidth(`${' '.repeat(Math.min(width - 2, prompt.length + state.error.column - 1))}^ ${sanitizeText(state.error.message)}`, width).trimEnd()
    : null;

  const preview = row ? previewLines(row, width, previewRows, color) : [];
  const cardHeader = row
    ? fitWidth(`── #${row.id}${row.source ? `  ${sanitizeText(row.source.file)}:${row.source.line}` : ''} ${'─'.repeat(width)}`, width + 1).slice(0, width)
    : '─'.repeat(width);
  const keys = state.tagInput !== null
    ? `tags> ${sanitizeText(state.tagInput)}▏ (+tag adds, -tag removes; enter applies, esc cancels)`
    : state.notice
    ? `> ${sanitizeText(state.notice)}`
    : editing
      ? 'type a query · enter/esc back to the list · ctrl+u clear'
      : width >= 70
        ? '/ query  s suspend  f flag  t tags  R forget  e edit  enter review  ? help'
        : '/ query  s suspend  f flag  e edit  ⏎ review  ? help';

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box>
        <Text wrap="truncate-end">
          <Text bold color={color && editing ? 'cyan' : undefined}>{prompt}</Text>
          <Text>{shown}</Text>
          {editing ? <Text inverse> </Text> : null}
        </Text>
        <Box flexGrow={1} />
        <Text dimColor>{right}</Text>
      </Box>
      {errorLine !== null ? (
        <Text color={color ? 'red' : undefined} wrap="truncate-end">{errorLine}</Text>
      ) : (
        <Text dimColor wrap="truncate-end">{state.query.trim() === '' ? 'all cards' : fitWidth(`showing: ${sanitizeText(state.query)}`, width).trimEnd()}</Text>
      )}
      <Text bold wrap="truncate-end">{headerLine(width)}</Text>
      <Box flexDirection="column" height={listRows}>
        {total === 0 ? <Text dimColor>No cards match.</Text> : null}
        {rows.map((r, i) => {
          const index = state.top + i;
          const selected = index === state.selected;
          if (!r) return <Text key={index} dimColor>{'  …'}</Text>;
          const line = rowLine(r, width, now, color);
          const flagColor = color && r.flag > 0 ? FLAG_COLORS[r.flag] : undefined;
          return (
            <Text key={index} wrap="truncate-end" inverse={selected} dimColor={r.suspended && !selected}>
              <Text color={flagColor}>{line.slice(0, 1)}</Text>
              {line.slice(1)}
            </Text>
          );
        })}
      </Box>
      <Text dimColor wrap="truncate-end">{cardHeader}</Text>
      <Box flexDirection="column" height={previewRows}>
        {preview.map((line, i) => (
          <Text key={i} wrap="truncate-end">{line}</Text>
        ))}
      </Box>
      <Text dimColor={!state.notice} wrap="truncate-end">{fitWidth(keys, width).trimEnd()}</Text>
    </Box>
  );
}

/** The selected card, front then back, rendered as the review renders them, cut to `rows` lines. */
export function previewLines(row: BrowseRow, width: number, rows: number, color: boolean): string[] {
  const textWidth = Math.max(10, width - 2);
  const front = renderCardText(row.front, { width: textWidth, color }).split('\n');
  const back = renderCardText(row.back, { width: textWidth, color }).split('\n');
  const lines = [...front, color ? '\x1b[2m·\x1b[22m' : '·', ...back];
  if (lines.length <= rows) return lines;
  const kept = lines.slice(0, Math.max(0, rows - 1));
  const more = lines.length - kept.length;
  return [...kept, `… ${more} more line${more === 1 ? '' : 's'}`];
}

/** Display only: the triage screen for a state, the note context of the item on screen and a terminal size. */
import { Box, Text } from 'ink';
import type { NoteContext } from '../../collection/note-context.js';
import { KeyHelp } from '../help-overlay.js';
import { sanitizeText } from '../render/index.js';
import { currentItem, skippedCount, type TriageState } from './triage-reducer.js';

export interface TriageScreenProps {
  state: TriageState;
  context: NoteContext | null;
  width: number;
  height: number;
  color: boolean;
  /** Suggestions still waiting in the collection (shown when done). */
  waiting: number;
}

export const TRIAGE_KEYS: Array<[string, string]> = [
  ['a', 'accept: the card enters the queue'],
  ['r', 'reject: it stays out while its text is unchanged'],
  ['e', 'edit the note in $EDITOR at this line, then re-import it'],
  ['A', 'accept this and the rest of this note'],
  ['R', 'reject this and the rest of this note'],
  ['s, space', 'skip (it waits for the next triage)'],
  ['u', 'undo the last decision; again for the one before'],
  ['?', 'this help'],
  ['q, esc', 'quit (decisions are already saved)'],
];

export function TriageScreen({ state, context, width, height, color, waiting }: TriageScreenProps) {
  if (state.help) return <KeyHelp title="Triage keys" keys={TRIAGE_KEYS} keyWidth={10} color={color} />;
  const item = currentItem(state);
  const tally = `${state.accepted} accepted  ${state.rejected} rejected`;
  if (!item) {
    const skipped = skippedCount(state);
    return (
      <Box flexDirection="column" width={width}>
        <Text bold color={color ? 'green' : undefined}>{state.accepted + state.rejected === 0 && skipped === 0 ? 'No suggestions to triage.' : 'Triage done.'}</Text>
        <Text> </Text>
        <Text>{tally}{skipped > 0 ? `  ${skipped} skipped` : ''}</Text>
        <Text>{waiting} suggestion{waiting === 1 ? '' : 's'} still waiting{waiting > 0 ? ' (engram triage)' : ''}.</Text>
        {state.accepted > 0 ? <Text>Accepted cards are in the queue: engram review</Text> : null}
        <Text dimColor wrap="truncate-end">{state.notice ? `> ${state.notice}` : ' '}</Text>
        <Text dimColor>u undo last decision · q quit</Text>
      </Box>
    );
  }
  const position = `${state.index + 1} of ${state.items.length}`;
  const where = sanitizeText([item.deck, ...item.breadcrumb].join(' > '));
  const headerRight = `${position}  ${tally}`;
  const fit = (text: string, max = width) => (text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text);
  // Rows: header 2, source 1, context, blank, card, notice 1, keys 2. The card gets what is left.
  const contextRows = context?.lines.length ?? 0;
  const cardRows = Math.max(4, height - 8 - contextRows);
  const side = (label: string, text: string) =>
    wrapLines(sanitizeText(text), Math.max(10, width - 3)).map((l, i) => `${i === 0 ? label : '   '}${l}`);
  const cardLines = [...side('Q: ', item.front), ...side('A: ', item.back)];
  const shown = cardLines.length > cardRows ? [...cardLines.slice(0, cardRows - 1), `   … ${cardLines.length - cardRows + 1} more lines`] : cardLines;
  const numberWidth = String(context?.lines[context.lines.length - 1]?.number ?? 0).length;
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between">
        <Text dimColor wrap="truncate-end">{fit(`Suggestion: ${where}`, Math.max(10, width - headerRight.length - 2))}</Text>
        <Text>{headerRight}</Text>
      </Box>
      <Text dimColor wrap="truncate-end">{item.source ? sanitizeText(`${item.source.file}:${item.source.line}`) : 'added by hand'}</Text>
      {context?.problem ? <Text color={color ? 'yellow' : undefined} wrap="truncate-end">{sanitizeText(context.problem)}</Text> : null}
      {context?.lines.map((line) => (
        <Text key={line.number} wrap="truncate-end" dimColor={line.number !== context.line} bold={line.number === context.line}>
          {`${line.number === context.line ? '>' : ' '}${String(line.number).padStart(numberWidth)} | ${fit(sanitizeText(line.text), Math.max(10, width - numberWidth - 4))}`}
        </Text>
      ))}
      <Text> </Text>
      <Text>{shown.join('\n')}</Text>
      <Text dimColor wrap="truncate-end">{state.notice ? `> ${state.notice}` : ' '}</Text>
      <Text wrap="truncate-end">
        <Text bold>a</Text> accept  <Text bold>r</Text> reject  <Text bold>e</Text> edit  <Text bold>s</Text> skip
      </Text>
      <Text dimColor wrap="truncate-end">A/R accept/reject rest of note  u undo  ? help  q quit</Text>
    </Box>
  );
}

/** Lines broken at spaces to fit `width` (a word longer than the width is cut). */
export function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line.trimEnd();
    while (rest.length > width) {
      const space = rest.lastIndexOf(' ', width);
      const cut = space > 0 ? space : width;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    out.push(rest);
  }
  return out;
}

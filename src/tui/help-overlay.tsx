import { Box, Text } from 'ink';

const KEYS: Array<[string, string]> = [
  ['space, enter', 'show the answer'],
  ['1 2 3 4', 'again, hard, good, easy (each labelled with the interval it gives)'],
  ['u', 'undo the last action (answer, suspend, bury, flag); again for the one before'],
  ['s', 'suspend the card (engram unsuspend ID brings it back)'],
  ['b', 'bury the card until tomorrow'],
  ['f then 0-4', 'flag the card: 1 red, 2 orange, 3 green, 4 blue, 0 clears'],
  ['r', "run the card's example in the sandbox"],
  ['(predict card)', 'type the output (tab: new line), enter checks it, enter again accepts the suggested grade'],
  ['(typed answer)', 'type the answer, enter shows the word diff, enter again accepts the suggested grade'],
  ['o', 'edit the note in $EDITOR at this card, then re-import it'],
  ['i', "open the card's picture in the system viewer (again: the next one)"],
  ['up down, j k', 'scroll a long card; PgUp PgDn by page'],
  ['?', 'this help'],
  ['q, esc', 'quit (answers are already saved)'],
];

export function HelpOverlay({ color }: { color: boolean }) {
  return <KeyHelp title="Keys" keys={KEYS} keyWidth={16} color={color} />;
}

/** A screen's keys in a framed table: the review's help and the triage's share it. */
export function KeyHelp({ title, keys, keyWidth, color }: { title: string; keys: ReadonlyArray<readonly [string, string]>; keyWidth: number; color: boolean }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color ? 'cyan' : undefined} paddingX={1}>
      <Text bold>{title}</Text>
      {keys.map(([key, what]) => (
        <Box key={key}>
          <Box width={keyWidth} flexShrink={0}>
            <Text bold>{key}</Text>
          </Box>
          <Text>{what}</Text>
        </Box>
      ))}
      <Text dimColor>? or esc closes this help</Text>
    </Box>
  );
}

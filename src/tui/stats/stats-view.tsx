/** The Ink view of `engram stats`: the shared lines, coloured by tone. Draws once, then exits. */
import { Box, Text, useApp } from 'ink';
import { useEffect } from 'react';
import type { Line, Tone } from '../../present/stats/lines.js';

type InkTone = { color?: string; bold?: boolean; dimColor?: boolean };

const TONES: Record<Tone, InkTone> = {
  plain: {},
  title: { bold: true },
  dim: { dimColor: true },
  heat1: { color: '#0e7a35' },
  heat2: { color: '#26a641' },
  heat3: { color: '#39d353' },
  heat4: { color: '#6ff59a' },
  bar: { color: 'cyan' },
  good: { color: 'green' },
  warn: { color: 'yellow' },
};

export function StatsView({ lines, color, exitAfterDraw = false }: { lines: readonly Line[]; color: boolean; exitAfterDraw?: boolean }) {
  const { exit } = useApp();
  useEffect(() => {
    if (exitAfterDraw) exit();
  }, [exitAfterDraw, exit]);
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0 ? ' ' : line.map((s, j) => {
            const tone = TONES[s.tone];
            // Without colour, keep bold and dim (they are not colours) but drop every hue.
            return (
              <Text key={j} bold={tone.bold ?? false} dimColor={tone.dimColor ?? false} {...(color && tone.color ? { color: tone.color } : {})}>
                {s.text}
              </Text>
            );
          })}
        </Text>
      ))}
    </Box>
  );
}

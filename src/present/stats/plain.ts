/** The stats lines as plain text: what `engram stats` prints when stdout is not a terminal. */
import { sgr, type Style } from '../sgr.js';
import type { Line, Tone } from './lines.js';

const TONE_STYLES: Record<Tone, Style> = {
  plain: (t) => t,
  title: sgr(1, 22),
  dim: sgr(2, 22),
  heat1: sgr(32, 39),
  heat2: sgr(32, 39),
  heat3: sgr(92, 39),
  heat4: sgr(92, 39),
  bar: sgr(36, 39),
  good: sgr(32, 39),
  warn: sgr(33, 39),
};

export function plainText(lines: readonly Line[], color: boolean): string {
  return lines
    .map((line) => line.map((s) => (color ? TONE_STYLES[s.tone](s.text) : s.text)).join('').trimEnd())
    .join('\n') + '\n';
}

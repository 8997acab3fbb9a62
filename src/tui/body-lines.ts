/** The scrollable middle of the review screen, as terminal lines. */
import { renderCardText, sanitizeText } from './render/index.js';
import { wrapAnsi } from './render/text-width.js';
import type { SessionState } from './session-reducer.js';

export function bodyLines(state: SessionState, width: number, color: boolean): string[] {
  const card = state.current;
  if (!card) return [];
  const md = (text: string) => renderCardText(text, { width, color }).split('\n');
  const lines = md(card.front);
  if (state.phase === 'answer') {
    lines.push('', '─'.repeat(Math.min(width, 40)), '');
    lines.push(...md(card.back));
    if (state.example) {
      lines.push('');
      if (state.example.running) lines.push('▶ running example…');
      else {
        lines.push(state.example.ok ? '▶ example output' : '▶ example failed');
        const output = sanitizeText(state.example.text).replace(/\s+$/, '');
        for (const line of (output || '(no output)').split('\n')) lines.push(...wrapAnsi(`  ${line}`, width, { mode: 'hard' }));
      }
    }
  }
  return lines;
}

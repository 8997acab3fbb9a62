/** The scrollable middle of the review screen, as terminal lines. */
import { renderCardText, sanitizeText } from './render/index.js';
import { wrapAnsi } from './render/text-width.js';
import { sgr, identity } from '../present/sgr.js';
import type { PredictionState, SessionState, TypedWord } from './session-reducer.js';
import { sideWithPictures, type CardPictures } from './card-pictures.js';

/**
 * `pictures`: the card's pictures and how to show them; their reserved rows are recorded in
 * `pictures.placements` (see card-pictures.ts). Without it, pictures are Markdown like the rest.
 */
export function bodyLines(state: SessionState, width: number, color: boolean, pictures?: CardPictures): string[] {
  const card = state.current;
  if (!card) return [];
  const plain = (text: string) => renderCardText(text, { width, color }).split('\n');
  const lines: string[] = [];
  const side = (text: string, which: 'front' | 'back') => (pictures ? sideWithPictures(text, which, pictures, lines.length, width, plain) : plain(text));
  const md = plain;
  lines.push(...side(card.front, 'front'));
  const prediction = state.prediction;
  if (prediction && prediction.cardId === card.id) {
    lines.push(...(card.typeIn ? typedAnswerLines(prediction, width, color) : predictionLines(prediction, md, width)));
    if (state.phase !== 'answer') return lines;
  }
  if (state.phase === 'answer') {
    lines.push('', '─'.repeat(Math.min(width, 40)), '');
    lines.push(...side(card.back, 'back'));
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

/** The example's code, then (once checked) the prediction, the verdict and the diff. */
function predictionLines(p: PredictionState, md: (text: string) => string[], width: number): string[] {
  const lines: string[] = [''];
  if (p.code === null) lines.push('(loading the example…)');
  else lines.push(...md(`\`\`\`ts\n${p.code.replace(/\s+$/, '')}\n\`\`\``));
  if (p.status === 'checking') lines.push('', '▶ running the example…');
  const r = p.result;
  if (p.status === 'checked' && r) {
    lines.push('');
    lines.push(r.correct ? `✓ right: suggested grade ${r.suggested} (enter accepts, 1-4 to choose)` : `✗ not quite: suggested grade ${r.suggested} (enter accepts, 1-4 to choose)`);
    if (!r.ok) {
      lines.push('▶ example failed');
      for (const line of sanitizeText(r.output).replace(/\s+$/, '').split('\n')) lines.push(...wrapAnsi(`  ${line}`, width, { mode: 'hard' }));
    } else {
      for (const line of r.diff) lines.push(...wrapAnsi(sanitizeText(line), width, { mode: 'hard' }));
    }
  }
  return lines;
}

const WORD_STYLES = {
  right: sgr(32, 39),
  wrong: (text: string) => sgr(31, 39)(sgr(9, 29)(text)),
  missing: (text: string) => sgr(33, 39)(sgr(4, 24)(text)),
} as const;

/**
 * A typed answer once checked: the verdict, then the diff word by word, as Anki's type-in shows
 * it: right words green, wrong words typed red and struck through, expected words not typed
 * yellow and underlined. Without colour, `[-wrong-]` and `{+missing+}` (git's word diff).
 */
export function typedWordsLine(words: readonly TypedWord[], color: boolean): string {
  return words.map((w) => {
    const text = sanitizeText(w.text);
    if (w.mark === 'right') return (color ? WORD_STYLES.right : identity)(text);
    if (color) return WORD_STYLES[w.mark](text);
    return w.mark === 'wrong' ? `[-${text}-]` : `{+${text}+}`;
  }).join(' ');
}

function typedAnswerLines(p: PredictionState, width: number, color: boolean): string[] {
  const r = p.result;
  if (p.status !== 'checked' || !r) return [];
  const lines: string[] = ['', r.correct
    ? `✓ right: suggested grade ${r.suggested} (enter accepts, 1-4 to choose)`
    : `✗ not quite: suggested grade ${r.suggested} (enter accepts, 1-4 to choose)`];
  const words = r.words ?? [];
  lines.push(...wrapAnsi(words.length ? typedWordsLine(words, color) : '(nothing typed)', width, { mode: 'hard' }));
  return lines;
}

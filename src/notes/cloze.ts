/**
 * Cloze deletions. Three spellings:
 *
 * - `==text==` (Obsidian highlight): every highlight is its own cloze, as in the SR plugin.
 * - `**text**`: the same, but only in notes marked for bold clozes (see note-settings.ts).
 * - `{{c1::text}}` / `{{c1::text::hint}}` (Anki): deletions with the same number form one cloze.
 *
 * One card per cloze. Front: that cloze hidden as `[...]` (or `[hint]`), the others shown as plain
 * text. Back: the full text with the deleted part in bold, so the answer stands out.
 */
import { mask } from './inline-markdown.js';

export interface ClozeSpan {
  start: number;
  end: number;
  text: string;
  hint: string | null;
  /** Spans with the same group are hidden together: `c<n>` for Anki numbers, `h<n>` otherwise. */
  group: string;
}

export interface ClozeOptions {
  bold: boolean;
}

const ANKI = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g;
// The inside must not start or end with a space, so `a == b == c` is not a highlight, and `===`
// (as in `a === b`) never opens or closes one.
const HIGHLIGHT = /(?<![=\\])==(?=[^\s=])(.+?)(?<=[^\s=])==(?!=)/g;
const BOLD = /(?<![*\\])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?!\*)/g;

/** Numbers un-numbered clozes across the lines of one cloze text. */
export class ClozeCounter {
  private next = 1;
  take(): string {
    return `h${this.next++}`;
  }
}

export function findClozes(line: string, options: ClozeOptions, counter: ClozeCounter): ClozeSpan[] {
  const masked = mask(line);
  const found: (Omit<ClozeSpan, 'group'> & { anki: string | null })[] = [];
  for (const m of masked.matchAll(ANKI)) {
    const start = m.index ?? 0;
    const inner = line.slice(start, start + m[0].length);
    const parts = /^\{\{c\d+::(.*?)(?:::(.*?))?\}\}$/.exec(inner);
    found.push({ start, end: start + m[0].length, text: parts?.[1] ?? '', hint: parts?.[2] ?? null, anki: `c${Number(m[1])}` });
  }
  const simple = options.bold ? [HIGHLIGHT, BOLD] : [HIGHLIGHT];
  for (const pattern of simple) {
    for (const m of masked.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      found.push({ start, end, text: line.slice(start + 2, end - 2), hint: null, anki: null });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const spans: ClozeSpan[] = [];
  let reach = 0;
  for (const f of found) {
    if (f.start < reach || f.text.trim() === '') continue;
    spans.push({ start: f.start, end: f.end, text: f.text, hint: f.hint, group: f.anki ?? counter.take() });
    reach = f.end;
  }
  return spans;
}

export function renderCloze(line: string, spans: readonly ClozeSpan[], active: string, side: 'front' | 'back'): string {
  let out = '';
  let pos = 0;
  for (const span of spans) {
    out += line.slice(pos, span.start);
    if (span.group !== active) out += span.text;
    else out += side === 'front' ? `[${span.hint ?? '...'}]` : `**${span.text}**`;
    pos = span.end;
  }
  return out + line.slice(pos);
}

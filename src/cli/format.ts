/** How cards and results look on stdout, human and JSON. */
import { flagColor, now, type Card } from '../core/index.js';
import { sanitizeText } from '../present/sanitize.js';

export function cardJson(card: Card) {
  return {
    id: card.id,
    deck: card.deck,
    front: card.front,
    back: card.back,
    kind: card.kind,
    source: card.source,
    breadcrumb: card.breadcrumb,
    tags: card.tags,
    state: card.memory.state,
    due: new Date(card.memory.due).toISOString(),
    stability: card.memory.stability,
    difficulty: card.memory.difficulty,
    reps: card.memory.reps,
    lapses: card.memory.lapses,
    suspended: card.suspended,
    buried: card.buriedUntil > now(),
    retired: card.retired,
    /** A prose card waiting for `engram triage`: not in the queue until accepted. */
    suggestion: card.status === 'suggested',
    /** 0 none; 1 red, 2 orange, 3 green, 4 blue. */
    flag: card.flag,
  };
}

/** One line of a card for humans, control characters made visible so card text cannot drive the terminal. */
export function cardLine(card: Card): string {
  const flags = [card.status === 'suggested' ? 'suggestion' : '', card.suspended ? 'suspended' : '', card.retired ? 'retired' : '', flagColor(card.flag) ?? '']
    .filter(Boolean).join(',');
  return `${String(card.id).padStart(5)}  ${safeText(card.deck)}  ${card.memory.state.padEnd(10)} ${shortDate(card.memory.due)}  ${oneLine(card.front, 60)}${flags ? `  [${flags}]` : ''}`;
}

export function oneLine(text: string, max: number): string {
  const flat = safeText(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Card text is untrusted: the plain CLI prints it through the same sanitiser as the review screen. */
export const safeText = sanitizeText;

/**
 * An error message as the one stderr line users see: messages may echo untrusted input (deck
 * names from a backup or an Anki package, typed flags), so control sequences are stripped and
 * embedded line breaks folded.
 */
export function errorLine(message: string): string {
  return safeText(message).replace(/\s*\n\s*/g, ' ').trim();
}

export function shortDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function printJson(value: unknown): void {
  // Indented for a person at a terminal; compact for a program reading a pipe or file (a third
  // smaller: `engram due --json` at a million cards prints 1.8 MB instead of 2.6 MB).
  const indent = process.stdout.isTTY === true ? 2 : undefined;
  // JSON.stringify escapes C0 controls but not DEL and the C1 range (8-bit CSI/OSC), which a
  // terminal may act on when someone reads --json output there; \uXXXX keeps the JSON identical.
  // Almost no output has one: a byte search over the UTF-8 tells (DEL is 7F, U+0080–U+009F are
  // C2 80–C2 9F), several times faster than a regular expression over `engram due`'s 1.7 MB.
  const text = JSON.stringify(value, null, indent);
  const bytes = Buffer.from(`${text}\n`);
  if (!hasRawControl(bytes)) {
    process.stdout.write(bytes);
    return;
  }
  process.stdout.write(`${text.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
}

/** Whether UTF-8 text holds DEL or a C1 control (U+0080–U+009F). */
export function hasRawControl(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) !== -1) return true;
  for (let i = bytes.indexOf(0xc2); i !== -1; i = bytes.indexOf(0xc2, i + 1)) {
    const next = bytes[i + 1]!;
    if (next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

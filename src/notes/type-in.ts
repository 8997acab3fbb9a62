/**
 * Typed answers. `type: true` in a note's frontmatter asks every explicit card of the note for a
 * typed answer; a line `type: true` (or `type: false`) directly under a card's answer, as an
 * `example:` line sits, turns it on (or off) for that card alone. The line is taken out of the
 * text before cards are built, so it never shows in an answer. Other frontmatter `type:` values
 * (Obsidian vaults use `type: book`, `type: person`) mean nothing here and are left alone.
 */
import type { ParsedCard, Problem } from '../core/index.js';
import type { Token } from './classify-lines.js';

const TYPE_LINE = /^ {0,3}type:[ \t]*(true|false)[ \t]*$/i;

export interface TypeMarker {
  line: number;
  on: boolean;
}

/** Turns `type: true|false` text lines into blank tokens and returns them. */
export function takeTypeMarkers(tokens: readonly Token[]): { tokens: Token[]; markers: TypeMarker[] } {
  const markers: TypeMarker[] = [];
  const out = tokens.map((token): Token => {
    if (token.kind !== 'text') return token;
    const m = TYPE_LINE.exec(token.raw);
    if (!m) return token;
    markers.push({ line: token.line, on: m[1]!.toLowerCase() === 'true' });
    return { kind: 'blank', index: token.index, line: token.line, endLine: token.endLine, breadcrumb: token.breadcrumb };
  });
  return { tokens: out, markers };
}

/** The frontmatter's `type: true` (only the boolean counts). */
export function noteTypesAnswers(data: Record<string, unknown>): boolean {
  return data['type'] === true;
}

/**
 * Sets `typeIn` on the explicit cards of a `type: true` note, then applies each marker to the
 * card(s) ending on the line above it (an `example:` line may sit between). A marker under no
 * card is a warning.
 */
export function attachTypeMarkers(cards: ParsedCard[], markers: readonly TypeMarker[], noteDefault: boolean, file: string, problems: Problem[]): void {
  if (noteDefault) for (const card of cards) if (card.origin === 'explicit' && card.kind !== 'output') card.typeIn = true;
  for (const marker of markers) {
    const owners = cards.filter((c) => c.endLine === marker.line - 1 || (c.exampleFile !== undefined && c.exampleFile.line === marker.line - 1));
    if (owners.length === 0) {
      problems.push({ file, line: marker.line, message: "'type:' line is not directly under a card: put it on the line after the card's answer, with no blank line between" });
      continue;
    }
    for (const card of owners) {
      if (card.kind === 'output') problems.push({ file, line: marker.line, message: "a predict card is already typed (its output); the 'type:' line is ignored" });
      else if (marker.on) card.typeIn = true;
      else delete card.typeIn;
    }
  }
}

/**
 * The intermediate form between recognising cards and emitting them. An item is one thing the
 * note says (a `front::back` line, a question and its answer, a clozed paragraph); its cards are
 * siblings and share an itemKey.
 */
import type { CardKind } from '../core/index.js';
import type { Token } from './classify-lines.js';
import type { Rendered } from './render.js';

export interface DraftCard {
  kind: CardKind;
  front: Rendered;
  back: Rendered;
  /** Set by the prose rule that made the card (0..1); explicit cards are always 1. */
  confidence?: number;
}

export interface Item {
  /** Source tokens of the item, for its line span and any deck tag written on it. */
  tokens: readonly Token[];
  breadcrumb: readonly string[];
  cards: DraftCard[];
}

export function makeItem(tokens: readonly Token[], breadcrumb: readonly string[], cards: DraftCard[]): Item {
  return { tokens, breadcrumb, cards };
}

export function itemSpan(item: Item): { line: number; endLine: number } {
  let line = Infinity;
  let endLine = -Infinity;
  for (const token of item.tokens) {
    line = Math.min(line, token.line);
    endLine = Math.max(endLine, token.endLine);
  }
  return Number.isFinite(line) ? { line, endLine } : { line: 1, endLine: 1 };
}

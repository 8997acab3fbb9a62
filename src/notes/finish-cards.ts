/**
 * The last step: items become ParsedCards. Here, and only here, cards are trimmed, dropped when
 * empty, trivial or repeated, given their itemKey, tags and deck path, and their example.
 *
 * itemKey is `<kind>:<front>` of the item's first card, whitespace-normalised and lower-cased.
 * It is derived from content, not position, so it survives edits elsewhere in the note; a second
 * item with the same key within the note gets `#2`, `#3`, ... in source order.
 */
import type { ParsedCard, Problem } from '../core/index.js';
import type { Item } from './items.js';
import { itemSpan } from './items.js';
import { nonSpaceLength, normaliseSpace } from './inline-markdown.js';
import { deckPathOfTag, findTags } from './tags.js';

export interface FinishContext {
  file: string;
  tags: readonly string[];
  /** From the note's first `#flashcards/...` tag. */
  deckPath: string | null;
  problems: Problem[];
  /** Items the writer marked as cards; only their empty or repeated cards are worth a warning (prose candidates are dropped silently). */
  explicitItems?: ReadonlySet<Item>;
}

const KEY_LENGTH = 160;
/** A prose rule that says nothing about its confidence is taken as fairly sure. */
const DEFAULT_PROSE_CONFIDENCE = 0.7;

/** A deck tag written on the item itself wins over the note's, as in the SR plugin. */
function itemDeckPath(item: Item): string | null {
  for (const token of item.tokens) {
    const text = token.kind === 'text' || token.kind === 'tags' || token.kind === 'heading' ? token.raw : '';
    for (const tag of findTags(text)) {
      const path = deckPathOfTag(tag);
      if (path !== null) return path;
    }
  }
  return null;
}

export function finishCards(items: readonly Item[], context: FinishContext): ParsedCard[] {
  const ordered = items
    .map((item, order) => ({ item, order, span: itemSpan(item) }))
    .sort((a, b) => a.span.line - b.span.line || a.order - b.order);

  const seenCards = new Map<string, number>();
  const keyUses = new Map<string, number>();
  const cards: ParsedCard[] = [];

  for (const { item, span } of ordered) {
    const kept: ParsedCard[] = [];
    for (const draft of item.cards) {
      const front = draft.front.text.trim();
      const back = draft.back.text.trim();
      const explicit = context.explicitItems?.has(item) ?? false;
      if (nonSpaceLength(front) < 2 || nonSpaceLength(back) < 2) {
        if (explicit) context.problems.push({ file: context.file, line: span.line, message: `empty card: its ${nonSpaceLength(front) < 2 ? 'question' : 'answer'} is blank` });
        continue;
      }
      const normFront = normaliseSpace(front);
      const normBack = normaliseSpace(back);
      if (normFront === normBack) continue;
      const identity = `${normFront}\u0000${normBack}`;
      const firstLine = seenCards.get(identity);
      if (firstLine !== undefined) {
        if (explicit && firstLine !== span.line) context.problems.push({ file: context.file, line: span.line, message: `duplicate card: the same question and answer as line ${firstLine}` });
        continue;
      }
      seenCards.set(identity, span.line);

      const card: ParsedCard = {
        front,
        back,
        kind: draft.kind,
        line: span.line,
        endLine: span.endLine,
        breadcrumb: [...item.breadcrumb],
        itemKey: '',
        tags: [...context.tags],
        origin: explicit ? 'explicit' : 'prose',
        confidence: explicit ? 1 : (draft.confidence ?? DEFAULT_PROSE_CONFIDENCE),
      };
      const deckPath = itemDeckPath(item) ?? context.deckPath;
      if (deckPath !== null) card.deckPath = deckPath;
      const [example, ...extra] = draft.back.examples;
      if (example) card.example = example;
      if (extra.length > 0) {
        context.problems.push({ file: context.file, line: extra[0]?.line ?? span.line, message: 'a card can run one example; later example blocks in its answer are shown but not run' });
      }
      kept.push(card);
    }
    const first = kept[0];
    if (!first) continue;
    const base = `${first.kind}:${normaliseSpace(first.front).toLowerCase().slice(0, KEY_LENGTH)}`;
    const uses = (keyUses.get(base) ?? 0) + 1;
    keyUses.set(base, uses);
    const itemKey = uses === 1 ? base : `${base}#${uses}`;
    for (const card of kept) card.itemKey = itemKey;
    cards.push(...kept);
  }
  return cards;
}

/**
 * The last step: items become ParsedCards. Here, and only here, cards are trimmed, dropped when
 * empty, trivial or repeated, given their itemKey, tags and deck path, and their example.
 *
 * Explicit cards (written with card syntax) are kept however short their sides are; one that
 * cannot be kept (a side empty once comments and tags are gone, the same text on both sides, a
 * repeat of an earlier card) is a warning with its line, never a silent loss. Prose candidates
 * are suggestions found by rules, so short, trivial or repeated ones are dropped silently, and
 * an explicit card always wins over a prose card with the same text.
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
  /** From the note's first `#flashcards/...` tag; null also when the frontmatter names the deck, which wins over deck tags. */
  deckPath: string | null;
  /** False when the frontmatter's `deck:` decides, so deck tags on single cards are ignored too. */
  deckTags?: boolean;
  problems: Problem[];
  /** Items the writer marked as cards; only their empty or repeated cards are worth a warning (prose candidates are dropped silently). */
  explicitItems?: ReadonlySet<Item>;
  /** The SR plugin's schedule comment of an item, if it has one. */
  srSchedules?: ReadonlyMap<Item, string>;
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

function identityOf(front: string, back: string): string {
  return `${normaliseSpace(front)}\u0000${normaliseSpace(back)}`;
}

export function finishCards(items: readonly Item[], context: FinishContext): ParsedCard[] {
  const ordered = items
    .map((item, order) => ({ item, order, span: itemSpan(item) }))
    .sort((a, b) => a.span.line - b.span.line || a.order - b.order);
  const isExplicit = (item: Item): boolean => context.explicitItems?.has(item) ?? false;
  const warn = (line: number, message: string): void => {
    context.problems.push({ file: context.file, line, message });
  };
  // Only prose candidates are checked against the explicit cards: built when the first one is.
  let explicitIdentities: Set<string> | null = null;
  const isExplicitIdentity = (identity: string): boolean => {
    if (explicitIdentities === null) {
      explicitIdentities = new Set<string>();
      for (const item of items) {
        if (isExplicit(item)) for (const draft of item.cards) explicitIdentities.add(identityOf(draft.front.text.trim(), draft.back.text.trim()));
      }
    }
    return explicitIdentities.has(identity);
  };

  const seenCards = new Map<string, number>();
  const keyUses = new Map<string, number>();
  const cards: ParsedCard[] = [];

  for (const { item, span } of ordered) {
    const kept: ParsedCard[] = [];
    const explicit = isExplicit(item);
    for (const draft of item.cards) {
      const front = draft.front.text.trim();
      const back = draft.back.text.trim();
      const normalFront = normaliseSpace(front);
      const normalBack = normaliseSpace(back);
      const identity = `${normalFront}\u0000${normalBack}`;
      if (explicit) {
        if (front === '' || back === '') {
          warn(span.line, `empty card: its ${front === '' ? 'question' : 'answer'} is blank`);
          continue;
        }
        if (normalFront === normalBack) {
          warn(span.line, 'the question and the answer are the same text; no card made');
          continue;
        }
      } else if (nonSpaceLength(front) < 2 || nonSpaceLength(back) < 2 || normalFront === normalBack || isExplicitIdentity(identity)) {
        continue;
      }
      const firstLine = seenCards.get(identity);
      if (firstLine !== undefined) {
        if (explicit) warn(span.line, `duplicate card: the same question and answer as line ${firstLine}`);
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
      const deckPath = context.deckTags === false ? null : itemDeckPath(item) ?? context.deckPath;
      if (deckPath !== null) card.deckPath = deckPath;
      const schedule = context.srSchedules?.get(item);
      const own = schedule === undefined ? undefined : scheduleOfCard(schedule, item.cards.indexOf(draft));
      if (own !== undefined) card.srSchedule = own;
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

/**
 * The plugin writes one `!date,interval,ease` per card of an item, in the item's order (the
 * forward card, then the reversed one; one per cloze deletion); the older form without `!` is
 * the first card's.
 */
function scheduleOfCard(schedule: string, index: number): string | undefined {
  const text = schedule.trim();
  // A schedule-data id names all the item's schedules; each card takes its own by position.
  if (text.startsWith('^sr-data-id-')) return `${text}#${index}`;
  if (!text.startsWith('!')) return index === 0 ? text : undefined;
  return text.split('!').map((part) => part.trim()).filter(Boolean).map((part) => `!${part}`)[index];
}

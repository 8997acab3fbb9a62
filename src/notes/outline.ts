/**
 * The shape of a note for prose rules: sections (one per heading) holding blocks (paragraphs,
 * lists, code), and in them items: a paragraph line or a list item, with its continuation lines
 * and nested items. Prose rules ask questions like "what follows this question?", which are
 * questions about this tree, not about lines.
 */
import type { HeadingToken, TextToken, Token } from './classify-lines.js';
import { isTemplateLine, opensSkippedRegion } from './prose-template.js';

export interface LineItem {
  head: TextToken;
  /** Continuation lines, and code or math blocks attached without a blank line. */
  more: Token[];
  children: LineItem[];
}

interface BlockBase {
  /** Whether a blank line (or a thematic break) separates this block from the previous one. */
  gapBefore: boolean;
}
export interface ParaBlock extends BlockBase {
  kind: 'para';
  items: LineItem[];
}
export interface ListBlock extends BlockBase {
  kind: 'list';
  items: LineItem[];
}
export interface CodeBlock extends BlockBase {
  kind: 'code';
  tokens: Token[];
}
export type Block = ParaBlock | ListBlock | CodeBlock;

export interface Section {
  heading: HeadingToken | null;
  breadcrumb: readonly string[];
  blocks: Block[];
}

/**
 * Whether a paragraph line continues the item above rather than starting a new one: it is
 * indented deeper than the item's first line, or the line above ends mid-sentence and this one
 * starts in lower case (a sentence wrapped by hand). Otherwise each line is its own item, as
 * Obsidian notes are often written one statement per line.
 */
function continues(item: LineItem, next: TextToken): boolean {
  if (next.indent > item.head.indent) return true;
  const previous = lastTextOf(item);
  return !/[.!?:;)"'`*$\]]$/.test(previous.content) && /^\p{Ll}/u.test(next.content);
}

function lastTextOf(item: LineItem): TextToken {
  for (let i = item.more.length - 1; i >= 0; i--) {
    const token = item.more[i];
    if (token?.kind === 'text') return token;
  }
  return item.head;
}

/**
 * `skip`: tokens already used by explicit cards; they separate blocks like blank lines. Lines of
 * site-generator markup (`{% hint %}`, `:::note`, `<details>`) separate blocks too, and the content
 * of tabs is left out (see prose-template.ts).
 */
export function outline(tokens: readonly Token[], skip: ReadonlySet<number> = new Set()): Section[] {
  const sections: Section[] = [{ heading: null, breadcrumb: [], blocks: [] }];
  let section = sections[0] as Section;
  let block: ParaBlock | ListBlock | null = null;
  let lastItem: LineItem | null = null;
  let stack: { indent: number; item: LineItem }[] = [];
  let gap = true;

  const close = (): void => {
    block = null;
    lastItem = null;
    stack = [];
    gap = true;
  };

  let skippedUntil: RegExp | null = null;

  for (const token of tokens) {
    if (skippedUntil !== null) {
      // A region never closed ends at the next top-level section rather than swallowing the note.
      if (token.kind === 'heading' && token.level <= 2) skippedUntil = null;
      else {
        if (token.kind === 'text' && skippedUntil.test(token.content.trim())) skippedUntil = null;
        continue;
      }
    }
    if (skip.has(token.index)) {
      close();
      continue;
    }
    if (token.kind === 'text' && isTemplateLine(token.content)) {
      skippedUntil = opensSkippedRegion(token.content);
      close();
      continue;
    }
    switch (token.kind) {
      case 'heading':
        close();
        section = { heading: token, breadcrumb: token.breadcrumb, blocks: [] };
        sections.push(section);
        break;
      case 'blank':
      case 'rule':
      case 'separator':
        close();
        break;
      case 'comment':
      case 'tags':
        break;
      case 'fence':
      case 'math':
        if (lastItem !== null) {
          (lastItem as LineItem).more.push(token);
        } else {
          section.blocks.push({ kind: 'code', tokens: [token], gapBefore: gap });
          gap = false;
        }
        break;
      case 'text': {
        if (token.list !== null) {
          if (block?.kind !== 'list') {
            block = { kind: 'list', items: [], gapBefore: gap };
            section.blocks.push(block);
            stack = [];
          }
          const item: LineItem = { head: token, more: [], children: [] };
          while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= token.indent) stack.pop();
          const parent = stack[stack.length - 1];
          (parent ? parent.item.children : block.items).push(item);
          stack.push({ indent: token.indent, item });
          lastItem = item;
        } else if (block?.kind === 'list' && lastItem !== null) {
          (lastItem as LineItem).more.push(token);
        } else if (block?.kind === 'para' && lastItem !== null && continues(lastItem, token)) {
          (lastItem as LineItem).more.push(token);
        } else {
          if (block?.kind !== 'para') {
            block = { kind: 'para', items: [], gapBefore: gap };
            section.blocks.push(block);
          }
          const item: LineItem = { head: token, more: [], children: [] };
          block.items.push(item);
          lastItem = item;
        }
        gap = false;
        break;
      }
    }
  }
  return sections;
}

/** Every token of an item, nested items included, in source order. */
export function itemTokens(item: LineItem): Token[] {
  return [item.head, ...item.more, ...item.children.flatMap(itemTokens)];
}

export function blockTokens(block: Block): Token[] {
  return block.kind === 'code' ? block.tokens : block.items.flatMap(itemTokens);
}

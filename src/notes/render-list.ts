/**
 * Lists as card text. Markers are normalised (`*`, `+` → `-`; numbers kept) and nesting is
 * re-indented from the tree, so an answer built from bullets indented with a mix of tabs and
 * spaces still renders as the list it looked like in the note.
 */
import type { ExampleSpec } from '../core/index.js';
import type { LineItem } from './outline.js';
import { indentText, lineText, renderTokens } from './render.js';
import type { Rendered } from './render.js';

export function renderListItems(items: readonly LineItem[], indent = ''): Rendered {
  const lines: string[] = [];
  const examples: ExampleSpec[] = [];
  for (const item of items) {
    const content = lineText(item.head, item.head.content).trim();
    if (content === '' && item.more.length === 0 && item.children.length === 0) continue;
    const marker = item.head.list?.ordered ? `${item.head.list.number}.` : '-';
    const pad = indent + ' '.repeat(marker.length + 1);
    lines.push(`${indent}${marker} ${content}`.trimEnd());
    if (item.more.length > 0) {
      const more = renderTokens(item.more, { flatten: true });
      if (more.text !== '') lines.push(indentText(more.text, pad));
      examples.push(...more.examples);
    }
    if (item.children.length > 0) {
      const nested = renderListItems(item.children, pad);
      if (nested.text !== '') lines.push(nested.text);
      examples.push(...nested.examples);
    }
  }
  return { text: lines.join('\n'), examples };
}

/** Beyond this many lines an answer stops being something one recalls at once. */
const MAX_ANSWER_LINES = 12;

/**
 * A list as an answer: whole when short, else only its top-level items. The nested detail is not
 * lost; nested bullets that ask or define something get cards of their own. `whole`: never cut
 * (the caller drops a card that is too long rather than show half of a list).
 */
export function answerList(items: readonly LineItem[], options: { whole?: boolean } = {}): Rendered {
  const full = renderListItems(items);
  if (options.whole || full.text.split('\n').length <= MAX_ANSWER_LINES) return full;
  return renderListItems(items.map((item) => ({ ...item, more: [], children: [] })));
}

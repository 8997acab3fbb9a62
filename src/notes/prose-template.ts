/**
 * Markup of static-site and wiki tools inside Markdown notes: GitBook/Jekyll/Liquid tags
 * (`{% hint %}`, `{% tabs %}`), Hugo shortcodes (`{{< notice >}}`), Docusaurus and MkDocs
 * admonitions (`:::note`, `!!! tip`), HTML wrappers (`<details>`, `<div>`), MDX tabs. None of it is
 * for the reader of a card: a line of it separates blocks like a blank line and its text is never
 * copied. Tabs hold alternatives (exercises, solutions, code in several languages), not
 * statements, so their content is skipped whole.
 */

const LIQUID_TAG = /\{%-?[\s\S]*?-?%\}/g;
const HUGO_SHORTCODE = /\{\{[<%][\s\S]*?[>%]\}\}/g;
const LIQUID_OUTPUT = /\{\{-?\s*[\w.]+(?:\s*\|[^}]*)?\s*-?\}\}/;

/** A line made only of template markup (after removing it nothing readable is left). */
export function isTemplateLine(content: string): boolean {
  const t = content.trim();
  if (t === '') return false;
  if (/^:::+\s*[\w-]*(?:\s.*)?$/.test(t) || /^(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"[^"]*")?\s*$/.test(t)) return true;
  if (/^<\/?(?:details|summary|div|span|section|aside|figure|figcaption|center|br|hr|p|tabs?|tabitem|admonition|callout|note|tip|warning|info|img|iframe|video|audio|source|script|style|link|meta)\b[^>]*\/?>(?:.*<\/(?:summary|p|span|figcaption)>)?\s*$/i.test(t)) return true;
  const rest = t.replace(LIQUID_TAG, '').replace(HUGO_SHORTCODE, '').trim();
  return rest !== t && rest === '';
}

/** Opens a region whose content is not prose to learn from (tabs of exercises, raw blocks). */
export function opensSkippedRegion(content: string): RegExp | null {
  const t = content.trim();
  if (/^\{%-?\s*tabs\b/.test(t)) return /^\{%-?\s*endtabs\b/;
  if (/^\{\{[<%]\s*tabs\b/.test(t)) return /^\{\{[<%]\s*\/tabs\b/;
  if (/^<Tabs\b/.test(t)) return /^<\/Tabs>/;
  if (/^\{%-?\s*(?:raw|comment)\b/.test(t)) return /^\{%-?\s*end(?:raw|comment)\b/;
  return null;
}

/** Template markup inside a line of text, removed before the text goes on a card. */
export function stripTemplate(text: string): string {
  if (!text.includes('{')) return text;
  return text.replace(LIQUID_TAG, '').replace(HUGO_SHORTCODE, '');
}

/** Template syntax left in a card side means the side was cut from markup: not a card. */
export function hasTemplateResidue(text: string): boolean {
  return /\{%|%\}|\{\{[<%]|[>%]\}\}|^:::/m.test(text) || LIQUID_OUTPUT.test(text.replace(/\{\{c\d+::/g, ''));
}

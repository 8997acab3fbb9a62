/**
 * Safe, readable terminal rendering of untrusted card text (pure functions).
 *
 * - {@link sanitizeText}: strip terminal control sequences.
 * - {@link latexToUnicode} / {@link renderMath}: LaTeX math → Unicode.
 * - {@link renderWikilinks}: `[[target|alias]]` → readable text.
 * - {@link renderMarkdown}: Markdown → wrapped, optionally styled terminal lines.
 */
export { sanitizeText } from '../../present/sanitize.js';
export { latexToUnicode } from './latex.js';
export { renderMath, renderWikilinks } from './inline-text.js';
// The full Markdown renderer (markdown.ts) is loaded on demand through render-card.ts.
export { renderCardText, loadMarkdown, needsMarkdown, needsMarkdownRenderer, type CardRenderOptions } from './render-card.js';
export { visibleWidth, stripSgr } from './text-width.js';
export { loadHighlighter, highlighterReady } from './highlighter.js';

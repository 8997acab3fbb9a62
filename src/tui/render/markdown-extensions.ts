/** The Markdown syntax marked does not know: display math blocks, `$inline math$` and `[[wikilinks]]`. */
import type { TokenizerAndRendererExtension } from 'marked';
import { cleanText } from './entities.js';
import { findDollar, matchMath, wikilinkLabel, WIKILINK_RE } from './inline-text.js';
import { latexToUnicode } from './latex.js';
import { CODE_INDENT, block, type RenderContext } from './markdown-context.js';
import { matchMathBlock, mathBlockStart } from './math-blocks.js';
import { wrapAnsi } from './text-width.js';

const WIKILINK_AT_START = new RegExp('^' + WIKILINK_RE.source);

export function markdownExtensions(ctx: RenderContext): TokenizerAndRendererExtension[] {
  const s = ctx.styles;
  return [
    {
      name: 'mathBlock',
      level: 'block',
      start: mathBlockStart,
      tokenizer(src) {
        const m = matchMathBlock(src);
        return m ? { type: 'mathBlock', raw: m.raw, text: m.text } : undefined;
      },
      renderer(token) {
        const w = ctx.avail() - CODE_INDENT.length;
        const lines = latexToUnicode(String(token['text'] ?? ''))
          .split('\n')
          .flatMap((line) => wrapAnsi(cleanText(line, false), w));
        return block(lines.map((line) => CODE_INDENT + s.math(line)));
      },
    },
    {
      name: 'mathInline',
      level: 'inline',
      start: (src) => findDollar(src),
      tokenizer(src) {
        if (src[0] !== '$') return undefined;
        const m = matchMath(src, 0);
        if (!m) return undefined;
        return { type: 'mathInline', raw: src.slice(0, m.end), text: m.content };
      },
      renderer(token) {
        return s.math(cleanText(latexToUnicode(String(token['text'] ?? '')), false));
      },
    },
    {
      name: 'wikilink',
      level: 'inline',
      start(src) {
        const i = src.indexOf('[[');
        return i > 0 && src[i - 1] === '!' ? i - 1 : i;
      },
      tokenizer(src) {
        const m = WIKILINK_AT_START.exec(src);
        if (!m) return undefined;
        return { type: 'wikilink', raw: m[0], text: m[1] ?? '' };
      },
      renderer(token) {
        return s.wikilink(cleanText(wikilinkLabel(String(token['text'] ?? '')), false));
      },
    },
  ];
}

/**
 * Runnable examples: a fence whose info string is `ts example`, `typescript example`,
 * `js example` or `javascript example`. The word `example` is an instruction to Engram, not a
 * language, so the fence is rewritten to a plain ```ts / ```js fence the renderer can highlight.
 */
import type { ExampleSpec } from '../core/index.js';
import { dedentLine, indentWidth } from './inline-markdown.js';
import type { BlockToken } from './classify-lines.js';

const EXAMPLE_INFO = /^(ts|typescript|js|javascript)[ \t]+example$/i;

function exampleLang(info: string): ExampleSpec['lang'] | null {
  const m = EXAMPLE_INFO.exec(info.trim());
  if (!m) return null;
  const lang = (m[1] ?? '').toLowerCase();
  return lang === 'ts' || lang === 'typescript' ? 'ts' : 'js';
}

/** The fence's lines as they should appear in card text, and the example it holds, if any. */
export function readFence(token: BlockToken): { lines: string[]; example: ExampleSpec | null } {
  const lang = token.kind === 'fence' ? exampleLang(token.info) : null;
  if (lang === null) return { lines: token.lines, example: null };
  const body = token.lines.slice(1, token.closed ? -1 : undefined);
  const width = indentWidth(token.indent);
  const code = body.map((l) => dedentLine(l, width)).join('\n');
  return {
    lines: [`${token.indent}${token.fence}${lang}`, ...token.lines.slice(1)],
    example: { lang, code, line: token.line },
  };
}

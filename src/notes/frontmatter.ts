/**
 * YAML frontmatter through gray-matter. gray-matter also understands `---js` / `---coffee`
 * blocks and runs them with `eval`, so a note could execute code just by being imported. We
 * refuse every language but YAML twice: before calling gray-matter (so nothing reaches it), and
 * through `engines` overrides that throw (so a future gray-matter path cannot reach `eval`).
 */
import matter from 'gray-matter';
import type { Problem } from '../core/index.js';

export type Frontmatter =
  | {
      ok: true;
      data: Record<string, unknown>;
      body: string;
      /** File line (1-based) of the first body line. */
      bodyLine: number;
      /** File line of a top-level frontmatter key, for warnings about its value. */
      keyLine: (key: string) => number;
    }
  | { ok: false; problem: Problem };

const YAML_NAMES = new Set(['', 'yaml', 'yml']);

function refuse(language: string) {
  return {
    parse(): object {
      throw new Error(`frontmatter language '${language}' is not allowed (YAML only)`);
    },
  };
}

// Every alias gray-matter resolves (lib/engine.js) points at a refusing engine.
const ENGINES = {
  javascript: refuse('javascript'),
  js: refuse('js'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  json: refuse('json'),
};

interface YamlError {
  reason?: string;
  mark?: { line?: number };
}

function isYamlError(err: unknown): err is Error & YamlError {
  return err instanceof Error && err.name === 'YAMLException';
}

/** `text` must already use LF line endings and have no BOM. */
export function readFrontmatter(text: string, file: string): Frontmatter {
  const noFrontmatter: Frontmatter = { ok: true, data: {}, body: text, bodyLine: 1, keyLine: () => 1 };
  // Same opening rule as gray-matter: `---` at the very start, but `----` is a thematic break.
  if (!text.startsWith('---') || text.charAt(3) === '-') return noFrontmatter;

  const firstNewline = text.indexOf('\n');
  const firstLine = firstNewline === -1 ? text : text.slice(0, firstNewline);
  const language = firstLine.slice(3).trim();
  if (!YAML_NAMES.has(language.toLowerCase())) {
    return {
      ok: false,
      problem: { file, line: 1, message: `frontmatter language '${language}' is not allowed (YAML only)` },
    };
  }
  // gray-matter treats an unclosed block as frontmatter running to the end of the file.
  // Its closing line is the first later line starting with `---` (gray-matter: the first "\n---").
  const close = text.indexOf('\n---', 3);
  if (close === -1) {
    return { ok: false, problem: { file, line: 1, message: "frontmatter is not closed by a '---' line" } };
  }
  // gray-matter is given the frontmatter block only: with the whole note it would also copy the
  // note into a Buffer and hash it as a cache key, for nothing. The body is what it would return.
  const head = text.slice(0, close + 4);
  const lines = head.split('\n');
  const closeIndex = lines.length - 1;

  let parsed: { data: unknown; content: string };
  try {
    let content = text.slice(close + 4);
    if (content.startsWith('\r')) content = content.slice(1);
    if (content.startsWith('\n')) content = content.slice(1);
    // Most frontmatter is a few `key: word` or `key: [a, b]` lines: read without gray-matter.
    const data = simpleYamlMapping(lines.slice(1, closeIndex)) ?? matter(head, { engines: ENGINES }).data;
    parsed = { data, content };
  } catch (err) {
    if (isYamlError(err)) {
      // gray-matter hands js-yaml the text after the opening `---`, starting with its newline,
      // so mark.line 0 is the `---` line itself: file line = mark.line + 1.
      const markLine = typeof err.mark?.line === 'number' ? err.mark.line + 1 : 1;
      const line = Math.min(Math.max(markLine, 1), closeIndex + 1);
      return { ok: false, problem: { file, line, message: `invalid YAML in frontmatter: ${err.reason ?? err.message}` } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: { file, line: 1, message: `cannot read frontmatter: ${message}` } };
  }

  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      problem: { file, line: 2, message: 'frontmatter must be a YAML mapping (key: value lines)' },
    };
  }
  const body = parsed.content;
  const consumed = text.slice(0, text.length - body.length);
  const bodyLine = 1 + (consumed.match(/\n/g)?.length ?? 0);
  const keyLine = (key: string): number => {
    const at = lines.slice(1, closeIndex).findIndex((l) => l.startsWith(`${key}:`));
    return at === -1 ? 1 : at + 2;
  };
  return { ok: true, data: data as Record<string, unknown>, body, bodyLine, keyLine };
}

/** A plain scalar of letters, digits and `_ / . -` words (single spaces between), starting with a letter: a string to js-yaml unless it is a bool or null word. */
const SIMPLE_SCALAR = /^[A-Za-z][\w/.-]*(?: [\w/.-]+)*$/;
const SIMPLE_LINE = /^([A-Za-z][\w-]*): (?:\[(.*)\]|(.*))$/;
const BOOLEANS = new Map<string, boolean>([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
const NULLS = new Set(['null', 'Null', 'NULL']);

/**
 * The data of frontmatter lines that are all `key: scalar` or `key: [scalar, scalar]` (scalars
 * as SIMPLE_SCALAR, `, ` between list items), as js-yaml reads them; null for anything else
 * (a comment, a blank or indented line, quotes, a number, a null word, a repeated key...), which
 * goes to gray-matter. Exported for the test that it agrees with gray-matter.
 */
export function simpleYamlMapping(lines: readonly string[]): Record<string, unknown> | null {
  if (lines.length === 0) return null;
  const data: Record<string, unknown> = {};
  for (const line of lines) {
    const m = SIMPLE_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (Object.hasOwn(data, key)) return null;
    if (m[3] !== undefined) {
      const value = simpleScalar(m[3]);
      if (value === undefined) return null;
      data[key] = value;
      continue;
    }
    const inner = m[2]!;
    const items = inner === '' ? [] : inner.split(', ').map(simpleScalar);
    if (items.some((item) => item === undefined)) return null;
    data[key] = items;
  }
  return data;
}

function simpleScalar(text: string): string | boolean | undefined {
  if (!SIMPLE_SCALAR.test(text) || NULLS.has(text)) return undefined;
  return BOOLEANS.get(text) ?? text;
}

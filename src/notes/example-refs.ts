/**
 * `example: examples/tensor-fusion.ts` on the line right after a card's answer points that card
 * to an example file; an `example` key in the frontmatter points every card of the note that has
 * none of its own. The parser only records the reference with its line: reading the file, and
 * refusing paths that leave the deck, is the collection's job (it is I/O).
 *
 * `predict: examples/x.ts` in the same place makes the card a predict-the-output card (kind
 * `output`): its front shows the example's code, the learner types what it prints, Engram runs it
 * and compares. The card's own answer is the explanation shown after the check.
 *
 * `predict: examples/x.ts#L3-L12` (or `#L2,L8-L12`, or `#L5`) shows only those lines of the file on
 * the front, with `// …` where lines are left out; the whole file still runs. A range that cannot be
 * read is a problem at the `predict:` line; one that goes past the end of the file is found by the
 * collection, which reads the file.
 *
 * The line is taken out of the text before cards are built (it becomes a blank line), so it never
 * shows up in an answer and it ends the card above it, whatever syntax that card used.
 */
import type { ExampleFileRef, LineRange, ParsedCard, Problem } from '../core/index.js';
import type { Token } from './classify-lines.js';

const EXAMPLE_LINE = /^ {0,3}example:[ \t]*(\S.*?)[ \t]*$/i;
const PREDICT_LINE = /^ {0,3}predict:[ \t]*(\S.*?)[ \t]*$/i;

/** `examples/x.ts`, `` `examples/x.ts` `` and `"examples/x.ts"` all name the same file. */
function unquote(raw: string): string {
  const m = /^(`|"|')(.*)\1$/.exec(raw);
  return (m ? (m[2] ?? '') : raw).trim();
}

export function readExampleLine(raw: string): string | null {
  const m = EXAMPLE_LINE.exec(raw);
  return m ? pathOrNull(m[1] ?? '') : null;
}

export function readPredictLine(raw: string): string | null {
  const m = PREDICT_LINE.exec(raw);
  return m ? pathOrNull(m[1] ?? '') : null;
}

/**
 * Only a value that reads as a file name is a reference: one word (or quoted) ending in an
 * extension (before a `#L…` range), no math. `Example: $X = f(Parents(X))$.` in a real vault is a sentence, not a path.
 */
function pathOrNull(written: string): string | null {
  const value = unquote(written);
  const quoted = value !== written.trim();
  // A predict card's `#L3-L12` line range follows the file name.
  const file = value.replace(/#[^#]*$/, '');
  if (!file || !/\.[A-Za-z0-9]{1,5}$/.test(file) || file.includes('$') || (!quoted && /\s/.test(file))) return null;
  return value;
}

export type LineRangesRead = { ok: true; ranges: LineRange[] } | { ok: false; message: string };

const ONE_RANGE = /^L(\d+)(?:-L(\d+))?$/i;

/**
 * The fragment of `x.ts#L3-L12`: one or more ranges `L<from>-L<to>` or single lines `L<n>`, separated
 * by commas, counted from 1, in order and not overlapping.
 */
export function parseLineRanges(fragment: string): LineRangesRead {
  const parts = fragment.split(',').map((p) => p.trim());
  const ranges: LineRange[] = [];
  for (const part of parts) {
    const m = ONE_RANGE.exec(part);
    if (!m) return { ok: false, message: `'#${fragment}' is not a line range: write #L3-L12, #L5 or #L2,L8-L12` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1) return { ok: false, message: `'${part}': lines count from 1` };
    if (to < from) return { ok: false, message: `'${part}' ends before it starts` };
    const before = ranges[ranges.length - 1];
    if (before && from <= before.to) return { ok: false, message: `'${part}' overlaps or comes before L${before.to}: give the ranges in order` };
    ranges.push({ from, to });
  }
  return { ok: true, ranges };
}

/** `L3-L12,L20`: the canonical fragment of some line ranges (single lines as `L20`). */
export function formatLineRanges(ranges: readonly LineRange[]): string {
  return ranges.map((r) => (r.from === r.to ? `L${r.from}` : `L${r.from}-L${r.to}`)).join(',');
}

/** `examples/x.ts#L3-L12` → the path and the fragment after the last `#` (null without one). */
export function splitFragment(written: string): { path: string; fragment: string | null } {
  const hash = written.lastIndexOf('#');
  return hash < 0 ? { path: written, fragment: null } : { path: written.slice(0, hash), fragment: written.slice(hash + 1) };
}

/** Null when every range lies inside a file of `lineCount` lines, else what is wrong. */
export function rangesPastEnd(ranges: readonly LineRange[], lineCount: number): string | null {
  const last = ranges[ranges.length - 1];
  return last && last.to > lineCount ? `L${last.to} is past the end of the file (${lineCount} line${lineCount === 1 ? '' : 's'})` : null;
}

/** The lines of a file, without the newline that ends the last one. */
export function codeLines(code: string): string[] {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Lines that say nothing on their own: blank, or only closing brackets (`}`, `});`). */
const TRIVIAL_LINE = /^[\s)\]};,]*$/;

/** Removes the indentation that every non-blank line of `lines` shares. */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)?.[0].length ?? 0)));
}

/**
 * The shown part of an example: the lines of each range, with a `// …` line wherever lines are
 * left out between or around them, so the learner sees that something is hidden (a stretch of
 * only blank lines and closing brackets is left out silently). Each stretch loses the indentation
 * its lines share, so a function body does not start far to the right.
 */
export function excerptLines(code: string, ranges: readonly LineRange[]): string {
  const lines = codeLines(code);
  const out: string[] = [];
  const leftOut = (from: number, to: number) => {
    if (lines.slice(from - 1, to).some((l) => !TRIVIAL_LINE.test(l))) out.push('// …');
  };
  let next = 1;
  for (const r of ranges) {
    leftOut(next, r.from - 1);
    out.push(...dedent(lines.slice(r.from - 1, Math.min(r.to, lines.length))));
    next = r.to + 1;
  }
  leftOut(next, lines.length);
  return out.join('\n');
}

/**
 * What a predict card's front shows of its example: the lines named by the stored path's fragment
 * (`examples/x.ts#L3-L12`), or the whole code when there is none (or it cannot be read).
 */
export function shownCode(code: string, path: string | null | undefined): string {
  const fragment = path ? splitFragment(path).fragment : null;
  if (fragment === null) return code;
  const read = parseLineRanges(fragment);
  return read.ok ? excerptLines(code, read.ranges) : code;
}

/**
 * Turns `example:` and `predict:` text lines into blank tokens and returns what they pointed to; a
 * line range that cannot be read is a problem at its line, and the card shows the whole file.
 */
export function takeExampleRefs(tokens: readonly Token[], file = '', problems: Problem[] = []): { tokens: Token[]; refs: ExampleFileRef[] } {
  const refs: ExampleFileRef[] = [];
  const out = tokens.map((token): Token => {
    if (token.kind !== 'text') return token;
    const example = readExampleLine(token.raw);
    const predict = example === null ? readPredictLine(token.raw) : null;
    const written = example ?? predict;
    if (written === null) return token;
    const { path, fragment } = splitFragment(written);
    const ref: ExampleFileRef = predict !== null ? { path, line: token.line, predict: true } : { path, line: token.line };
    if (fragment !== null && predict === null) {
      problems.push({ file, line: token.line, message: `a line range ('#${fragment}') only chooses what a predict: card shows; an example: runs and shows nothing, so it is ignored` });
    } else if (fragment !== null) {
      const read = parseLineRanges(fragment);
      if (read.ok) ref.shown = read.ranges;
      else problems.push({ file, line: token.line, message: `${read.message}; the card shows the whole file` });
    }
    refs.push(ref);
    return { kind: 'blank', index: token.index, line: token.line, endLine: token.endLine, breadcrumb: token.breadcrumb };
  });
  return { tokens: out, refs };
}

/** The frontmatter `example` key, when it is a usable path. */
export function frontmatterExampleRef(
  data: Record<string, unknown>,
  keyLine: (key: string) => number,
  file: string,
  problems: Problem[],
): ExampleFileRef | null {
  const value = data['example'];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ file, line: keyLine('example'), message: "'example' must be a path such as examples/fusion.ts; ignored" });
    return null;
  }
  return { path: unquote(value.trim()), line: keyLine('example') };
}

/**
 * Gives each `example:` line to the card(s) ending on the line above it (both sides of a two-way
 * card end there). A line under no card, or under a card that already has a fenced example, is a
 * warning with its line; the frontmatter reference fills in cards that have no example yet.
 */
export function attachExampleRefs(
  cards: ParsedCard[],
  refs: readonly ExampleFileRef[],
  noteRef: ExampleFileRef | null,
  file: string,
  problems: Problem[],
): void {
  for (const ref of refs) {
    const owners = cards.filter((c) => c.endLine === ref.line - 1);
    if (owners.length === 0) {
      const word = ref.predict ? 'predict' : 'example';
      problems.push({ file, line: ref.line, message: `'${word}:' line is not directly under a card: put it on the line after the card's answer, with no blank line between` });
      continue;
    }
    for (const card of owners) {
      if (card.example) {
        problems.push({ file, line: ref.line, message: "this card already runs the example fenced in its answer; the 'example:' line is ignored" });
      } else {
        card.exampleFile = ref;
        if (ref.predict) card.kind = 'output';
      }
    }
  }
  if (noteRef) for (const card of cards) if (!card.example && !card.exampleFile) card.exampleFile = noteRef;
}

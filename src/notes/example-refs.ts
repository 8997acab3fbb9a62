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
 * The line is taken out of the text before cards are built (it becomes a blank line), so it never
 * shows up in an answer and it ends the card above it, whatever syntax that card used.
 */
import type { ExampleFileRef, ParsedCard, Problem } from '../core/index.js';
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
 * extension, no math. `Example: $X = f(Parents(X))$.` in a real vault is a sentence, not a path.
 */
function pathOrNull(written: string): string | null {
  const value = unquote(written);
  const quoted = value !== written.trim();
  if (!value || !/\.[A-Za-z0-9]{1,5}$/.test(value) || value.includes('$') || (!quoted && /\s/.test(value))) return null;
  return value;
}

/** Turns `example:` and `predict:` text lines into blank tokens and returns what they pointed to. */
export function takeExampleRefs(tokens: readonly Token[]): { tokens: Token[]; refs: ExampleFileRef[] } {
  const refs: ExampleFileRef[] = [];
  const out = tokens.map((token): Token => {
    if (token.kind !== 'text') return token;
    const example = readExampleLine(token.raw);
    const predict = example === null ? readPredictLine(token.raw) : null;
    const path = example ?? predict;
    if (path === null) return token;
    refs.push(predict !== null ? { path, line: token.line, predict: true } : { path, line: token.line });
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

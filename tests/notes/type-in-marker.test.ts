/** The typed-answer marker: `type: true` in frontmatter or under a card; other `type:` values are Obsidian metadata. */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';

const cardsOf = (text: string) => parseNote(text, 'n.md');

describe('typed answers in the deck format', () => {
  it('a `type: true` line under a card asks that card alone for a typed answer and is not answer text', () => {
    const { note, warnings } = cardsOf('# T\n\nCapital of France?::Paris\ntype: true\n\nCapital of Peru?::Lima\n');
    expect(warnings).toEqual([]);
    expect(note!.cards.map((c) => [c.front, c.back, c.typeIn ?? false])).toEqual([['Capital of France?', 'Paris', true], ['Capital of Peru?', 'Lima', false]]);
  });

  it('frontmatter `type: true` types every explicit card; `type: false` under a card opts it out; `type: book` means nothing', () => {
    const typed = cardsOf('---\ntype: true\n---\nA?::1\n\nB?\n?\n2\ntype: false\n').note!.cards;
    expect(typed.map((c) => c.typeIn ?? false)).toEqual([true, false]);
    const obsidian = cardsOf('---\ntype: book\n---\nA?::1\n');
    expect(obsidian.note!.cards[0]!.typeIn).toBeUndefined();
    expect(obsidian.warnings).toEqual([]);
  });

  it('works under a multi-line card and after an example line; a marker under no card is a warning with its line', () => {
    const multi = cardsOf('Q?\n?\nline one\nline two\ntype: true\n').note!.cards;
    expect(multi.map((c) => [c.back, c.typeIn])).toEqual([['line one\nline two', true]]);
    const withExample = cardsOf('A?::1\nexample: x.ts\ntype: true\n');
    expect(withExample.note!.cards.map((c) => [c.back, c.exampleFile?.path, c.typeIn])).toEqual([['1', 'x.ts', true]]);
    expect(withExample.warnings).toEqual([]);
    const stray = cardsOf('# T\n\nJust prose.\n\ntype: true\n');
    expect(stray.warnings.map((w) => [w.line, w.message.slice(0, 41)])).toEqual([[5, "'type:' line is not directly under a card"]]);
  });
});

/**
 * Issue 11 parts 1 and 4: an explicit card is never dropped without a word, and the Obsidian
 * Spaced Repetition plugin's conventions (block ids, schedule comments, deck precedence, curly
 * clozes) are read as the plugin reads them.
 */
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
import { brief, note, parsed } from './helpers.js';

describe('one-character sides are cards, in every syntax', () => {
  const cases: Array<[string, string, Array<[string, string]>]> = [
    ['front::back', 'Atomic number of carbon::6', [['Atomic number of carbon', '6']]],
    ['spaced ::', 'Symbol of tungsten :: W', [['Symbol of tungsten', 'W']]],
    ['one-character front', 'W::tungsten', [['W', 'tungsten']]],
    ['reversed :::', 'Fe:::iron', [['Fe', 'iron'], ['iron', 'Fe']]],
    ['multi-line ?', note('How many days in a week?', '?', '7'), [['How many days in a week?', '7']]],
    ['multi-line ??', note('H', '??', 'hydrogen'), [['H', 'hydrogen'], ['hydrogen', 'H']]],
    ['Q:/A:', note('Q: 2+2?', 'A: 4'), [['2+2?', '4']]],
    ['Q:/A: one character each', note('Q: x', 'A: y'), [['x', 'y']]],
    ['highlight cloze', 'Carbon has ==6== protons.', [['Carbon has [...] protons.', 'Carbon has **6** protons.']]],
    ['Anki cloze', '{{c1::C}} is carbon.', [['[...] is carbon.', '**C** is carbon.']]],
    ['a cloze that is the whole line', '==7==', [['[...]', '**7**']]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const result = parseNote(text, 'n.md');
      expect(result.note?.cards.map((c) => [c.front, c.back])).toEqual(expected);
      expect(result.warnings).toEqual([]);
      expect(result.note?.cards.every((c) => c.origin === 'explicit' && c.confidence === 1)).toBe(true);
    });
  }
});

describe('an explicit card that cannot be made is a warning at its line', () => {
  const cases: Array<[string, string, number, RegExp]> = [
    ['nothing after ::', note('# T', '', 'What is fusion?::'), 3, /empty card: nothing after '::'/],
    ['nothing before ::', note('intro', '', ':: the answer'), 3, /empty card: nothing before '::'/],
    ['only a comment after ::', note('Q::  <!-- later -->'), 1, /nothing after '::'/],
    ['the same text on both sides', note('x', '', 'same::same'), 3, /the same text/],
    ['a duplicate', note('a::b', '', 'a :: b'), 3, /duplicate card: the same question and answer as line 1/],
    ['a Q: whose answer is blank', note('Q: what?', 'A:'), 1, /empty card: its answer is blank/],
    ['a ? with no answer', note('Question', '?'), 2, /has no answer below it/],
    ['an empty Anki cloze', note('text', '', '{{c1::}} is empty'), 3, /empty cloze deletion/],
  ];
  for (const [name, text, line, message] of cases) {
    it(name, () => {
      const result = parseNote(text, 'n.md');
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([{ file: 'n.md', line, message: expect.stringMatching(message) }]);
    });
  }

  it('fenced divs and admonitions (`::: note`, `:::tip`) are neither cards nor warnings', () => {
    const result = parseNote(note('::: note', 'Text.', ':::', '', ':::tip', 'More.', ':::'), 'n.md');
    expect(result.warnings).toEqual([]);
    expect(result.note?.cards.filter((c) => c.origin === 'explicit')).toEqual([]);
  });

  it('an explicit card wins over a prose card with the same text', () => {
    const text = note('---', 'cards: both', '---', '**Term**: the definition', '', 'Term::the definition');
    const cards = parsed(text).cards.filter((c) => c.front === 'Term' && c.back === 'the definition');
    expect(cards.map((c) => c.origin)).toEqual(['explicit']);
    expect(parseNote(text, 'n.md').warnings).toEqual([]);
  });
});

describe('Obsidian SR conventions', () => {
  it('^block-id at the end of a line is not part of the card', () => {
    expect(brief(note('Capital of France::Paris ^cap-fr', '', 'Q line ^q1', '?', 'A line ^a1'))).toEqual([
      { kind: 'basic', front: 'Capital of France', back: 'Paris', line: 1 },
      { kind: 'basic', front: 'Q line', back: 'A line', line: 3 },
    ]);
  });

  it('a line holding only ^block-id adds nothing; `x^2` and `2^10` are kept', () => {
    expect(brief(note('Square::x^2 and 2^10', '', '^list-id'))).toEqual([{ kind: 'basic', front: 'Square', back: 'x^2 and 2^10', line: 1 }]);
  });

  it('a schedule comment closes a multi-line card and is kept on it', () => {
    const text = note('Question', '?', 'Answer', '<!--SR:!2026-12-20,30,250-->', 'Unrelated next line.');
    const cards = parsed(text).cards.filter((c) => c.origin === 'explicit');
    expect(cards.map(({ front, back, endLine, srSchedule }) => ({ front, back, endLine, srSchedule }))).toEqual([
      { front: 'Question', back: 'Answer', endLine: 3, srSchedule: '!2026-12-20,30,250' },
    ]);
  });

  it('schedule comments of single-line, reversed, cloze and same-line cards are kept and never card text', () => {
    const text = note(
      'a::b', '<!--SR:!2026-01-01,1,230-->', '',
      'c:::d', '<!--SR:!2026-01-02,2,250!2026-01-03,3,270-->', '',
      'The ==x== and ==y==.', '<!--SR:!2026-01-04,4,250!2026-01-05,5,250-->', '',
      'e::f <!--SR:!2026-01-06,6,290-->',
    );
    const cards = parsed(text).cards;
    expect(cards.map((c) => [c.front, c.back, c.srSchedule])).toEqual([
      ['a', 'b', '!2026-01-01,1,230'],
      // Each card keeps its own triple: forward then reversed, one per cloze deletion in order.
      ['c', 'd', '!2026-01-02,2,250'],
      ['d', 'c', '!2026-01-03,3,270'],
      ['The [...] and y.', 'The **x** and y.', '!2026-01-04,4,250'],
      ['The x and [...].', 'The x and **y**.', '!2026-01-05,5,250'],
      ['e', 'f', '!2026-01-06,6,290'],
    ]);
    for (const card of cards) expect(`${card.front}${card.back}`).not.toContain('SR:');
  });

  it('frontmatter deck: wins over #flashcards deck tags, the note\'s and a single card\'s', () => {
    const withDeck = parsed(note('---', 'deck: Chemistry', '---', '#flashcards/bio', '', 'atom::smallest unit', 'cell::unit of life #flashcards/cells'));
    expect(withDeck.deck).toBe('Chemistry');
    expect(withDeck.cards.map((c) => c.deckPath)).toEqual([undefined, undefined]);
    const withoutDeck = parsed(note('#flashcards/bio', '', 'atom::smallest unit', 'cell::unit of life #flashcards/cells'));
    expect(withoutDeck.cards.map((c) => c.deckPath)).toEqual(['bio', 'cells']);
  });

  it('{{curly}} clozes only with `cloze: curly`, with numbers and hints', () => {
    const body = ['{{Canberra}} is the capital of {{2;;Australia;;country}}; {{2;;Oceania}} too.', 'Template {{ page.title }} text $x^{{2}}$.'];
    const off = parseNote(note(...body), 'n.md');
    expect(off.note?.cards.filter((c) => c.kind === 'cloze')).toEqual([]);
    expect(brief(note('---', 'cloze: curly', '---', body[0] ?? ''))).toEqual([
      { kind: 'cloze', front: '[...] is the capital of Australia; Oceania too.', back: '**Canberra** is the capital of Australia; Oceania too.', line: 4 },
      { kind: 'cloze', front: 'Canberra is the capital of [country]; [...] too.', back: 'Canberra is the capital of **Australia**; **Oceania** too.', line: 4 },
    ]);
    // LaTeX braces are never clozes.
    expect(brief(note('---', 'cloze: curly', '---', '{{one}} and $x^{{2}}$')).map((c) => c.front)).toEqual(['[...] and $x^{{2}}$']);
  });

  it('cloze: [bold, curly] turns both on; an unknown style is a warning at the key', () => {
    expect(brief(note('---', 'cloze: [bold, curly]', '---', '**a** and {{b}}')).map((c) => c.front)).toEqual(['[...] and b', 'a and [...]']);
    const bad = parseNote(note('---', 'cloze: square', '---', 'x::y'), 'n.md');
    expect(bad.warnings).toEqual([{ file: 'n.md', line: 2, message: "unknown 'cloze' value \"square\" (expected bold, curly or both)" }]);
  });
});

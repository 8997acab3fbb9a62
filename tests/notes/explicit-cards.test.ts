import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
import { brief, note, parsed } from './helpers.js';

describe('single-line cards', () => {
  it('front::back makes one basic card', () => {
    expect(brief('front::back')).toEqual([{ kind: 'basic', front: 'front', back: 'back', line: 1 }]);
  });

  it('front:::back makes a basic and a reversed card sharing an itemKey', () => {
    const cards = parsed(note('intro text', 'Paris:::capital of France')).cards;
    expect(cards.map(({ kind, front, back, line }) => ({ kind, front, back, line }))).toEqual([
      { kind: 'basic', front: 'Paris', back: 'capital of France', line: 2 },
      { kind: 'reversed', front: 'capital of France', back: 'Paris', line: 2 },
    ]);
    expect(cards[0]?.itemKey).toBe(cards[1]?.itemKey);
  });

  it('trims both sides and drops a list marker', () => {
    expect(brief('- What is HTTP ::  a protocol  ')).toEqual([{ kind: 'basic', front: 'What is HTTP', back: 'a protocol', line: 1 }]);
  });

  it('each :: line in a paragraph is its own card', () => {
    expect(brief(note('a1::b1', 'a2::b2')).map((c) => [c.front, c.line])).toEqual([['a1', 1], ['a2', 2]]);
  });

  it('a :: inside inline code is not a separator', () => {
    expect(parseNote('Use `std::vector` for arrays.', 'n.md').note?.cards.some((c) => c.kind === 'basic')).toBe(false);
  });

  it('`::: note` (a fenced div) and `Example::` with nothing after are not cards', () => {
    const text = note('::: note', 'Example::', '', 'What is a very long question without answer?');
    expect(parsed(text).cards.filter((c) => c.kind === 'basic')).toEqual([]);
  });
});

describe('multi-line cards', () => {
  it('? separates front lines from back lines', () => {
    const text = note('Question line', 'continues', '?', 'Answer 1', 'Answer 2');
    expect(brief(text)).toEqual([{ kind: 'basic', front: 'Question line\ncontinues', back: 'Answer 1\nAnswer 2', line: 1 }]);
  });

  it('?? makes both directions', () => {
    const text = note('Front text', '??', 'Back text');
    const cards = parsed(text).cards;
    expect(cards.map((c) => [c.kind, c.front, c.back])).toEqual([
      ['basic', 'Front text', 'Back text'],
      ['reversed', 'Back text', 'Front text'],
    ]);
    expect(new Set(cards.map((c) => c.itemKey)).size).toBe(1);
  });

  it('ends at a blank line', () => {
    const text = note('Q line', '?', 'A line', '', 'Unrelated paragraph.');
    const cards = parsed(text).cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ back: 'A line', line: 1, endLine: 3 });
  });

  it('keeps a code block with blank lines inside the answer', () => {
    const text = note('How do I log twice?', '?', 'Like this:', '```ts', 'console.log(1);', '', 'console.log(2);', '```', 'Done.', '', 'After.');
    const cards = parsed(text).cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      front: 'How do I log twice?',
      back: 'Like this:\n```ts\nconsole.log(1);\n\nconsole.log(2);\n```\nDone.',
      line: 1,
      endLine: 9,
    });
  });

  it('keeps a $$ math block with a blank line inside the answer', () => {
    const text = note('Euler identity', '?', '$$', 'e^{i\\pi} + 1 = 0', '', '$$');
    expect(brief(text)).toEqual([{ kind: 'basic', front: 'Euler identity', back: '$$\ne^{i\\pi} + 1 = 0\n\n$$', line: 1 }]);
  });

  it('a heading right above ? is the front', () => {
    const text = note('## What is a monad?', '?', 'A monoid in the category of endofunctors.');
    expect(brief(text)).toEqual([{ kind: 'basic', front: 'What is a monad?', back: 'A monoid in the category of endofunctors.', line: 1 }]);
  });

  it('a ? with nothing above it is reported, not a card', () => {
    const result = parseNote(note('', '?', 'answer'), 'n.md');
    expect(result.note?.cards).toEqual([]);
    expect(result.warnings).toEqual([{ file: 'n.md', line: 2, message: "'?' has no question above it; ignored" }]);
  });

  it('a ? with no answer below it is reported', () => {
    const result = parseNote(note('Question', '?', '', 'Other'), 'n.md');
    expect(result.note?.cards).toEqual([]);
    expect(result.warnings[0]).toMatchObject({ line: 2 });
  });
});

describe('code and math are never split into cards', () => {
  it(':: inside fenced code, ~~~ fences and $$ blocks is not a card', () => {
    const text = note('```', 'a::b', '```', '', '~~~python', 'c::d', '~~~', '', '$$', 'e::f', '$$', '', 'real::card');
    expect(brief(text)).toEqual([{ kind: 'basic', front: 'real', back: 'card', line: 13 }]);
  });

  it('? and Q: inside code are not card syntax', () => {
    const text = note('Paragraph', '```', '?', 'Q: x', 'A: y', '```');
    const result = parseNote(text, 'n.md');
    expect(result.warnings).toEqual([]);
    expect(result.note?.cards.filter((c) => c.kind === 'basic')).toEqual([]);
  });

  it('an unclosed fence is reported and swallows the rest of the note', () => {
    const result = parseNote(note('```', 'a::b'), 'n.md');
    expect(result.note?.cards).toEqual([]);
    expect(result.warnings).toEqual([{ file: 'n.md', line: 1, message: 'code fence opened here is never closed' }]);
  });
});

describe('Q: / A: pairs', () => {
  it('makes a basic card; A: continues to a blank line or the next Q:', () => {
    const text = note('Q: What is X?', 'A: X is a thing', 'that continues.', 'Q: Second?', 'A: Yes indeed', '', 'Not an answer.');
    expect(brief(text)).toEqual([
      { kind: 'basic', front: 'What is X?', back: 'X is a thing\nthat continues.', line: 1 },
      { kind: 'basic', front: 'Second?', back: 'Yes indeed', line: 4 },
    ]);
  });

  it('a Q: without A: is reported', () => {
    const result = parseNote(note('Q: lonely question', '', 'text'), 'n.md');
    expect(result.note?.cards).toEqual([]);
    expect(result.warnings).toEqual([{ file: 'n.md', line: 1, message: "'Q:' has no 'A:' after it; no card made" }]);
  });

  it('accepts **Q:** / **A:**', () => {
    expect(brief(note('**Q:** Why?', '**A:** Because.'))).toEqual([{ kind: 'basic', front: 'Why?', back: 'Because.', line: 1 }]);
  });
});

describe('deck tags', () => {
  it('#flashcards/a/b sets deckPath a::b for the note and is cut from card text', () => {
    const cards = parsed(note('#flashcards/bio/cells', '', 'cell::unit of life #flashcards/bio/cells')).cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ front: 'cell', back: 'unit of life', deckPath: 'bio::cells' });
  });

  it('a deck tag on a card line wins over the note tag', () => {
    const cards = parsed(note('#flashcards/bio', '', 'atom::smallest unit #flashcards/chem', 'cell::unit of life')).cards;
    expect(cards.map((c) => [c.front, c.deckPath])).toEqual([['atom', 'chem'], ['cell', 'bio']]);
  });

  it('a bare #flashcards gives no deckPath', () => {
    const cards = parsed(note('#flashcards', 'front::back')).cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]?.deckPath).toBeUndefined();
  });

  it('frontmatter tags can name the deck', () => {
    const cards = parsed(note('---', 'tags: [flashcards/lang/rust]', '---', 'borrow::a reference')).cards;
    expect(cards[0]?.deckPath).toBe('lang::rust');
  });
});

describe('runnable examples', () => {
  it('a ts example fence in the back sets card.example and becomes a plain ts fence', () => {
    const text = note('How do you add in TS?', '?', 'Use +:', '```ts example', 'export const two = 1 + 1;', '```');
    const cards = parsed(text).cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      back: 'Use +:\n```ts\nexport const two = 1 + 1;\n```',
      example: { lang: 'ts', code: 'export const two = 1 + 1;', line: 4 },
    });
  });

  it('typescript example / js example / javascript example are understood', () => {
    const langs = ['typescript example', 'js example', 'javascript example'].map((info) => {
      const cards = parsed(note('Question', '?', `\`\`\`${info}`, 'let a = 1;', '```')).cards;
      return [cards[0]?.example?.lang, cards[0]?.back.split('\n')[0]];
    });
    expect(langs).toEqual([['ts', '```ts'], ['js', '```js'], ['js', '```js']]);
  });

  it('an ordinary fence is no example', () => {
    const cards = parsed(note('Question', '?', '```ts', 'let a = 1;', '```')).cards;
    expect(cards[0]?.example).toBeUndefined();
    expect(cards[0]?.back).toBe('```ts\nlet a = 1;\n```');
  });

  it('example line numbers count frontmatter lines', () => {
    const cards = parsed(note('---', 'deck: x', '---', 'Question', '?', '```js example', 'f();', '```')).cards;
    expect(cards[0]?.example).toEqual({ lang: 'js', code: 'f();', line: 6 });
  });
});

describe('comments', () => {
  it('SR scheduling comments and %% comments are not card text', () => {
    const text = note('front::back <!--SR:!2024-01-01,3,250-->', 'Q text', '%% private %%', '?', 'A text');
    expect(brief(text)).toEqual([
      { kind: 'basic', front: 'front', back: 'back', line: 1 },
      { kind: 'basic', front: 'Q text', back: 'A text', line: 2 },
    ]);
  });
});

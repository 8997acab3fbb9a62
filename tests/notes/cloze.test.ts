import { describe, expect, it } from 'vitest';
import { brief, note, parsed } from './helpers.js';

describe('cloze deletions', () => {
  it('==a== and ==b== on one line give two cards, each hiding its own highlight', () => {
    const cards = parsed('The capital of ==France== is ==Paris==.').cards;
    expect(cards.map(({ kind, front, back, line }) => ({ kind, front, back, line }))).toEqual([
      { kind: 'cloze', front: 'The capital of [...] is Paris.', back: 'The capital of **France** is Paris.', line: 1 },
      { kind: 'cloze', front: 'The capital of France is [...].', back: 'The capital of France is **Paris**.', line: 1 },
    ]);
    expect(cards[0]?.itemKey).toBe(cards[1]?.itemKey);
  });

  it('{{c1::}} and {{c2::}} give one card per number; a hint replaces [...]', () => {
    expect(brief('{{c1::Canberra}} is the capital of {{c2::Australia::country}}.')).toEqual([
      { kind: 'cloze', front: '[...] is the capital of Australia.', back: '**Canberra** is the capital of Australia.', line: 1 },
      { kind: 'cloze', front: 'Canberra is the capital of [country].', back: 'Canberra is the capital of **Australia**.', line: 1 },
    ]);
  });

  it('{{c1::a}} {{c1::b}} (same number) is one card hiding both', () => {
    expect(brief('{{c1::Fe}} and {{c1::Cu}} are metals.')).toEqual([
      { kind: 'cloze', front: '[...] and [...] are metals.', back: '**Fe** and **Cu** are metals.', line: 1 },
    ]);
  });

  it('a cloze card is the whole paragraph; each list item is its own', () => {
    const text = note('Water boils at', '==100 °C== at sea level.', '', '- H2O is ==water==', '- NaCl is ==salt==');
    expect(brief(text)).toEqual([
      { kind: 'cloze', front: 'Water boils at\n[...] at sea level.', back: 'Water boils at\n**100 °C** at sea level.', line: 1 },
      { kind: 'cloze', front: 'H2O is [...]', back: 'H2O is **water**', line: 4 },
      { kind: 'cloze', front: 'NaCl is [...]', back: 'NaCl is **salt**', line: 5 },
    ]);
  });

  it('=== and == with spaces inside are not highlights', () => {
    const cards = parsed(note('`a == b` is equality; a === b is strict.', 'x == y == z')).cards;
    expect(cards.filter((c) => c.kind === 'cloze')).toEqual([]);
  });

  it('**bold** is not a cloze in an untagged note', () => {
    const cards = parsed('The **mitochondria** is the powerhouse of the cell.').cards;
    expect(cards.filter((c) => c.kind === 'cloze')).toEqual([]);
  });

  it('**bold** is a cloze with `cloze: bold` in frontmatter', () => {
    expect(brief(note('---', 'cloze: bold', '---', 'The **mitochondria** is the powerhouse.'))).toEqual([
      { kind: 'cloze', front: 'The [...] is the powerhouse.', back: 'The **mitochondria** is the powerhouse.', line: 4 },
    ]);
  });

  it('**bold** is a cloze in a note tagged #cloze', () => {
    expect(brief(note('#cloze', 'The **mitochondria** is the powerhouse.'))).toEqual([
      { kind: 'cloze', front: 'The [...] is the powerhouse.', back: 'The **mitochondria** is the powerhouse.', line: 2 },
    ]);
  });

  it('a paragraph that becomes a ? card is not also read for clozes', () => {
    expect(brief(note('What is ==this==?', '?', 'A highlight.'))).toEqual([
      { kind: 'basic', front: 'What is ==this==?', back: 'A highlight.', line: 1 },
    ]);
  });
});

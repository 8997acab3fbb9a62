import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';

const FIXTURE = new URL('../fixtures/notes/sr-plugin-style.md', import.meta.url);

describe('a note written for the Spaced Repetition plugin', () => {
  const result = parseNote(readFileSync(FIXTURE, 'utf8'), 'sr-plugin-style.md');

  it('keeps frontmatter data and reports nothing', () => {
    expect(result.warnings).toEqual([]);
    expect(result.note).toMatchObject({
      deck: 'TypeScript',
      tags: ['ts', 'flashcards/programming/ts'],
      options: { source: 'handbook' },
    });
  });

  it('gives exactly its explicit cards, at their file lines, in the frontmatter deck (which wins over the deck tag)', () => {
    const cards = result.note?.cards ?? [];
    expect(cards.map(({ kind, front, back, line, endLine, breadcrumb }) => ({ kind, front, back, line, endLine, breadcrumb }))).toEqual([
      { kind: 'basic', front: 'What does `unknown` mean', back: 'a type-safe `any`', line: 10, endLine: 10, breadcrumb: ['TypeScript basics', 'Types'] },
      { kind: 'basic', front: 'Structural typing', back: 'types compatible by shape, not by name', line: 11, endLine: 11, breadcrumb: ['TypeScript basics', 'Types'] },
      { kind: 'reversed', front: 'types compatible by shape, not by name', back: 'Structural typing', line: 11, endLine: 11, breadcrumb: ['TypeScript basics', 'Types'] },
      {
        kind: 'basic',
        front: 'How do you narrow a union?',
        back: "With a type guard:\n```ts\nfunction isString(x: unknown): x is string {\n  return typeof x === 'string';\n}\n\nexport const ok = isString('a');\n```",
        line: 13,
        endLine: 22,
        breadcrumb: ['TypeScript basics', 'Types'],
      },
      {
        kind: 'cloze',
        front: 'The [...] operator checks a value against a type without widening it.',
        back: 'The **satisfies** operator checks a value against a type without widening it.',
        line: 26,
        endLine: 26,
        breadcrumb: ['TypeScript basics', 'Syntax'],
      },
      {
        kind: 'cloze',
        front: 'The satisfies operator checks a value against a type without [...] it.',
        back: 'The satisfies operator checks a value against a type without **widening** it.',
        line: 26,
        endLine: 26,
        breadcrumb: ['TypeScript basics', 'Syntax'],
      },
      {
        kind: 'basic',
        front: 'What does `as const` do?',
        back: 'Makes literals readonly\nand keeps their literal types.',
        line: 28,
        endLine: 30,
        breadcrumb: ['TypeScript basics', 'Syntax'],
      },
    ]);
    for (const card of cards) {
      expect(card.deckPath).toBeUndefined();
      expect(card.tags).toEqual(['ts', 'flashcards/programming/ts']);
    }
    expect(cards[3]?.example).toEqual({
      lang: 'ts',
      code: "function isString(x: unknown): x is string {\n  return typeof x === 'string';\n}\n\nexport const ok = isString('a');",
      line: 16,
    });
    expect(new Set(cards.map((c) => c.itemKey)).size).toBe(5);
    expect(cards.map((c) => c.srSchedule)).toEqual(['!2024-03-01,4,270', undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

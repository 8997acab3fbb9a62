import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
import { note, parsed } from './helpers.js';

describe('example: lines attach an example file to the card above', () => {
  it('attaches to a one-line card and stays out of its answer', () => {
    const cards = parsed(note(
      'What does tensor fusion compute?::The outer product of [x_A, 1] and [x_B, 1].',
      'example: examples/tensor-fusion.ts',
      '',
      'What is late fusion?::Combining the unimodal decisions.',
    )).cards;
    expect(cards[0]?.exampleFile).toEqual({ path: 'examples/tensor-fusion.ts', line: 2 });
    expect(cards[0]?.back).not.toContain('example:');
    expect(cards[1]?.exampleFile).toBeUndefined();
  });

  it('ends a multi-line card, so the line is never part of the answer', () => {
    const cards = parsed(note(
      'How does gated fusion mix two vectors?',
      '?',
      'A learned gate g weighs them:',
      'z = g x_A + (1 - g) x_B',
      'example: `examples/gated-fusion.ts`',
    )).cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]?.back).toBe('A learned gate g weighs them:\nz = g x_A + (1 - g) x_B');
    expect(cards[0]?.exampleFile?.path).toBe('examples/gated-fusion.ts');
  });

  it('gives the file to both sides of a two-way card', () => {
    const cards = parsed(note('Dynamic time warping:::Aligns two sequences by a cheapest monotone path', 'example: examples/dtw.ts')).cards;
    expect(cards).toHaveLength(2);
    expect(cards.every((c) => c.exampleFile?.path === 'examples/dtw.ts')).toBe(true);
  });

  it('warns, with the line, when the line is under no card', () => {
    const result = parseNote(note('# Fusion', '', 'example: examples/x.ts', '', 'Q one?::A one.'), 'n.md');
    expect(result.note?.cards[0]?.exampleFile).toBeUndefined();
    expect(result.warnings).toEqual([{ file: 'n.md', line: 3, message: expect.stringMatching(/not directly under a card/) }]);
  });

  it('keeps a fenced example over a file reference and says so', () => {
    const result = parseNote(note('Q two?', '?', 'Answer.', '```ts example', 'console.log(1)', '```', 'example: examples/x.ts'), 'n.md');
    const card = result.note?.cards[0];
    expect(card?.example?.code).toBe('console.log(1)');
    expect(card?.exampleFile).toBeUndefined();
    expect(result.warnings.map((p) => p.line)).toEqual([7]);
  });

  it('does not read example: lines inside code fences', () => {
    const cards = parsed(note('What does this YAML set?', '?', '```yaml', 'example: examples/x.ts', '```')).cards;
    expect(cards[0]?.back).toContain('example: examples/x.ts');
    expect(cards[0]?.exampleFile).toBeUndefined();
  });

  it('applies a frontmatter example to every card without one', () => {
    const cards = parsed(note('---', 'example: examples/all.ts', '---', 'Q one?::A one.', 'Q two?::A two.', 'example: examples/two.ts')).cards;
    expect(cards.map((c) => c.exampleFile)).toEqual([{ path: 'examples/all.ts', line: 2 }, { path: 'examples/two.ts', line: 6 }]);
  });
});

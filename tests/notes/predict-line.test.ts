import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
import { note, parsed } from './helpers.js';

describe('predict: lines make predict-the-output cards', () => {
  it('attaches the file like example: and makes the card kind output; the line stays out of the answer', () => {
    const cards = parsed(note(
      'What does the gate print for z = 1?::About 0.73, the sigmoid of 1.',
      'predict: `examples/predict-gate.ts`',
      '',
      'What is late fusion?::Combining the unimodal decisions.',
      'example: examples/late.ts',
    )).cards;
    expect(cards[0]).toMatchObject({ kind: 'output', exampleFile: { path: 'examples/predict-gate.ts', line: 2, predict: true } });
    expect(cards[0]?.back).toBe('About 0.73, the sigmoid of 1.');
    expect(cards[1]?.kind).not.toBe('output');
    expect(cards[1]?.exampleFile).toEqual({ path: 'examples/late.ts', line: 5 });
  });

  it('a predict: line under no card is a warning naming the predict: line', () => {
    const { warnings } = parseNote(note('Some prose.', '', 'predict: examples/x.ts'), 'n.md');
    expect(warnings).toContainEqual(expect.objectContaining({ file: 'n.md', line: 3, message: expect.stringMatching(/^'predict:' line is not directly under a card/) }));
  });
});

import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
import { excerptLines, formatLineRanges, parseLineRanges } from '../../src/notes/example-refs.js';
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

  it('#L… after the path chooses the lines the front shows; the path is read without it', () => {
    const cards = parsed(note(
      'What does the gate print?::0.73',
      'predict: examples/gate.ts#L3-L12',
      '',
      'And the table?::0 2 4',
      'predict: `examples/dtw.ts#L1-L2, L16-L18`',
    )).cards;
    expect(cards[0]?.exampleFile).toEqual({ path: 'examples/gate.ts', line: 2, predict: true, shown: [{ from: 3, to: 12 }] });
    expect(cards[1]?.exampleFile?.shown).toEqual([{ from: 1, to: 2 }, { from: 16, to: 18 }]);
  });

  it.each([
    ['L5-L3', /'L5-L3' ends before it starts/],
    ['L0-L2', /lines count from 1/],
    ['L2-L6,L4-L8', /'L4-L8' overlaps or comes before L6/],
    ['lines 3 to 5', /is not a line range: write #L3-L12/],
    ['', /is not a line range/],
  ])('a bad range #%s is a warning at the predict: line, and the card shows the whole file', (fragment, message) => {
    const result = parseNote(note('# Gate', '', 'What does the gate print?::0.73', `predict: examples/gate.ts#${fragment}`), 'n.md');
    expect(result.warnings).toContainEqual({ file: 'n.md', line: 4, message: expect.stringMatching(message) });
    expect(result.note?.cards[0]?.exampleFile).toEqual({ path: 'examples/gate.ts', line: 4, predict: true });
  });

  it('a range on an example: line is a warning: nothing of an example is shown on the front', () => {
    const result = parseNote(note('What is late fusion?::Summing decisions.', 'example: examples/late.ts#L2'), 'n.md');
    expect(result.warnings).toContainEqual(expect.objectContaining({ line: 2, message: expect.stringMatching(/only chooses what a predict: card shows/) }));
    expect(result.note?.cards[0]?.exampleFile).toEqual({ path: 'examples/late.ts', line: 2 });
  });
});

describe('line ranges and excerpts', () => {
  it('parses single lines and ranges, and formats them back canonically', () => {
    const read = parseLineRanges('l2, L4-L6,L9');
    expect(read).toEqual({ ok: true, ranges: [{ from: 2, to: 2 }, { from: 4, to: 6 }, { from: 9, to: 9 }] });
    expect(read.ok && formatLineRanges(read.ranges)).toBe('L2,L4-L6,L9');
  });

  it('an excerpt marks every left-out stretch with // … and removes the indentation each stretch shares', () => {
    const code = ['a', 'b', '  c', '    d', '  e', 'f'].join('\n') + '\n';
    expect(excerptLines(code, [{ from: 3, to: 5 }])).toBe(['// …', 'c', '  d', 'e', '// …'].join('\n'));
    expect(excerptLines(code, [{ from: 1, to: 1 }, { from: 6, to: 6 }])).toBe(['a', '// …', 'f'].join('\n'));
    expect(excerptLines(code, [{ from: 1, to: 1 }, { from: 4, to: 4 }])).toBe(['a', '// …', 'd', '// …'].join('\n'));
    expect(excerptLines(code, [{ from: 1, to: 6 }])).toBe(code.trimEnd());
  });

  it('leaves out a stretch of only blank lines and closing brackets without a marker', () => {
    const code = ['function f() {', '  return 1;', '}', '', 'f();', '  });', ''].join('\n');
    expect(excerptLines(code, [{ from: 1, to: 2 }, { from: 5, to: 5 }])).toBe(['function f() {', '  return 1;', 'f();'].join('\n'));
  });
});

/** The Markdown renderer's parts on their own: entities, display-math blocks, table layout. */
import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities } from '../../src/tui/render/entities.js';
import { matchMathBlock, mathBlockStart } from '../../src/tui/render/math-blocks.js';
import { drawTable, fitColumns } from '../../src/tui/render/table-layout.js';
import { visibleWidth } from '../../src/tui/render/text-width.js';

const plain = { border: (t: string) => t, tableHead: (t: string) => t };

describe('entities', () => {
  it('decodes named and numeric references, and never lets one make a control character', () => {
    expect(decodeEntities('a &amp; b &rarr; c &#955; &#x3bb; &unknown;')).toBe('a & b → c λ λ &unknown;');
    expect(decodeEntities('&#xD800; &#0;')).toBe('\uFFFD \uFFFD');
    expect(cleanText('&#27;[2Jx\tz')).not.toMatch(/[\u001b\t]/);
  });
});

describe('display math blocks', () => {
  it('match from $$ to a $$ ending its line, not across a blank line', () => {
    expect(matchMathBlock('$$\nx^2\n$$\nafter')).toEqual({ raw: '$$\nx^2\n$$\n', text: '\nx^2\n' });
    expect(matchMathBlock('$$\nx^2\n\n$$\n')).toBeNull();
    expect(matchMathBlock('$$ $$')).toBeNull();
  });

  it('interrupt a paragraph only where a block will match', () => {
    expect(mathBlockStart('text\n$$a$$\nmore')).toBe(5);
    expect(mathBlockStart('text\n$$ a lone opener')).toBe(-1);
  });
});

describe('table layout', () => {
  it('keeps narrow columns and shares the rest among wide ones', () => {
    expect(fitColumns([3, 40, 40], 50)).toEqual([3, 23, 24]);
    expect(fitColumns([3, 4], 50)).toEqual([3, 4]);
  });

  it('draws every line within the width, wrapping cells', () => {
    const lines = drawTable({ head: ['a', 'long header'], rows: [['1', 'a cell with several words in it']], align: [null, 'right'] }, 24, plain);
    expect(lines[0]!.startsWith('┌')).toBe(true);
    expect(lines.at(-1)!.startsWith('└')).toBe(true);
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(24);
    expect(drawTable({ head: [], rows: [], align: [] }, 24, plain)).toEqual([]);
  });
});

/** The test sequencer spreads the real-terminal files through the first half of their project. */
import { describe, expect, it } from 'vitest';
import { spreadOut } from '../setup/sequencer.js';

const isT = (name: string) => name.startsWith('t');

describe('spreadOut', () => {
  it('keeps every item once, the others in their order, the spread ones in theirs', () => {
    const items = ['a1', 't1', 'a2', 't2', 'a3', 'a4', 't3', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11', 'a12'];
    const out = spreadOut(items, isT);
    expect([...out].sort()).toEqual([...items].sort());
    expect(out.filter((x) => !isT(x))).toEqual(items.filter((x) => !isT(x)));
    expect(out.filter(isT)).toEqual(['t1', 't2', 't3']);
  });

  it('never puts two spread items side by side, and places them all in the first half', () => {
    const rest = Array.from({ length: 40 }, (_, i) => `a${i}`);
    const out = spreadOut([...['t1', 't2', 't3', 't4', 't5'], ...rest], isT);
    const at = out.flatMap((x, i) => (isT(x) ? [i] : []));
    expect(at).toHaveLength(5);
    for (let k = 1; k < at.length; k++) expect(at[k]! - at[k - 1]!).toBeGreaterThan(1);
    expect(Math.max(...at)).toBeLessThan(out.length / 2);
  });

  it('with more spread items than gaps, puts the rest at the end; with none, changes nothing', () => {
    expect(spreadOut(['t1', 't2', 't3', 'a1'], isT)).toEqual(['t1', 'a1', 't2', 't3']);
    expect(spreadOut(['a1', 'a2'], isT)).toEqual(['a1', 'a2']);
  });
});

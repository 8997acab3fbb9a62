/**
 * Found in a real vault (FlavRomano/ai-flashcards): answers that go on with a sentence starting
 * "Example:" were read as `example: PATH` references and failed the import. Only a file name is a
 * reference: one word (or quoted) ending in an extension, without math.
 */
import { describe, expect, it } from 'vitest';
import { readExampleLine, readPredictLine } from '../../src/notes/example-refs.js';

describe('example: lines', () => {
  it('a sentence starting "Example:" is text, not a reference', () => {
    expect(readExampleLine('Example: $X = f(Parents(X))$.')).toBeNull();
    expect(readExampleLine('Example: $P(Damage | Accident, Use)$. If $Accident=True$, the variable $Use$ might become irrelevant.')).toBeNull();
    expect(readExampleLine('example: see the slides')).toBeNull();
    expect(readPredictLine('Predict: the output grows.')).toBeNull();
  });

  it('a file name is a reference, quoted ones may hold spaces, and a wrong extension still is one (the import says why it is refused)', () => {
    expect(readExampleLine('example: examples/tensor-fusion.ts')).toBe('examples/tensor-fusion.ts');
    expect(readExampleLine('example: "my examples/a b.ts"')).toBe('my examples/a b.ts');
    expect(readExampleLine('example: `x.js`')).toBe('x.js');
    expect(readExampleLine('example: script.py')).toBe('script.py');
    expect(readPredictLine('predict: examples/predict/sigmoid-gate.ts')).toBe('examples/predict/sigmoid-gate.ts');
  });
});

// M2Lens-style reading of how two modalities contribute to one prediction.
// Each modality's contribution is a vector (e.g. its share of the class logits, cA = WA xA).
//   dominance:   one contribution is much larger than the other  (|cA| >= k |cB| or the reverse)
//   complement:  otherwise, and they point the same way          (cA . cB > 0)
//   conflict:    otherwise, and they point opposite ways          (cA . cB < 0)
// Dominance: one modality decides. Complement: both needed, and they agree. Conflict: they disagree.

export type Interaction = 'dominance A' | 'dominance B' | 'complement' | 'conflict';

export const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);
export const norm = (v: number[]): number => Math.sqrt(dot(v, v));
export const matvec = (W: number[][], x: number[]): number[] => W.map((row) => dot(row, x));

/** How much larger one contribution's norm must be to count as dominant. */
export const DOMINANCE_RATIO = 3;

export function classifyInteraction(cA: number[], cB: number[], ratio = DOMINANCE_RATIO): Interaction {
  const nA = norm(cA), nB = norm(cB);
  if (nA >= ratio * nB) return 'dominance A';
  if (nB >= ratio * nA) return 'dominance B';
  return dot(cA, cB) >= 0 ? 'complement' : 'conflict';
}

/** Index of the largest entry: the predicted class. */
export const argmax = (v: number[]): number => v.reduce((best, x, i) => (x > v[best]! ? i : best), 0);

const vec = (v: number[]): string => '[' + v.map((x) => x.toFixed(1).padStart(4)).join(',') + ']';

export function main(): void {
  // a late-fusion sentiment head: logits = WA xA + WB xB over classes (negative, positive)
  const WA = [[-1, 0.5], [1, -0.5]]; // language
  const WB = [[0.5, -1], [-0.5, 1]]; // vision
  const cases: [string, number[], number[]][] = [
    ['"I loved it", neutral face', [4, 0], [0.4, 0.1]],
    ['"great", smiling', [2, 0], [0, 2]],
    ['"great", frowning', [2, 0], [2, 0]],
    ['"ok", beaming', [0.1, 0], [0, 3]],
  ];
  console.log('case'.padEnd(27) + 'cA (lang)    cB (vision)  reading     pred');
  for (const [name, xA, xB] of cases) {
    const cA = matvec(WA, xA), cB = matvec(WB, xB);
    const pred = argmax(cA.map((a, i) => a + cB[i]!)) === 1 ? 'pos' : 'neg';
    console.log(`${name.padEnd(26)} ${vec(cA)}  ${vec(cB)}  ${classifyInteraction(cA, cB).padEnd(11)} ${pred}`);
  }
}

// Additive (late) fusion: one linear term per modality, summed.
//   z = w0 + wA . xA + wB . xB
// This is exactly one linear layer on the concatenation [xA; xB] with weights [wA; wB].
// There is no cross term, so the effect of changing xB does not depend on xA.

export const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);

/** z = w0 + wA . xA + wB . xB: a sum of unimodal linear terms. */
export function additiveFusion(xA: number[], xB: number[], wA: number[], wB: number[], w0: number): number {
  return w0 + dot(wA, xA) + dot(wB, xB);
}

/** The same model written as one linear layer on the concatenation [xA; xB]. */
export function linearOnConcat(xA: number[], xB: number[], wA: number[], wB: number[], w0: number): number {
  return w0 + dot([...wA, ...wB], [...xA, ...xB]);
}

/**
 * The interaction (mixed difference) of a two-input function between the points a0, a1 and b0, b1:
 *   f(a1, b1) - f(a1, b0) - f(a0, b1) + f(a0, b0)
 * It is 0 for every additive function: how much b moves f does not depend on a.
 */
export function mixedDifference<A, B>(f: (a: A, b: B) => number, a0: A, a1: A, b0: B, b1: B): number {
  return f(a1, b1) - f(a1, b0) - f(a0, b1) + f(a0, b0);
}

const fmt = (x: number, d = 2): string => (Math.abs(x) < 0.5 / 10 ** d ? 0 : x).toFixed(d);

export function main(): void {
  const xA = [1, 2]; // modality A (e.g. language)
  const xB = [3, 0, -1]; // modality B (e.g. vision)
  const wA = [0.5, -1];
  const wB = [0.2, 0.1, 1];
  const w0 = 0.3;
  const fuse = (a: number[], b: number[]): number => additiveFusion(a, b, wA, wB, w0);
  console.log('xA =', JSON.stringify(xA), ' xB =', JSON.stringify(xB));
  console.log('additive z        :', fmt(fuse(xA, xB)));
  console.log('linear on [xA;xB] :', fmt(linearOnConcat(xA, xB, wA, wB, w0)));
  // raising xB[0] by 1 moves z by wB[0], whatever xA is
  const bumped = [xB[0]! + 1, xB[1]!, xB[2]!];
  for (const a of [xA, [-5, 7]]) {
    console.log('xA =', JSON.stringify(a), ' effect of xB[0] + 1:', fmt(fuse(a, bumped) - fuse(a, xB)));
  }
  console.log('cross term (mixed difference):', fmt(mixedDifference(fuse, xA, [-5, 7], xB, bumped)));
}

// Multiplicative / bilinear fusion.
//   scalar case:  z = w * xA * xB
//   vector case:  z_k = xA^T W_k xB = sum_ij W_k[i][j] * xA[i] * xB[j]  (one dA x dB matrix per output)
// Every weight multiplies a pair xA[i] * xB[j]: the output is built only from cross-modal
// interaction terms (no unimodal terms, no bias), so the effect of xB depends on xA.

export const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);
export const matvec = (W: number[][], x: number[]): number[] => W.map((row) => dot(row, x));

/** Scalar bilinear fusion w * xA * xB. */
export const scalarBilinear = (w: number, xA: number, xB: number): number => w * xA * xB;

/** One bilinear form xA^T W xB. */
export const bilinear = (xA: number[], W: number[][], xB: number[]): number => dot(xA, matvec(W, xB));

/** Bilinear fusion with one matrix per output unit: z_k = xA^T W_k xB. */
export const bilinearFusion = (xA: number[], Ws: number[][][], xB: number[]): number[] =>
  Ws.map((Wk) => bilinear(xA, Wk, xB));

/** All pairwise products xA[i] * xB[j] (the outer product): the only terms a bilinear form sees. */
export const outer = (xA: number[], xB: number[]): number[][] => xA.map((a) => xB.map((b) => a * b));

/** Weights of bilinear fusion with d outputs: dA * dB per output unit. */
export const bilinearParams = (dA: number, dB: number, d: number): number => dA * dB * d;

const fmt = (x: number, d = 2): string => (Math.abs(x) < 0.5 / 10 ** d ? 0 : x).toFixed(d);
const vec = (v: number[]): string => '[' + v.map((x) => fmt(x)).join(', ') + ']';

export function main(): void {
  // scalar case: the effect of xB is scaled by xA
  const w = 0.5;
  for (const a of [1, 2, -1]) {
    const effect = scalarBilinear(w, a, 3) - scalarBilinear(w, a, 2);
    console.log(`w*xA*xB, xA = ${a}: raising xB from 2 to 3 moves z by ${fmt(effect)}`);
  }
  const xA = [1, 2]; // dA = 2
  const xB = [3, 0, -1]; // dB = 3
  const Ws = [
    [[1, 0, 2], [0, -1, 1]],
    [[0, 1, 0], [1, 0, 0]],
  ]; // 2 output units, each 2 x 3
  console.log('xA =', vec(xA), ' xB =', vec(xB));
  console.log('z_k = xA^T W_k xB :', vec(bilinearFusion(xA, Ws, xB)));
  console.log('pairs xA[i]*xB[j] :', outer(xA, xB).map(vec).join(' '));
  console.log('xB = 0 gives z =', vec(bilinearFusion(xA, Ws, [0, 0, 0])), '(no unimodal terms)');
  console.log('weights: dA*dB*d =', bilinearParams(2, 3, 2));
}

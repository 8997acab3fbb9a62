// Low-rank multimodal fusion (LMF, Liu et al. 2018).
// Tensor fusion maps Z = [xA,1] (outer) [xB,1] to d outputs with a weight tensor W[i][j][k].
// LMF writes that tensor as a sum of r rank-1 pieces built from modality-specific factors:
//   W[i][j][k] = sum_r fA[r][i][k] * fB[r][j][k]
// and then never builds Z or W:
//   h_k = sum_r ([xA,1] . fA[r][:,k]) * ([xB,1] . fB[r][:,k])
// Parameters: full (dA+1)(dB+1)d  vs  low-rank r((dA+1)+(dB+1))d.

/** Factors of one modality: factors[r][i][k], for rank r, input feature i (incl. the 1), output k. */
export type Factors = number[][][];

/** Seeded PRNG (mulberry32): the same seed gives the same numbers in every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random factors of shape rank x (dim+1) x dOut, values in [-1, 1). */
export function randomFactors(rand: () => number, rank: number, dim: number, dOut: number): Factors {
  const m = (n: number, f: () => number[]): number[][] => Array.from({ length: n }, f);
  return Array.from({ length: rank }, () => m(dim + 1, () => Array.from({ length: dOut }, () => 2 * rand() - 1)));
}

/** [x, 1] projected onto column k of one factor matrix. */
const project = (x: number[], F: number[][], k: number): number =>
  [...x, 1].reduce((s, xi, i) => s + xi * F[i]![k]!, 0);

/** Low-rank fusion: h_k = sum_r (proj of [xA,1]) * (proj of [xB,1]); the outer product is never built. */
export function lowRankFusion(xA: number[], xB: number[], fA: Factors, fB: Factors): number[] {
  const dOut = fA[0]![0]!.length;
  return Array.from({ length: dOut }, (_, k) =>
    fA.reduce((s, FA, r) => s + project(xA, FA, k) * project(xB, fB[r]!, k), 0),
  );
}

/** The full weight tensor W[i][j][k] = sum_r fA[r][i][k] * fB[r][j][k] that the factors stand for. */
export function weightTensor(fA: Factors, fB: Factors): number[][][] {
  const rowsA = fA[0]!, rowsB = fB[0]!;
  return rowsA.map((rowA, i) =>
    rowsB.map((_, j) => rowA.map((_, k) => fA.reduce((s, FA, r) => s + FA[i]![k]! * fB[r]![j]![k]!, 0))),
  );
}

/** Full tensor fusion: h_k = sum_ij [xA,1][i] * [xB,1][j] * W[i][j][k]. */
export function fullTensorFusion(xA: number[], xB: number[], W: number[][][]): number[] {
  const zA = [...xA, 1], zB = [...xB, 1];
  const dOut = W[0]![0]!.length;
  return Array.from({ length: dOut }, (_, k) =>
    zA.reduce((s, a, i) => s + zB.reduce((t, b, j) => t + a * b * W[i]![j]![k]!, 0), 0),
  );
}

export const tensorParams = (dA: number, dB: number, d: number): number => (dA + 1) * (dB + 1) * d;
export const lowRankParams = (dA: number, dB: number, d: number, r: number): number => r * (dA + 1 + dB + 1) * d;

const vec = (v: number[]): string => '[' + v.map((x) => x.toFixed(4)).join(', ') + ']';

export function main(): void {
  const xA = [1, 2]; // dA = 2
  const xB = [3, 0, -1]; // dB = 3
  const rank = 2, dOut = 2;
  const rand = mulberry32(42);
  const fA = randomFactors(rand, rank, xA.length, dOut);
  const fB = randomFactors(rand, rank, xB.length, dOut);
  console.log('xA =', JSON.stringify(xA), ' xB =', JSON.stringify(xB), ' rank r =', rank);
  console.log('low-rank output    :', vec(lowRankFusion(xA, xB, fA, fB)));
  console.log('full tensor output :', vec(fullTensorFusion(xA, xB, weightTensor(fA, fB))));
  for (const [dA, dB, d, r] of [[2, 3, 2, 2], [64, 64, 32, 4]] as const) {
    const sizes = `dA=${dA} dB=${dB} d=${d} r=${r}`;
    console.log(`params ${sizes}: full ${tensorParams(dA, dB, d)}, low-rank ${lowRankParams(dA, dB, d, r)}`);
  }
}

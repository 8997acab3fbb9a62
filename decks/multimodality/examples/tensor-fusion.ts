// Tensor fusion (Tensor Fusion Network style).
//   Z = [xA, 1] (outer) [xB, 1]   -> a (dA+1) x (dB+1) matrix
// Appending the 1 keeps everything in one tensor:
//   Z[i][j] = xA[i] * xB[j]  (bimodal block)     Z[i][dB] = xA[i]  (unimodal A)
//   Z[dA][j] = xB[j]         (unimodal B)        Z[dA][dB] = 1     (constant)
// A linear layer on top of Z then needs (dA+1)(dB+1) weights per output unit.

/** The (dA+1) x (dB+1) outer product of [xA, 1] and [xB, 1]. */
export function tensorFusion(xA: number[], xB: number[]): number[][] {
  const zB = [...xB, 1];
  return [...xA, 1].map((a) => zB.map((b) => a * b));
}

/** The four blocks of a tensor-fusion matrix built from vectors of sizes dA and dB. */
export function blocks(Z: number[][], dA: number, dB: number) {
  return {
    bimodal: Z.slice(0, dA).map((row) => row.slice(0, dB)),
    unimodalA: Z.slice(0, dA).map((row) => row[dB]!),
    unimodalB: Z[dA]!.slice(0, dB),
    constant: Z[dA]![dB]!,
  };
}

/** Weights of a linear layer with d outputs on top of tensor fusion. */
export const tensorFusionParams = (dA: number, dB: number, d: number): number => (dA + 1) * (dB + 1) * d;

const row = (v: number[]): string => v.map((x) => x.toFixed(1).padStart(5)).join('');

export function main(): void {
  const xA = [1, 2]; // dA = 2
  const xB = [3, 0, -1]; // dB = 3
  const Z = tensorFusion(xA, xB);
  console.log('xA =', JSON.stringify(xA), ' xB =', JSON.stringify(xB));
  console.log('Z = [xA, 1] (x) [xB, 1]:');
  for (const r of Z) console.log('  ' + row(r));
  console.log('entries (dA+1)(dB+1):', Z.flat().length);
  const b = blocks(Z, xA.length, xB.length);
  console.log('bimodal block xA xB^T:', b.bimodal.map((r) => '[' + row(r) + ' ]').join(''));
  console.log('last column  = xA    :', JSON.stringify(b.unimodalA));
  console.log('last row     = xB    :', JSON.stringify(b.unimodalB));
  console.log('corner       = 1     :', b.constant);
  console.log('weights for 4 outputs:', tensorFusionParams(2, 3, 4));
}

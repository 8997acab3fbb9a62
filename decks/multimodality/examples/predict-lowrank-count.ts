// Predict the output: weights of tensor fusion vs rank-r low-rank fusion
// (two modalities of sizes dA and dB, output size d).
const tensor = (dA: number, dB: number, d: number): number =>
  (dA + 1) * (dB + 1) * d;
const lowRank = (dA: number, dB: number, d: number, r: number): number =>
  r * ((dA + 1) + (dB + 1)) * d;

export function main(): void {
  const dA = 9, dB = 9, d = 1, r = 2;
  console.log('tensor:', tensor(dA, dB, d));
  console.log('low-rank:', lowRank(dA, dB, d, r));
}

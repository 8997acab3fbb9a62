// Predict the output: additive fusion of one vector per modality.
const dot = (u: number[], v: number[]): number =>
  u.reduce((s, ui, i) => s + ui * v[i]!, 0);

export function main(): void {
  const xA = [1, 2], wA = [0.5, 1];
  const xB = [3], wB = [2];
  const w0 = 1;
  console.log('z =', w0 + dot(wA, xA) + dot(wB, xB));
}

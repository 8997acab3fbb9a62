// Predict the output: rank-1 low-rank fusion of two scalars. Each modality, extended with a 1,
// is projected by its own factor; the two projections are multiplied.
const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);

export function main(): void {
  const xA = 2, xB = 3;
  const fA = [1, 1]; // applied to [xA, 1]
  const fB = [1, -1]; // applied to [xB, 1]
  console.log('z =', dot(fA, [xA, 1]) * dot(fB, [xB, 1]));
}

// Predict the output: M2Lens-style labels for two modality contributions cA and cB.
const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);
const norm = (v: number[]): number => Math.sqrt(dot(v, v));

function label(cA: number[], cB: number[]): string {
  if (norm(cA) >= 3 * norm(cB)) return 'dominance A';
  if (norm(cB) >= 3 * norm(cA)) return 'dominance B';
  return dot(cA, cB) >= 0 ? 'complement' : 'conflict';
}

export function main(): void {
  console.log(label([1, 2], [2, 1]));
  console.log(label([1, 2], [-2, -1]));
  console.log(label([6, 8], [1, 0]));
}

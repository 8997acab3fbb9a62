// Gated fusion: a gate computed from both modalities mixes them feature by feature.
//   g = sigmoid(Wg [xA; xB] + bg)          each g_k in (0, 1)
//   z = g * xA + (1 - g) * xB              (element-wise)
// g_k near 1: feature k comes from modality A; near 0: from modality B.

export const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));
export const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);

/** g = sigmoid(Wg [xA; xB] + bg): one gate value per feature. */
export function gate(xA: number[], xB: number[], Wg: number[][], bg: number[]): number[] {
  const cat = [...xA, ...xB];
  return Wg.map((row, k) => sigmoid(dot(row, cat) + bg[k]!));
}

/** z = g * xA + (1 - g) * xB for a given gate. */
export const mix = (g: number[], xA: number[], xB: number[]): number[] =>
  g.map((gk, k) => gk * xA[k]! + (1 - gk) * xB[k]!);

/** Gated fusion: compute the gate from both inputs, then mix. */
export function gatedFusion(xA: number[], xB: number[], Wg: number[][], bg: number[]): { g: number[]; z: number[] } {
  const g = gate(xA, xB, Wg, bg);
  return { g, z: mix(g, xA, xB) };
}

const vec = (v: number[]): string => '[' + v.map((x) => x.toFixed(3)).join(', ') + ']';

export function main(): void {
  const xA = [1, 2];
  const xB = [-1, 4];
  const Wg = [
    [0.5, 0, -0.5, 0],
    [0, 1, 0, -1],
  ];
  const bg = [0, 0];
  const { g, z } = gatedFusion(xA, xB, Wg, bg);
  console.log('xA =', vec(xA), ' xB =', vec(xB));
  console.log('gate g = sigmoid(Wg [xA; xB] + bg):', vec(g));
  console.log('z = g*xA + (1-g)*xB               :', vec(z));
  console.log('feature 0 leans on', g[0]! > 0.5 ? 'A' : 'B', '| feature 1 leans on', g[1]! > 0.5 ? 'A' : 'B');
  console.log('gate all 1 ->', vec(mix([1, 1], xA, xB)), '= xA');
  console.log('gate all 0 ->', vec(mix([0, 0], xA, xB)), '= xB');
}

// Gated fusion as in the Gated Multimodal Unit (Arevalo et al., 2017): each modality is first
// projected and squashed, then a gate computed from both raw inputs mixes the projections.
//   hA = tanh(WA xA),  hB = tanh(WB xB)     each feature in (-1, 1), same size for both
//   g  = sigmoid(Wg [xA; xB] + bg)          each g_k in (0, 1)
//   z  = g * hA + (1 - g) * hB              (element-wise)
// g_k near 1: feature k comes from modality A; near 0: from modality B.

export const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));
export const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);

/** h = tanh(W x): a modality's projection to the fused size. */
export const project = (W: number[][], x: number[]): number[] => W.map((row) => Math.tanh(dot(row, x)));

/** g = sigmoid(Wg [xA; xB] + bg): one gate value per feature. */
export function gate(xA: number[], xB: number[], Wg: number[][], bg: number[]): number[] {
  const cat = [...xA, ...xB];
  return Wg.map((row, k) => sigmoid(dot(row, cat) + bg[k]!));
}

/** z = g * hA + (1 - g) * hB for a given gate. */
export const mix = (g: number[], hA: number[], hB: number[]): number[] =>
  g.map((gk, k) => gk * hA[k]! + (1 - gk) * hB[k]!);

export interface GatedWeights {
  WA: number[][];
  WB: number[][];
  Wg: number[][];
  bg: number[];
}

/** The Gated Multimodal Unit: project each input with tanh, compute the gate from both inputs, mix. */
export function gatedFusion(xA: number[], xB: number[], w: GatedWeights): { hA: number[]; hB: number[]; g: number[]; z: number[] } {
  const hA = project(w.WA, xA);
  const hB = project(w.WB, xB);
  const g = gate(xA, xB, w.Wg, w.bg);
  return { hA, hB, g, z: mix(g, hA, hB) };
}

const vec = (v: number[]): string => '[' + v.map((x) => x.toFixed(3)).join(', ') + ']';

export function main(): void {
  const xA = [1, 2];
  const xB = [-1, 4, 0.5]; // the modalities may differ in size: the projections align them
  const w: GatedWeights = {
    WA: [[0.5, 0], [0, 0.5]],
    WB: [[0.5, 0, 0], [0, 0.5, 0]],
    Wg: [[0.5, 0, -0.5, 0, 0], [0, 1, 0, -1, 0]],
    bg: [0, 0],
  };
  const { hA, hB, g, z } = gatedFusion(xA, xB, w);
  console.log('xA =', vec(xA), ' xB =', vec(xB));
  console.log('hA = tanh(WA xA):', vec(hA), ' hB = tanh(WB xB):', vec(hB));
  console.log('gate g = sigmoid(Wg [xA; xB] + bg):', vec(g));
  console.log('z = g*hA + (1-g)*hB:', vec(z));
  console.log('feature 0 leans on', g[0]! > 0.5 ? 'A' : 'B', '| feature 1 leans on', g[1]! > 0.5 ? 'A' : 'B');
  console.log('gate all 1 ->', vec(mix([1, 1], hA, hB)), '= hA');
  console.log('gate all 0 ->', vec(mix([0, 0], hA, hB)), '= hB');
}

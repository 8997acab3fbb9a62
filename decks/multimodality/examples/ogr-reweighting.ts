// Overfitting-to-generalization ratio (OGR) and Gradient-Blending weights
// (Wang, Tran & Feiszli, "What Makes Training Multi-modal Classification Networks Hard?", CVPR 2020).
// Between two checkpoints N and N+n of one (unimodal or fused) head:
//   overfitting  O = valLoss - trainLoss               dO = O(N+n) - O(N)
//   generalization gain                                dG = valLoss(N) - valLoss(N+n)
//   OGR = |dO / dG|            (lower is better: more generalization per unit of overfitting)
// Gradient-Blending weights each head's loss by   w_k = (dG_k / dO_k^2) / Z,  Z = sum of those,
// so a head that generalizes more and overfits less gets a larger share of the loss. The weight
// is not a function of OGR alone: dG / dO^2 = 1 / (OGR * |dO|), so of two heads with the same
// OGR the one whose gap grew less gets more, and the lowest OGR need not get the largest weight.

export interface Checkpoint {
  trainLoss: number;
  valLoss: number;
}
export interface Head {
  name: string;
  before: Checkpoint; // at checkpoint N
  after: Checkpoint; // at checkpoint N + n
}

export const overfitting = (c: Checkpoint): number => c.valLoss - c.trainLoss;
export const deltaO = (h: Head): number => overfitting(h.after) - overfitting(h.before);
export const deltaG = (h: Head): number => h.before.valLoss - h.after.valLoss;
export const ogr = (h: Head): number => Math.abs(deltaO(h) / deltaG(h));

/**
 * Gradient-Blending weights, normalised to sum to 1. A head whose validation loss got worse
 * (dG <= 0) gets weight 0; a tiny epsilon keeps dO = 0 from dividing by zero.
 */
export function blendWeights(heads: Head[], epsilon = 1e-8): number[] {
  const raw = heads.map((h) => Math.max(0, deltaG(h)) / (deltaO(h) ** 2 + epsilon));
  const Z = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => (Z > 0 ? x / Z : 1 / heads.length));
}

/** The blended training loss sum_k w_k * L_k over the heads' training losses. */
export const blendedLoss = (weights: number[], losses: number[]): number =>
  weights.reduce((s, w, k) => s + w * losses[k]!, 0);

export const EXAMPLE_HEADS: Head[] = [
  // video generalizes steadily: validation loss falls almost as fast as training loss
  { name: 'video', before: { trainLoss: 1.2, valLoss: 1.4 }, after: { trainLoss: 0.85, valLoss: 1.15 } },
  // audio overfits: training loss falls much faster than validation loss
  { name: 'audio', before: { trainLoss: 1.5, valLoss: 1.7 }, after: { trainLoss: 1.0, valLoss: 1.5 } },
  // the fused head overfits fastest (more capacity)
  { name: 'fused', before: { trainLoss: 1.0, valLoss: 1.3 }, after: { trainLoss: 0.4, valLoss: 1.2 } },
];

/** A head whose validation loss fell by dG while the train/validation gap grew by dO. */
export const head = (name: string, dG: number, dO: number): Head => ({
  name,
  before: { trainLoss: 1, valLoss: 1.5 },
  after: { trainLoss: 1 - dG - dO, valLoss: 1.5 - dG },
});

const fmt = (x: number, d = 3): string => (Math.abs(x) < 0.5 / 10 ** d ? 0 : x).toFixed(d);

export function main(): void {
  const weights = blendWeights(EXAMPLE_HEADS);
  console.log('head    dG (val gain)  dO (gap growth)    OGR   blend weight');
  EXAMPLE_HEADS.forEach((h, k) => {
    const cols = [deltaG(h), deltaO(h), ogr(h), weights[k]!].map((x) => fmt(x).padStart(9));
    console.log(`${h.name.padEnd(6)} ${cols[0]}      ${cols[1]}      ${cols[2]}    ${cols[3]}`);
  });
  const losses = EXAMPLE_HEADS.map((h) => h.after.trainLoss);
  console.log('weight ~ dG / dO^2; blended loss sum_k w_k L_k =', fmt(blendedLoss(weights, losses)));
  const same = [head('A', 0.2, 0.1), head('B', 0.02, 0.01)]; // both OGR 0.5
  const [wA, wB] = blendWeights(same);
  console.log(`same OGR 0.5: A (dG 0.2, dO 0.1) w = ${fmt(wA!)}, B (dG 0.02, dO 0.01) w = ${fmt(wB!)}`);
}

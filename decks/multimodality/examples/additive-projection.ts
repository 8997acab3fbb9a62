// Additive projection of a fusion model f(xA, xB) (EMAP, Hessel & Lee 2020).
//   f^(a, b) = E_xB[f(a, xB)] + E_xA[f(xA, b)] - E_xA,xB[f(xA, xB)]
// Expectations here are means over a small grid of inputs (every a paired with every b).
// f^ is the closest sum of a function of a and a function of b. The residual f - f^ is
// what f does beyond adding unimodal evidence: 0 for an additive f, non-zero for w*a*b.

export type Fusion = (a: number, b: number) => number;

const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

/** The additive projection of f over the grid as[] x bs[]; returns f^ as a function. */
export function additiveProjection(f: Fusion, as: number[], bs: number[]): Fusion {
  const overAll = mean(as.flatMap((a) => bs.map((b) => f(a, b))));
  return (a, b) => mean(bs.map((bj) => f(a, bj))) + mean(as.map((ai) => f(ai, b))) - overAll;
}

/** The residual f - f^ at every grid point: residual[i][j] for (as[i], bs[j]). */
export function residual(f: Fusion, as: number[], bs: number[]): number[][] {
  const p = additiveProjection(f, as, bs);
  return as.map((a) => bs.map((b) => f(a, b) - p(a, b)));
}

/** Root mean square of the residual: one number for "how non-additive is f on this grid". */
export const residualRms = (f: Fusion, as: number[], bs: number[]): number =>
  Math.sqrt(mean(residual(f, as, bs).flat().map((r) => r * r)));

export const EXAMPLE_GRID = { as: [-1, 0, 1, 2], bs: [-1, 0.5, 2] };

const fmt = (x: number, d = 3): string => (Math.abs(x) < 0.5 / 10 ** d ? 0 : x).toFixed(d);

export function main(): void {
  const { as, bs } = EXAMPLE_GRID;
  const models: [string, Fusion][] = [
    ['additive  tanh(a) + b^2 ', (a, b) => Math.tanh(a) + b * b],
    ['bilinear  2ab           ', (a, b) => 2 * a * b],
    ['nonlinear relu(a + b)   ', (a, b) => Math.max(0, a + b)],
    ['mixed     a - b + 0.5ab ', (a, b) => a - b + 0.5 * a * b],
  ];
  console.log('grid: xA in', JSON.stringify(as), ' xB in', JSON.stringify(bs));
  for (const [name, f] of models) console.log(name, 'RMS of f - f^ =', fmt(residualRms(f, as, bs)));
  console.log('residual of 2ab (rows xA, columns xB):');
  for (const r of residual((a, b) => 2 * a * b, as, bs)) console.log('  ' + r.map((x) => fmt(x).padStart(7)).join(''));
}

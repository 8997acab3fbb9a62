// Canonical correlation analysis (CCA) on two 2-D views of the same samples.
// Find directions u, v that maximise corr(u . a, v . b) over the samples (a, b).
// Closed form: with covariances Saa, Sbb, Sab (of centred data),
//   u = top eigenvector of  Saa^-1 Sab Sbb^-1 Sba   (its eigenvalue is rho^2)
//   v = Sbb^-1 Sba u
// Linearly related views give rho = 1; noise lowers it.

export type Vec2 = [number, number];
type Mat2 = [Vec2, Vec2];

/** Seeded PRNG (mulberry32). */
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

/** A standard normal sample (Box-Muller). */
export const gaussian = (rand: () => number): number =>
  Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

/** Pearson correlation of two equally long samples. */
export function correlation(x: number[], y: number[]): number {
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  x.forEach((xi, i) => {
    const dx = xi - mx, dy = y[i]! - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** Projections d . x_i of every sample onto a direction. */
export const project = (X: Vec2[], d: Vec2): number[] => X.map((x) => x[0] * d[0] + x[1] * d[1]);

function cov(X: Vec2[], Y: Vec2[]): Mat2 {
  const mx: Vec2 = [mean(X.map((x) => x[0])), mean(X.map((x) => x[1]))];
  const my: Vec2 = [mean(Y.map((y) => y[0])), mean(Y.map((y) => y[1]))];
  const c = (p: 0 | 1, q: 0 | 1): number => mean(X.map((x, i) => (x[p] - mx[p]) * (Y[i]![q] - my[q])));
  return [[c(0, 0), c(0, 1)], [c(1, 0), c(1, 1)]];
}
const mul = (A: Mat2, B: Mat2): Mat2 => [
  [A[0][0] * B[0][0] + A[0][1] * B[1][0], A[0][0] * B[0][1] + A[0][1] * B[1][1]],
  [A[1][0] * B[0][0] + A[1][1] * B[1][0], A[1][0] * B[0][1] + A[1][1] * B[1][1]],
];
const inv = (A: Mat2): Mat2 => {
  const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
  return [[A[1][1] / det, -A[0][1] / det], [-A[1][0] / det, A[0][0] / det]];
};
const transpose = (A: Mat2): Mat2 => [[A[0][0], A[1][0]], [A[0][1], A[1][1]]];
const apply = (A: Mat2, x: Vec2): Vec2 => [A[0][0] * x[0] + A[0][1] * x[1], A[1][0] * x[0] + A[1][1] * x[1]];
const unit = (x: Vec2): Vec2 => {
  const n = Math.hypot(x[0], x[1]);
  return [x[0] / n, x[1] / n];
};

/** Largest eigenvalue of a 2x2 matrix with real eigenvalues, and a unit eigenvector for it. */
function topEigen(M: Mat2): { value: number; vector: Vec2 } {
  const [[p, q], [r, s]] = M;
  const tr = p + s, det = p * s - q * r;
  const value = tr / 2 + Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  // (M - value I) x = 0: either row gives a solution; take the better conditioned one
  const c1: Vec2 = [q, value - p], c2: Vec2 = [value - s, r];
  const best = Math.hypot(...c1) >= Math.hypot(...c2) ? c1 : c2;
  return { value, vector: Math.hypot(...best) > 1e-12 ? unit(best) : [1, 0] };
}

/** First canonical directions u (view A), v (view B) and their correlation rho. */
export function cca(A: Vec2[], B: Vec2[]): { u: Vec2; v: Vec2; rho: number } {
  const Saa = cov(A, A), Sbb = cov(B, B), Sab = cov(A, B);
  const Sba = transpose(Sab);
  const { vector: u } = topEigen(mul(mul(inv(Saa), Sab), mul(inv(Sbb), Sba)));
  const v = unit(apply(mul(inv(Sbb), Sba), u));
  return { u, v, rho: correlation(project(A, u), project(B, v)) };
}

/**
 * Two views of a shared latent z: a = [z + noise, pure noise], b = [pure noise, z + noise].
 * The shared signal sits on different axes in the two views, which CCA has to find.
 */
export function noisyViews(seed: number, n: number, noise: number): { A: Vec2[]; B: Vec2[] } {
  const rand = mulberry32(seed);
  const A: Vec2[] = [], B: Vec2[] = [];
  for (let i = 0; i < n; i++) {
    const z = gaussian(rand);
    A.push([z + noise * gaussian(rand), gaussian(rand)]);
    B.push([gaussian(rand), z + noise * gaussian(rand)]);
  }
  return { A, B };
}

const vec = (x: Vec2): string => '[' + x.map((c) => c.toFixed(3)).join(', ') + ']';

export function main(): void {
  const { A, B } = noisyViews(7, 300, 0.5);
  const linear = A.map(([a0, a1]): Vec2 => [2 * a0 - a1, 0.5 * a0 + 3 * a1]); // B = M A exactly
  const exact = cca(A, linear);
  console.log('view B = M * view A (linear):  rho =', exact.rho.toFixed(3));
  const noisy = cca(A, B);
  console.log('noisy views, shared z on axis 0 of A and axis 1 of B:');
  console.log('  u =', vec(noisy.u), ' v =', vec(noisy.v), ' rho =', noisy.rho.toFixed(3));
  const raw = correlation(A.map((a) => a[0]), B.map((b) => b[0]));
  console.log('  corr of the raw first coordinates:', raw.toFixed(3));
  console.log('  expected rho for noise 0.5: 1 / (1 + 0.5^2) =', (1 / 1.25).toFixed(3));
}

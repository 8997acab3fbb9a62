// Dynamic time warping (DTW): align two sequences that may run at different speeds.
//   D[0][0] = 0,  D[i][j] = |x[i-1] - y[j-1]| + min(D[i-1][j], D[i][j-1], D[i-1][j-1])
// D[n][m] is the cost of the cheapest monotonic many-to-many alignment; backtracking
// from (n, m) gives the warping path. DTW(x, x) = 0, and DTW(x, y) = DTW(y, x).

export interface Alignment {
  cost: number;
  /** Pairs [i, j]: x[i] is matched with y[j]; from [0, 0] to [n-1, m-1]. */
  path: [number, number][];
}

export function dtw(x: number[], y: number[]): Alignment {
  const n = x.length, m = y.length;
  const D: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  D[0]![0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = Math.abs(x[i - 1]! - y[j - 1]!);
      D[i]![j] = cost + Math.min(D[i - 1]![j]!, D[i]![j - 1]!, D[i - 1]![j - 1]!);
    }
  }
  const path: [number, number][] = [];
  let i = n, j = m;
  while (i > 0 && j > 0) {
    path.unshift([i - 1, j - 1]);
    const diagonal = D[i - 1]![j - 1]!, up = D[i - 1]![j]!, left = D[i]![j - 1]!;
    // ties go to the diagonal: the shortest path among equally cheap ones
    if (diagonal <= up && diagonal <= left) { i--; j--; }
    else if (up <= left) i--;
    else j--;
  }
  return { cost: D[n]![m]!, path };
}

export function main(): void {
  const x = [0, 1, 2, 3, 2, 0]; // e.g. a gesture recorded at one speed
  const y = [0, 0, 1, 3, 3, 3, 2, 1, 0]; // the same shape, slower
  const a = dtw(x, y);
  console.log('x =', JSON.stringify(x));
  console.log('y =', JSON.stringify(y));
  console.log('DTW(x, y) =', a.cost, ' DTW(y, x) =', dtw(y, x).cost, ' DTW(x, x) =', dtw(x, x).cost);
  console.log('warping path (i in x, j in y):');
  console.log('  ' + a.path.map(([i, j]) => `(${i},${j})`).join(' '));
  console.log('matched values:');
  console.log('  ' + a.path.map(([i, j]) => `${x[i]}-${y[j]}`).join(' '));
}

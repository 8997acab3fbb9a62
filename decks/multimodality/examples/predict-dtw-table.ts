// Predict the output: fill the dynamic time warping table D
// for x = [1, 2, 3] and y = [1, 3, 3]:
//   D[i][j] = |x[i] - y[j]| + min(D[i-1][j], D[i][j-1], D[i-1][j-1])
//   D[0][0] = |x[0] - y[0]|
export function dtwTable(x: number[], y: number[]): number[][] {
  const D = x.map(() => y.map(() => Infinity));
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      const up = i > 0 ? D[i - 1]![j]! : Infinity;
      const left = j > 0 ? D[i]![j - 1]! : Infinity;
      const diagonal = i > 0 && j > 0 ? D[i - 1]![j - 1]! : Infinity;
      const best = i === 0 && j === 0 ? 0 : Math.min(up, left, diagonal);
      D[i]![j] = Math.abs(x[i]! - y[j]!) + best;
    }
  }
  return D;
}

export function main(): void {
  const table = dtwTable([1, 2, 3], [1, 3, 3]);
  for (const row of table) console.log(row.join(' '));
}

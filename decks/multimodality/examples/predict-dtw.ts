// Predict the output: the dynamic time warping cost with |a - b| as the local cost.
export function dtwCost(x: number[], y: number[]): number {
  const D = x.map(() => y.map(() => Infinity));
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      const best = i === 0 && j === 0 ? 0 : Math.min(
        i > 0 ? D[i - 1]![j]! : Infinity,
        j > 0 ? D[i]![j - 1]! : Infinity,
        i > 0 && j > 0 ? D[i - 1]![j - 1]! : Infinity,
      );
      D[i]![j] = Math.abs(x[i]! - y[j]!) + best;
    }
  }
  return D[x.length - 1]![y.length - 1]!;
}

export function main(): void {
  console.log('DTW([0,1,2], [0,0,1,2]) =', dtwCost([0, 1, 2], [0, 0, 1, 2]));
  console.log('DTW([0,2], [1]) =', dtwCost([0, 2], [1]));
}

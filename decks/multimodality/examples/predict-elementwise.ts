// Predict the output: element-wise (multiplicative) fusion z = xA ⊙ xB.
export const elementwise = (xA: number[], xB: number[]): number[] =>
  xA.map((a, k) => a * xB[k]!);

export function main(): void {
  const xA = [1, 2, 3];
  const xB = [4, 0, -1];
  console.log(JSON.stringify(elementwise(xA, xB)));
  const same = elementwise(xA, [1, 1, 1]);
  console.log('unchanged where xB is 1:', JSON.stringify(same));
}

// Predict the output: how many features does tensor fusion produce?
const withOne = (x: number[]): number[] => [...x, 1];
const outer = (u: number[], v: number[]): number[] =>
  u.flatMap((a) => v.map((b) => a * b));

export function main(): void {
  const xA = [0.2, 0.4];
  const xB = [1, 2, 3];
  const xC = [5, 6, 7, 8];
  const two = outer(withOne(xA), withOne(xB));
  const three = outer(two, withOne(xC));
  console.log('two modalities:', two.length);
  console.log('three modalities:', three.length);
}

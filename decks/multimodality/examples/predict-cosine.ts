// Predict the output: cosine similarity as a coordination score.
const dot = (u: number[], v: number[]): number =>
  u.reduce((s, ui, i) => s + ui * v[i]!, 0);
const cosine = (u: number[], v: number[]): number =>
  dot(u, v) / Math.sqrt(dot(u, u) * dot(v, v));

export function main(): void {
  console.log('cos([1,1], [3,3]) =', cosine([1, 1], [3, 3]).toFixed(2));
  console.log('cos([1,0], [0,5]) =', cosine([1, 0], [0, 5]).toFixed(2));
  console.log('cos([2,0], [-1,0]) =', cosine([2, 0], [-1, 0]).toFixed(2));
}

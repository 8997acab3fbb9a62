// Coordination by cosine similarity: each modality keeps its own embedding, and training
// pulls paired embeddings to point the same way.
//   cos(zA, zB) = (zA . zB) / (|zA| |zB|)      in [-1, 1], ignores length
//   coordination loss = 1 - cos(zA, zB)         in [0, 2], 0 when aligned

export const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);
export const norm = (v: number[]): number => Math.sqrt(dot(v, v));

export const cosine = (u: number[], v: number[]): number => dot(u, v) / (norm(u) * norm(v));
export const coordinationLoss = (zA: number[], zB: number[]): number => 1 - cosine(zA, zB);

const fmt = (x: number, d = 3): string => (Math.abs(x) < 0.5 / 10 ** d ? 0 : x).toFixed(d);

export function main(): void {
  const image = [0.9, 0.1, 0.4]; // e.g. an image encoder's output
  const texts: [string, number[]][] = [
    ['matching caption     ', [0.8, 0.2, 0.5]],
    ['same, 3x longer      ', [2.4, 0.6, 1.5]],
    ['unrelated caption    ', [-0.1, 0.9, -0.3]],
    ['opposite direction   ', [-0.9, -0.1, -0.4]],
  ];
  console.log('image embedding:', JSON.stringify(image));
  for (const [name, t] of texts) {
    const cos = fmt(cosine(image, t)).padStart(6);
    console.log(`${name} cos = ${cos}   loss 1 - cos = ${fmt(coordinationLoss(image, t))}`);
  }
}

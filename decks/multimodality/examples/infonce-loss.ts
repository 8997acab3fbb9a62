// CLIP-style symmetric InfoNCE loss on a batch of N (image, text) pairs.
//   S[i][j] = cos(img_i, txt_j) / tau          (tau = temperature)
//   loss_i2t = mean_i( -log softmax_j(S[i][j]) at j = i )   (row-wise cross-entropy)
//   loss_t2i = the same on the columns
//   loss = (loss_i2t + loss_t2i) / 2
// The matched pairs (the diagonal) are the positives; everything else is a negative.
// The loss pushes on negative j with d loss_i / d s_ij = softmax_j(S[i]) / tau: a small tau
// concentrates that push on the hard negatives (those almost as similar as the positive).

export const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i]!, 0);
export const cosine = (u: number[], v: number[]): number => dot(u, v) / Math.sqrt(dot(u, u) * dot(v, v));

/** The N x N matrix of similarity logits cos(img_i, txt_j) / tau. */
export const similarityLogits = (img: number[][], txt: number[][], tau: number): number[][] =>
  img.map((u) => txt.map((v) => cosine(u, v) / tau));

/** log(sum(exp(x))) without overflow. */
export function logSumExp(xs: number[]): number {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
}

/** Mean cross-entropy of each row, with the diagonal entry as the correct class. */
export const diagonalCrossEntropy = (S: number[][]): number =>
  S.reduce((loss, row, i) => loss + logSumExp(row) - row[i]!, 0) / S.length;

export const transpose = (S: number[][]): number[][] => S[0]!.map((_, j) => S.map((row) => row[j]!));

/** Symmetric InfoNCE: the mean of the image-to-text and text-to-image losses. */
export function infoNCE(img: number[][], txt: number[][], tau: number): number {
  const S = similarityLogits(img, txt, tau);
  return (diagonalCrossEntropy(S) + diagonalCrossEntropy(transpose(S))) / 2;
}

const fmt = (x: number, d = 3): string => (Math.abs(x) < 0.5 / 10 ** d ? 0 : x).toFixed(d);

/** d(-log softmax_i(s / tau)) / d s_j for every j of one row: the push the loss gives each score. */
export function scoreGradients(row: number[], positive: number, tau: number): number[] {
  const logits = row.map((s) => s / tau);
  const lse = logSumExp(logits);
  return logits.map((l, j) => (Math.exp(l - lse) - (j === positive ? 1 : 0)) / tau);
}

export function main(): void {
  const img = [[1, 0.1, 0], [0, 1, 0.2], [0.1, 0.2, 1], [0.7, 0.7, 0]];
  const txt = [[0.9, 0.3, 0.1], [0.1, 1, 0], [0, 0.3, 0.9], [0.6, 0.8, 0.1]]; // txt[i] captions img[i]
  const tau = 0.1;
  console.log('cosine similarities (rows: images, columns: texts):');
  for (const row of similarityLogits(img, txt, tau)) {
    console.log('  ' + row.map((s) => fmt(s * tau, 2).padStart(6)).join(''));
  }
  console.log('tau =', tau);
  console.log('matched pairs         loss =', fmt(infoNCE(img, txt, tau)));
  const shifted = [txt[1]!, txt[2]!, txt[3]!, txt[0]!];
  console.log('captions shifted by 1 loss =', fmt(infoNCE(img, shifted, tau)));
  const swapped = [txt[3]!, txt[1]!, txt[2]!, txt[0]!];
  console.log('captions 0, 3 swapped loss =', fmt(infoNCE(img, swapped, tau)));
  for (const t of [1, 0.5, 0.05]) console.log(`matched pairs, tau = ${t}: loss = ${fmt(infoNCE(img, txt, t))}`);
  const row = [0.9, 0.8, 0.1, 0.0]; // one image: its caption, a hard negative, two easy ones
  console.log('cosines', JSON.stringify(row), '(caption, hard, easy, easy):');
  for (const t of [1, 0.5, 0.1]) {
    const g = scoreGradients(row, 0, t);
    console.log(`  tau = ${t}: push on hard negative ${fmt(g[1]!)}, on easy one ${fmt(g[2]!)}`);
  }
}

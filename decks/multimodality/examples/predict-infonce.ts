// Predict the output: the InfoNCE loss of one image
// against its own caption (sPos) and one other caption (sNeg).
export const infoNCE = (sPos: number, sNeg: number, tau: number) => {
  const pos = Math.exp(sPos / tau), neg = Math.exp(sNeg / tau);
  return -Math.log(pos / (pos + neg));
};

export function main(): void {
  console.log('equal scores:', infoNCE(0.5, 0.5, 1).toFixed(2));
  console.log('positive far ahead:', infoNCE(5, 0, 1).toFixed(2));
}

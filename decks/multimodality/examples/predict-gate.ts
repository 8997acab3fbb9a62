// Predict the output: a scalar gate mixing two modalities, z = g * xA + (1 - g) * xB.
const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));
const mix = (logit: number, xA: number, xB: number): number => {
  const g = sigmoid(logit);
  return g * xA + (1 - g) * xB;
};

export function main(): void {
  const xA = 4, xB = 2;
  console.log('logit 0:', mix(0, xA, xB).toFixed(2));
  console.log('logit 10:', mix(10, xA, xB).toFixed(2));
  console.log('logit -10:', mix(-10, xA, xB).toFixed(2));
}

// Predict the output: the InfoNCE loss of one image against its own caption and one other caption.
// loss = -log( exp(sPos / tau) / (exp(sPos / tau) + exp(sNeg / tau)) )
export const infoNCE = (sPos: number, sNeg: number, tau: number): number =>
  -Math.log(Math.exp(sPos / tau) / (Math.exp(sPos / tau) + Math.exp(sNeg / tau)));

export function main(): void {
  console.log('equal scores:', infoNCE(0.5, 0.5, 1).toFixed(2));
  console.log('positive far ahead:', infoNCE(5, 0, 1).toFixed(2));
}

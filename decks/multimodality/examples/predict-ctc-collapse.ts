// Predict the output: CTC turns a frame-by-frame path into a label sequence.
// Rule: first merge runs of the same symbol, then delete the blank '-'.
export function collapse(path: string): string {
  let out = '';
  let previous = '';
  for (const symbol of path) {
    if (symbol !== previous && symbol !== '-') out += symbol;
    previous = symbol;
  }
  return out;
}

export function main(): void {
  console.log(collapse('hh-e-ll-l-oo'));
  console.log(collapse('hheelllloo'));
}

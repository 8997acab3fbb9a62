// Predict the output: soft logic with the product t-norm on two premise probabilities.
const and = (a: number, b: number): number => a * b;
const or = (a: number, b: number): number => a + b - a * b;
const not = (a: number): number => 1 - a;

export function main(): void {
  const shoes = 0.9, beer = 0.5;
  console.log('NOT shoes:', not(shoes).toFixed(2));
  console.log('NOT shoes AND beer:', and(not(shoes), beer).toFixed(2));
  console.log('shoes OR beer:', or(shoes, beer).toFixed(2));
}

// Soft (fuzzy) logic over VQA premise probabilities, for composed questions like VQA-LOL's.
// (VQA-LOL's own model does not use these operators: it answers the composed question directly
// and is trained with a loss that keeps that answer consistent with the premises' answers.)
// A VQA model gives P(yes) for simple premises; soft connectives combine them differentiably:
//   product logic:  AND(a, b) = a * b        OR(a, b) = a + b - a * b    NOT(a) = 1 - a
//   min/max logic:  AND(a, b) = min(a, b)    OR(a, b) = max(a, b)        NOT(a) = 1 - a
// At 0/1 both reduce to the boolean truth table, and both obey De Morgan's laws.

export interface SoftLogic {
  and: (a: number, b: number) => number;
  or: (a: number, b: number) => number;
  not: (a: number) => number;
}

/** The product t-norm and its dual co-norm (probabilistic sum). */
export const productLogic: SoftLogic = {
  and: (a, b) => a * b,
  or: (a, b) => a + b - a * b,
  not: (a) => 1 - a,
};

/** Goedel logic: the minimum t-norm and the maximum co-norm. */
export const minMaxLogic: SoftLogic = {
  and: (a, b) => Math.min(a, b),
  or: (a, b) => Math.max(a, b),
  not: (a) => 1 - a,
};

/** AND over any number of premises. */
export const andAll = (logic: SoftLogic, ps: number[]): number => ps.reduce((acc, p) => logic.and(acc, p), 1);

export function main(): void {
  // P(yes) from a VQA model for simple premises about one image
  const dog = 0.9; // "Is there a dog?"
  const onSofa = 0.7; // "Is the dog on the sofa?"
  const shoes = 0.2; // "Is the man wearing shoes?"
  const beer = 0.6; // "Is there beer?"
  console.log('premises: dog 0.9, on sofa 0.7, wearing shoes 0.2, beer 0.6');
  for (const [name, L] of [['product', productLogic], ['min/max', minMaxLogic]] as const) {
    console.log(`${name} logic:`);
    console.log('  dog AND on sofa            :', L.and(dog, onSofa).toFixed(3));
    console.log('  dog OR beer                :', L.or(dog, beer).toFixed(3));
    console.log('  NOT wearing shoes AND beer :', L.and(L.not(shoes), beer).toFixed(3));
    const lhs = L.not(L.and(dog, beer)), rhs = L.or(L.not(dog), L.not(beer));
    console.log('  NOT(dog AND beer) =', lhs.toFixed(3), ' (NOT dog) OR (NOT beer) =', rhs.toFixed(3));
  }
  const L = productLogic;
  const table = [0, 1].flatMap((a) => [0, 1].map((b) => `${a},${b} -> ${L.and(a, b)},${L.or(a, b)}`));
  console.log('truth table (a,b -> AND,OR):', table.join('  '));
}

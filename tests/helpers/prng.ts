/** The seeded generator the app itself uses (mulberry32, core/random.ts), so simulated data is the same on every run. */
export { seededRandom as prng } from '../../src/core/random.js';

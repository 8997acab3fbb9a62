export * from './scheduler.js';
export { formatInterval } from './format-interval.js';
export { memoryFromSm2, stabilityDifficultyFromSm2, SM2_RETENTION, type Sm2Schedule } from './sm2-seed.js';

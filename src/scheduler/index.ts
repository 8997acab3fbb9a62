export * from './scheduler.js';
export { formatInterval } from './format-interval.js';

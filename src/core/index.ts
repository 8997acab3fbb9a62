export * from './types.js';
export * from './errors.js';
export * from './clock.js';
export * from './deck-options.js';
export * from './trace.js';
export * from './time-range.js';
export * from './source-path.js';
export * from './sanitize.js';

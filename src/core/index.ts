export * from './types.js';
export type * from './quiz-types.js';
export * from './undo-snapshot.js';
export * from './errors.js';
export * from './clock.js';
export * from './deck-options.js';
export * from './trace.js';

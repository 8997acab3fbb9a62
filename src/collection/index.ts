export * from './collection.js';
export { resolveDbPath, bundledDecksDir, projectRoot } from './db-path.js';
export { buildQueue, interleave } from './queue.js';
export { importNotes, type ImportResult, type ImportOptions, type Relink, type PreviewCard } from './import-notes.js';
export { runCardExample } from './examples.js';

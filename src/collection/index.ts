export * from './collection.js';
export { resolveDbPath, bundledDecksDir, projectRoot } from './db-path.js';
export { buildQueue, interleave } from './queue.js';
// The importer (gray-matter, js-yaml) and the example runner are not re-exported here: they
// load from their own modules so that commands which do not need them start faster.
export type { ImportResult, ImportOptions, Relink, PreviewCard } from './import-notes.js';

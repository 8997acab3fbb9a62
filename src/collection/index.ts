export * from './collection.js';
export { resolveDbPath, bundledDecksDir, projectRoot } from './db-path.js';
export { buildQueue, interleave } from './queue.js';
// The importer (gray-matter, js-yaml) and the example runner are not re-exported here: they
// load from their own modules so that commands which do not need them start faster.
export type { ImportResult, ImportOptions, Relink, PreviewCard } from './import-notes.js';
// Statistics load with `engram stats` (src/collection/stats.ts), not with every command.
export type { CollectionStats } from './stats.js';
// The paper quiz (src/collection/quiz.ts) is loaded on demand by `engram quiz`, like the importer.
export type { QuizSession, QuizOptions, Judgement, SyncResult } from './quiz.js';
// `engram optimize` loads its module (and the fsrs-rs binding) itself; only its types are re-exported.
export type { OptimizeResult, DeckFit, OptimizeOptions } from './optimize.js';
// Export, backup and Anki import load from their own modules (zod, fflate); only their types are here.
export type { BackupResult } from './backup.js';
export type { RestoreResult } from './restore.js';
export type { AnkiImportResult } from './anki-import.js';

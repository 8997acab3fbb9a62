/**
 * The review session started without commander: what main() does for a plain `engram` or
 * `engram review` (review-args.ts), with the same errors and exit codes, minus parsing a
 * command line and loading the other commands' modules before the first card.
 */
import { now, trace } from '../core/index.js';
import { resolveDbPath } from '../collection/index.js';
import { reviewCommand } from './commands/review.js';
import { onOutputError, reportFailure } from './exit.js';
import { onCollection } from './open-collection.js';
import type { PlainReview } from './review-args.js';

export async function reviewMain(args: PlainReview): Promise<number> {
  trace('main');
  process.stdout.on('error', onOutputError);
  let databasePath = 'the database';
  try {
    // As main(): a bad ENGRAM_NOW is refused before the database is opened.
    now();
    databasePath = resolveDbPath(args.db);
    await onCollection(databasePath, (col) => reviewCommand(col, {}));
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportFailure(error, databasePath);
  }
}

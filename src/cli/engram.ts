/**
 * The `engram` executable: runs `main` on the process's arguments. `main.ts` only exports it, so
 * the tests can run the very same bundle in-process (dist/cli-main.js) without spawning Node.
 * A plain `engram` / `engram review` (the daily command) starts the review without commander
 * and the other commands' modules: review-start.ts, the same session, errors and exit codes.
 */
import './v8-flags.js';
import { plainReviewArgs } from './review-args.js';

const argv = process.argv.slice(2);
const review = plainReviewArgs(argv);
process.exitCode = review
  ? await (await import('./review-start.js')).reviewMain(review)
  : await (await import('./main.js')).main(argv);

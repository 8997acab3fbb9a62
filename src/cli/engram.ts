/**
 * The `engram` executable: runs `main` on the process's arguments. `main.ts` only exports it, so
 * the tests can run the very same bundle in-process (dist/cli-main.js) without spawning Node.
 */
import './v8-flags.js';
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));

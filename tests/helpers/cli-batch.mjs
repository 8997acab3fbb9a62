// Runs several engram commands, one after another, in this one process: for tests that must run
// the CLI as another user (or in another process for another reason) but need not pay Node's
// start-up per command. usage: node cli-batch.mjs CLI_MAIN_URL < commands.json
// where commands.json is [{ args, env, cwd }, ...]; prints [{ code, stdout, stderr }, ...] as JSON.
import { readFileSync } from 'node:fs';
import { runCaptured } from './cli-capture.mjs';

const { main } = await import(process.argv[2]);
const commands = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const command of commands) results.push(await runCaptured(main, command));
process.stdout.write(JSON.stringify(results));

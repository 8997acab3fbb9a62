/** `engram run CARD_ID [--json]`: runs a card's example in the sandbox and prints its output. */
import type { Collection } from '../../collection/index.js';
import { runCardExample, type RunResult } from '../../collection/examples.js';
import { printJson, safeText } from '../format.js';
import { parseCardId } from './args.js';

export async function runCommand(col: Collection, id: string, opts: { json?: boolean }): Promise<void> {
  const result = await runCardExample(col, parseCardId(id));
  if (!result.ok) process.exitCode = 1;
  if (opts.json) {
    const { stdout, stderr, exitCode, timedOut, truncated, ms } = result;
    return printJson({ stdout, stderr, exitCode, timedOut, truncated, ms });
  }
  // Example output is untrusted like card text: no control sequences reach the terminal.
  process.stdout.write(safeText(result.stdout));
  process.stderr.write(safeText(result.stderr));
  const status = statusLine(result);
  if (status) process.stderr.write(`engram: ${status}\n`);
}

function statusLine(r: RunResult): string | null {
  if (r.timedOut) return `example stopped: ${r.error ?? 'timed out'}`;
  if (r.truncated) return `example stopped: ${r.error ?? 'output truncated'}`;
  if (r.ok) return null;
  return `example failed${r.error ? `: ${safeText(r.error)}` : ` (exit code ${r.exitCode ?? 'none'})`}`;
}

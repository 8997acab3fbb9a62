/** `engram run CARD_ID [--predict TEXT] [--json]`: runs a card's example in the sandbox and prints its output. */
import type { Collection } from '../../collection/index.js';
import { predictCardExample, runCardExample, type PredictionResult, type RunResult } from '../../collection/examples.js';
import { printJson, safeText } from '../format.js';
import { parseCardId } from './args.js';

export async function runCommand(col: Collection, id: string, opts: { json?: boolean; predict?: string }): Promise<void> {
  const cardId = parseCardId(id);
  let result: RunResult;
  let prediction: PredictionResult | null = null;
  if (opts.predict !== undefined) {
    // A script has no reading time: a right prediction suggests good, never easy.
    ({ run: result, prediction } = await predictCardExample(col, cardId, opts.predict, null));
  } else {
    result = await runCardExample(col, cardId);
  }
  if (!result.ok) process.exitCode = 1;
  if (opts.json) {
    const { stdout, stderr, exitCode, timedOut, truncated, ms } = result;
    const base = { stdout, stderr, exitCode, timedOut, truncated, ms };
    if (!prediction) return printJson(base);
    return printJson({ ...base, prediction: { correct: prediction.correct, suggested_grade: prediction.suggestedGrade, diff: prediction.diff } });
  }
  // Example output is untrusted like card text: no control sequences reach the terminal.
  process.stdout.write(safeText(result.stdout));
  process.stderr.write(safeText(result.stderr));
  const status = statusLine(result);
  if (status) process.stderr.write(`engram: ${status}\n`);
  if (prediction) {
    process.stdout.write(`prediction: ${prediction.correct ? 'right' : 'wrong'} (suggested grade: ${prediction.suggestedGrade})\n`);
    if (!prediction.correct) {
      for (const d of prediction.diff) {
        if (d.match) continue;
        process.stdout.write(safeText(`  line ${d.line}: expected ${d.expected ?? '(nothing)'}, you wrote ${d.predicted ?? '(nothing)'}\n`));
      }
    }
  }
}

function statusLine(r: RunResult): string | null {
  if (r.timedOut) return `example stopped: ${r.error ?? 'timed out'}`;
  if (r.truncated) return `example stopped: ${r.error ?? 'output truncated'}`;
  if (r.ok) return null;
  return `example failed${r.error ? `: ${safeText(r.error)}` : ` (exit code ${r.exitCode ?? 'none'})`}`;
}

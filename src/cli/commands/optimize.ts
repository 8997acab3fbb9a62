/** `engram optimize`: fit FSRS to the review log, print before/after, store only when better. */
import type { Collection } from '../../collection/index.js';
import type { DeckFit, OptimizeResult } from '../../collection/optimize.js';
import { printJson, safeText } from '../format.js';

export interface OptimizeFlags {
  deck?: string;
  json?: boolean;
  retention?: boolean;
}

/** Choosing a desired retention is a trade-off to see, not one number: the simulator shows it. */
export function retentionPointer(deck: string | undefined): string {
  const flag = deck ? ` --deck '${safeText(deck)}'` : '';
  return `Desired retention is a trade-off between minutes a day and what you remember: \`engram simulate${flag}\` shows both for 0.70–0.97 on your own deck and log, and suggests the retention with the most memorized per minute.`;
}

export async function optimizeCommand(col: Collection, flags: OptimizeFlags): Promise<void> {
  const { optimizeWeights } = await import('../../collection/optimize.js');
  if (flags.retention) {
    const command = `engram simulate${flags.deck ? ` --deck ${flags.deck}` : ''}`;
    if (flags.json) return printJson({ retention: null, command });
    process.stdout.write(`${retentionPointer(flags.deck)}\n`);
    return;
  }
  const showProgress = !flags.json && process.stderr.isTTY;
  const result = await optimizeWeights(col, {
    ...(flags.deck ? { deck: flags.deck } : {}),
    ...(showProgress ? { onProgress: (done: number, total: number) => process.stderr.write(`\rfitting FSRS… ${Math.round((100 * done) / Math.max(1, total))}%`) } : {}),
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (flags.json) return printJson(result);
  process.stdout.write(describe(result));
}

function describe(result: OptimizeResult): string {
  const where = result.deck === null ? 'all decks' : `deck '${safeText(result.deck)}'`;
  if (result.status === 'too-few-reviews') {
    return `Only ${result.reviews} review${result.reviews === 1 ? '' : 's'} in ${where}; fitting FSRS needs at least ${result.minimum} (${result.needed} more). Nothing changed.\n`;
  }
  const width = Math.max(4, ...result.decks.map((d) => safeText(d.deck).length));
  const lines = [
    `Fitted FSRS to ${result.reviews} reviews of ${result.cards} cards (${where}).`,
    `${'deck'.padEnd(width)}  reviews  log loss before → after  RMSE (bins) before → after`,
    ...result.decks.map((d) => deckLine(d, width)),
    `Fitted weights: ${result.weights.join(' ')}`,
    ...heldOutLines(result),
    ...result.warnings.map((w) => `warning: ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

function heldOutLines(result: Extract<OptimizeResult, { status: 'fitted' }>): string[] {
  const check = result.heldOut;
  if (!check) return ['Held-out check: too few reviews to hold the latest fifth out.'];
  return [
    `Held-out check (fitted on reviews before ${new Date(check.from).toISOString().slice(0, 10)}, scored on the ${check.fitted.count} after):`,
    `  fitted   log loss ${check.fitted.logLoss.toFixed(4)}  RMSE (bins) ${percent(check.fitted.rmseBins)}`,
    `  defaults log loss ${check.defaults.logLoss.toFixed(4)}  RMSE (bins) ${percent(check.defaults.rmseBins)}`,
  ];
}

function deckLine(fit: DeckFit, width: number): string {
  const name = safeText(fit.deck).padEnd(width);
  if (!fit.before || !fit.after) return `${name}  ${String(fit.reviews).padStart(7)}  no reviews: current weights stay`;
  const loss = `${fit.before.logLoss.toFixed(4)} → ${fit.after.logLoss.toFixed(4)}`.padEnd(23);
  const rmse = `${percent(fit.before.rmseBins)} → ${percent(fit.after.rmseBins)}`.padEnd(26);
  const verdict = fit.stored ? 'stored' : 'current weights predict as well or better: they stay';
  return `${name}  ${String(fit.reviews).padStart(7)}  ${loss}  ${rmse}  ${verdict}`;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

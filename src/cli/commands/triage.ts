import { EngramError } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { safeText } from '../format.js';

export async function triageCommand(col: Collection, opts: { deck?: string }): Promise<void> {
  if (col.suggestionCount(opts.deck) === 0) {
    process.stdout.write(`No suggestions waiting${opts.deck ? ` in ${safeText(opts.deck)}` : ''}.\n`);
    return;
  }
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new EngramError('triage needs a terminal; in scripts use `engram cards --json` (suggestion: true), `engram accept ID…` and `engram reject ID…`', 2);
  }
  if (opts.deck) col.requireDeck(opts.deck);
  const { runTriage } = await import('../../tui/triage/index.js');
  const final = await runTriage(col, opts.deck);
  if (final.accepted + final.rejected > 0) {
    process.stdout.write(`Triage: ${final.accepted} accepted, ${final.rejected} rejected.\n`);
  }
}

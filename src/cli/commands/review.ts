import { EngramError } from '../../core/index.js';
import { bundledDecksDir, type Collection } from '../../collection/index.js';

export async function reviewCommand(col: Collection, opts: { deck?: string }): Promise<void> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new EngramError('the review session needs a terminal; in scripts use `engram due` and `engram answer CARD_ID RATING`', 2);
  }
  if (opts.deck) col.requireDeck(opts.deck);
  const { runReview } = await import('../../tui/index.js');
  await runReview(col, opts.deck);
}

export async function startCommand(col: Collection): Promise<void> {
  const dir = bundledDecksDir();
  if (dir) {
    const { importBundledDecks } = await import('./import.js');
    importBundledDecks(col, dir);
  }
  await reviewCommand(col, {});
}

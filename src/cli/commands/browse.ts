import { EngramError, trace } from '../../core/index.js';
import { parseQueryOrThrow, type Collection } from '../../collection/index.js';

/** `engram browse [--query Q]`: the card browser; enter there studies the query's cards. */
export async function browseCommand(col: Collection, opts: { query?: string }): Promise<void> {
  // A bad query fails before anything else, with or without a terminal.
  if (opts.query !== undefined) parseQueryOrThrow(opts.query);
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new EngramError('browse needs a terminal; in scripts use `engram cards --query Q [--json]`', 2);
  }
  const { importWithoutFetch } = await import('./review.js');
  const { runBrowse } = await importWithoutFetch(() => import('../../tui/browse/index.js'));
  trace('ui loaded');
  const { review } = await runBrowse(col, opts.query ?? '');
  if (review === null) return;
  const { reviewCommand } = await import('./review.js');
  await reviewCommand(col, { query: review });
}

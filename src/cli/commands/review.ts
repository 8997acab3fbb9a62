import { EngramError, UsageError, trace } from '../../core/index.js';
import { bundledDecksDir, parseQueryOrThrow, type Collection, type CustomStudy } from '../../collection/index.js';

export interface ReviewOptions {
  deck?: string;
  query?: string;
  limit?: string;
  preview?: boolean;
}

export async function reviewCommand(col: Collection, opts: ReviewOptions): Promise<void> {
  const study = customStudyOf(opts);
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new EngramError('the review session needs a terminal; in scripts use `engram due` and `engram answer CARD_ID RATING`', 2);
  }
  if (opts.deck) col.requireDeck(opts.deck);
  const sync = col.autoSync() ? await import('./sync.js') : null;
  sync?.autoSync(col);
  if (study && col.customQueue(study).cards.length === 0) {
    process.stdout.write('No cards to study: the query selects none the review can show (suspended, buried and suggested cards are left out).\n');
    return;
  }
  const { runReview } = await importWithoutFetch(() => import('../../tui/index.js'));
  trace('ui loaded');
  await runReview(col, opts.deck, study);
  sync?.autoSync(col);
}

/** `--query`, `--limit`, `--preview`: custom study, checked before anything else (a bad query fails without a terminal too). */
export function customStudyOf(opts: ReviewOptions): CustomStudy | undefined {
  if (opts.query === undefined) {
    if (opts.limit !== undefined) throw new UsageError('--limit goes with --query (custom study)');
    if (opts.preview) throw new UsageError('--preview goes with --query (custom study)');
    return undefined;
  }
  if (opts.deck) throw new UsageError('--deck does not go with --query: put deck:NAME in the query');
  parseQueryOrThrow(opts.query);
  if (opts.limit !== undefined && !/^[1-9]\d{0,8}$/.test(opts.limit)) throw new UsageError(`invalid --limit '${opts.limit}': expected a whole number, 1 or more`);
  return { query: opts.query, ...(opts.limit !== undefined ? { limit: Number(opts.limit) } : {}), ...(opts.preview ? { preview: true } : {}) };
}

export async function startCommand(col: Collection): Promise<void> {
  const dir = bundledDecksDir();
  if (dir) {
    const { importBundledDecks } = await import('./import.js');
    await importBundledDecks(col, dir);
  }
  await reviewCommand(col, {});
}

/**
 * Ink's layout engine (yoga, compiled to WebAssembly and inlined as base64) loads its binary
 * with `fetch` when one exists. In Node that first call loads the whole undici HTTP stack,
 * about 50 ms before the first frame, to read a data: URL. Without `fetch` it decodes the same
 * bytes directly. Hiding `fetch` while the UI module initialises takes that path.
 */
export async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

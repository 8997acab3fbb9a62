import { EngramError, trace } from '../../core/index.js';
import { bundledDecksDir, type Collection } from '../../collection/index.js';

export async function reviewCommand(col: Collection, opts: { deck?: string }): Promise<void> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new EngramError('the review session needs a terminal; in scripts use `engram due` and `engram answer CARD_ID RATING`', 2);
  }
  if (opts.deck) col.requireDeck(opts.deck);
  const sync = col.autoSync() ? await import('./sync.js') : null;
  sync?.autoSync(col);
  const { runReview } = await importWithoutFetch(() => import('../../tui/index.js'));
  trace('ui loaded');
  await runReview(col, opts.deck);
  sync?.autoSync(col);
}

export async function startCommand(col: Collection): Promise<void> {
  const dir = bundledDecksDir();
  if (dir) {
    const { importBundledDecks } = await import('./import.js');
    importBundledDecks(col, dir);
  }
  await reviewCommand(col, {});
}

/**
 * Ink's layout engine (yoga, compiled to WebAssembly and inlined as base64) loads its binary
 * with `fetch` when one exists. In Node that first call loads the whole undici HTTP stack,
 * about 50 ms before the first frame, to read a data: URL. Without `fetch` it decodes the same
 * bytes directly. Hiding `fetch` while the UI module initialises takes that path.
 */
async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

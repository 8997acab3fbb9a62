import { EngramError } from '../core/index.js';
import type { RunOptions, RunResult } from '../examples/index.js';
import type { Collection } from './collection.js';

export type { RunOptions, RunResult };

/** Set once the sandbox may have started its worker; until then there is nothing to stop. */
let runnerLoaded = false;

/** Warms the sandbox in the background (see prepareSandbox); the review calls it when a card with an example is shown. */
export function prepareExampleRunner(): Promise<void> {
  runnerLoaded = true;
  return import('../examples/index.js').then((m) => m.prepareSandbox(), () => undefined);
}

/** Stops the sandbox's worker thread if one was started (a run in progress ends as failed). */
export async function stopExampleRunner(): Promise<void> {
  if (!runnerLoaded) return;
  const { stopSandbox } = await import('../examples/index.js');
  await stopSandbox();
}

/**
 * Runs a card's example in the sandbox. The runner is loaded on first use: most sessions never
 * run one; after that its worker keeps the engine loaded, so later runs in the same process are fast.
 */
export async function runCardExample(col: Collection, cardId: number, options?: RunOptions): Promise<RunResult> {
  col.getCard(cardId); // throws "no card with id N" for an unknown id
  const example = col.exampleOf(cardId);
  if (!example) throw new EngramError(`card ${cardId} has no example`);
  const { runExample } = await import('../examples/index.js');
  runnerLoaded = true;
  return runExample({ lang: example.lang, code: example.code, line: example.line }, options);
}

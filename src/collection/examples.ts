import { EngramError } from '../core/index.js';
import type { RunResult } from '../examples/index.js';
import type { Collection } from './collection.js';

/** Runs a card's example in the sandbox. The runner is loaded on first use: most sessions never run one. */
export async function runCardExample(col: Collection, cardId: number): Promise<RunResult> {
  const example = col.exampleOf(cardId);
  if (!example) throw new EngramError(`card ${cardId} has no example`);
  const { runExample } = await import('../examples/index.js');
  return runExample({ lang: example.lang, code: example.code, line: example.line });
}

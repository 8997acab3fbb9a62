import { EngramError, type Grade } from '../core/index.js';
import type { PredictionLine } from '../examples/predict.js';
import type { RunOptions, RunResult } from '../examples/index.js';
// The one helper, not the notes index: that pulls the whole parser (gray-matter, js-yaml) into the review's start-up.
import { shownCode } from '../notes/example-refs.js';
import type { Collection } from './collection.js';

export type { RunOptions, RunResult, PredictionLine };

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
 * What a predict card's front shows of its example: the lines its `predict: x.ts#L3-L12` line chose
 * (with `// …` where lines are left out), or the whole code; null for a card with no example.
 */
export function predictShownCode(col: Collection, cardId: number): string | null {
  const example = col.exampleOf(cardId);
  return example ? shownCode(example.code, example.path) : null;
}

/**
 * Runs a card's example in the sandbox. The runner is loaded on first use: most sessions never
 * run one; after that its worker keeps the engine loaded, so later runs in the same process are fast.
 * The time limit is ENGRAM_EXAMPLE_TIMEOUT_MS when set (a bad value is a usage error naming it),
 * else the default 2 s; `options.timeoutMs` overrides both.
 */
export async function runCardExample(col: Collection, cardId: number, options: RunOptions = {}): Promise<RunResult> {
  const { runExample, parseTimeoutSetting, TIMEOUT_ENV } = await import('../examples/index.js');
  const timeoutMs = options.timeoutMs ?? parseTimeoutSetting(process.env[TIMEOUT_ENV]);
  col.getCard(cardId); // throws "no card with id N" for an unknown id
  const example = col.exampleOf(cardId);
  if (!example) throw new EngramError(`card ${cardId} has no example`);
  runnerLoaded = true;
  return runExample({ lang: example.lang, code: example.code, line: example.line }, { ...options, timeoutMs });
}

export interface PredictionResult {
  correct: boolean;
  suggestedGrade: Grade;
  diff: PredictionLine[];
}

/**
 * Runs the card's example and checks the learner's prediction of what it prints (stdout only:
 * a failed run never counts as right). `durationMs` is the time the learner took, null from a script.
 */
export async function predictCardExample(
  col: Collection,
  cardId: number,
  predicted: string,
  durationMs: number | null,
  options?: RunOptions,
): Promise<{ run: RunResult; prediction: PredictionResult }> {
  const run = await runCardExample(col, cardId, options);
  const { checkPrediction, suggestPredictionGrade } = await import('../examples/predict.js');
  const check = checkPrediction(predicted, run.ok ? run.stdout : '');
  const correct = run.ok && check.correct;
  return { run, prediction: { correct, suggestedGrade: suggestPredictionGrade(correct, durationMs), diff: check.diff } };
}

/**
 * The order test files are handed to the workers. Vitest's own order (isolated files first, then
 * the longest or, on a first run, the largest files first) would start every real-terminal test
 * (tests/e2e: a few seconds each, spent waiting for the screen, the CPU idle) together at the
 * start of the shared files, both workers waiting. Here they are spread one by one through the
 * first half of the shared files, so a worker that waits on a terminal runs beside one that
 * computes.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const WAITS_ON_A_TERMINAL = /[\\/]tests[\\/]e2e[\\/]/;

export function spreadOut<T>(ordered: readonly T[], isSpread: (item: T) => boolean): T[] {
  const spread = ordered.filter(isSpread);
  const rest = ordered.filter((item) => !isSpread(item));
  if (spread.length === 0) return [...ordered];
  const gap = Math.max(1, Math.floor(rest.length / 2 / spread.length));
  const out: T[] = [];
  let next = 0;
  rest.forEach((item, i) => {
    if (i % gap === 0 && next < spread.length) out.push(spread[next++]!);
    out.push(item);
  });
  out.push(...spread.slice(next));
  return out;
}

export class SpreadTerminalTests extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Projects run one after another in this order; only within one project is anything moved.
    const out: TestSpecification[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j < sorted.length && sorted[j]!.project.name === sorted[i]!.project.name) j++;
      out.push(...spreadOut(sorted.slice(i, j), (spec) => WAITS_ON_A_TERMINAL.test(spec.moduleId)));
      i = j;
    }
    return out;
  }
}

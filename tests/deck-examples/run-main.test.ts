/**
 * The contract of every deck example: no imports, defines things only at top level, exports
 * main(), prints a short labelled result, and runs in QuickJS (not only in Node).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { getQuickJS } from 'quickjs-emscripten';
import { afterEach, describe, expect, it, vi } from 'vitest';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../decks/multimodality/examples');
const EXPECTED = [
  'additive-fusion.ts', 'bilinear-fusion.ts', 'tensor-fusion.ts', 'low-rank-fusion.ts', 'gated-fusion.ts',
  'additive-projection.ts', 'cosine-coordination.ts', 'infonce-loss.ts', 'cca.ts', 'dtw.ts', 'soft-logic.ts',
  'm2lens-interactions.ts', 'ogr-reweighting.ts',
  // Predict-the-output cards (issue 19): tiny examples a learner works out by hand.
  'predict-additive.ts', 'predict-elementwise.ts', 'predict-tensor-size.ts', 'predict-lowrank-count.ts',
  'predict-rank-one.ts', 'predict-gate.ts', 'predict-dtw.ts', 'predict-cosine.ts', 'predict-infonce.ts',
  'predict-soft-logic.ts', 'predict-m2lens.ts', 'predict-ctc-collapse.ts', 'predict-dtw-table.ts',
];
const MAX_LINES = 25;
const MAX_COLUMNS = 80;

/** Captures console.log/console.error while `fn` runs; fails if anything but primitives is logged. */
async function captureConsole(fn: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  const record = (...args: unknown[]): void => {
    for (const a of args) expect(['string', 'number', 'boolean']).toContain(typeof a);
    lines.push(args.map(String).join(' '));
  };
  vi.spyOn(console, 'log').mockImplementation(record);
  vi.spyOn(console, 'error').mockImplementation(record);
  await fn();
  vi.restoreAllMocks();
  return lines;
}

/** Runs the example's main() in a QuickJS context that has only console.log/console.error. */
async function runInQuickJS(source: string): Promise<{ lines: string[]; error?: unknown }> {
  const { code } = await transform(source, { loader: 'ts', format: 'iife', globalName: '__example', target: 'es2022' });
  const vm = (await getQuickJS()).newContext();
  const lines: string[] = [];
  try {
    const log = vm.newFunction('log', (...args) => {
      lines.push(args.map((a) => String(vm.dump(a))).join(' '));
    });
    const consoleObject = vm.newObject();
    vm.setProp(consoleObject, 'log', log);
    vm.setProp(consoleObject, 'error', log);
    vm.setProp(vm.global, 'console', consoleObject);
    log.dispose();
    consoleObject.dispose();
    const result = vm.evalCode(`${code}\n__example.main();`);
    if (result.error) {
      const error = vm.dump(result.error);
      result.error.dispose();
      return { lines, error };
    }
    result.value.dispose();
    return { lines };
  } finally {
    vm.dispose();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('deck examples', () => {
  it('has exactly the expected files', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()).toEqual([...EXPECTED].sort());
  });

  describe.each(EXPECTED)('%s', (file) => {
    const source = readFileSync(path.join(dir, file), 'utf8');

    it('is self-contained: no imports, no Node globals, starts with a header comment', () => {
      expect(source).not.toMatch(/^\s*import\b|\bimport\s*\(|\brequire\s*\(/m);
      expect(source).not.toMatch(/\b(process|Buffer|setTimeout|setInterval|structuredClone|globalThis)\b/);
      expect(source.startsWith('//') || source.startsWith('/*')).toBe(true);
    });

    it('prints nothing on import, then main() prints a short labelled result', async () => {
      let mod: { main?: unknown } = {};
      const onImport = await captureConsole(async () => {
        mod = (await import(path.join(dir, file))) as { main?: unknown };
      });
      expect(onImport).toEqual([]);
      expect(typeof mod.main).toBe('function');
      const lines = await captureConsole(() => (mod.main as () => void)());
      expect(lines.join('').trim()).not.toBe('');
      expect(lines.length).toBeLessThanOrEqual(MAX_LINES);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(MAX_COLUMNS);
      expect(lines.join('\n')).not.toMatch(/NaN|undefined|Infinity/);
    });

    it('runs in QuickJS and prints the same as in Node', async () => {
      const mod = (await import(path.join(dir, file))) as { main: () => void };
      const inNode = await captureConsole(() => mod.main());
      const { lines, error } = await runInQuickJS(source);
      expect(error).toBeUndefined();
      expect(lines).toEqual(inNode);
    });
  });
});

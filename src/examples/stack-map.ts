/** Rewrites QuickJS stack frames of the generated module to lines and columns of the example. */
import { SourceMap } from 'node:module';
import { GENERATED_FILE, type Transpiled } from './transpile.js';

const FRAME = new RegExp(`${GENERATED_FILE.replace('.', '\\.')}:(\\d+)(?::(\\d+))?`, 'g');

export function mapStack(stack: string, source: Pick<Transpiled, 'map' | 'file'>): string {
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(source.map) as ConstructorParameters<typeof SourceMap>[0]);
  } catch {
    return stack.replaceAll(GENERATED_FILE, source.file);
  }
  return stack.replace(FRAME, (_match, line: string, column: string | undefined) => {
    // QuickJS counts lines and columns from 1; source maps from 0.
    const entry = map.findEntry(Number(line) - 1, Math.max(0, Number(column ?? 1) - 1)) as
      { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined) return `${source.file}:?`;
    return `${source.file}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}

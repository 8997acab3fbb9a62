/** TypeScript/JavaScript example → one ES module QuickJS can evaluate, plus its source map. */
import type { ExampleSpec } from '../core/index.js';

export interface Transpiled {
  code: string;
  /** Source map (JSON) from the generated module back to the example's own lines. */
  map: string;
  /** File name the example's lines are reported under (`example.ts`). */
  file: string;
}

/** Name QuickJS sees for the generated module; stack frames naming it are mapped back. */
export const GENERATED_FILE = 'example.mjs';

export async function transpile(spec: ExampleSpec): Promise<Transpiled | { error: string }> {
  // Loaded lazily: importing this module must cost nothing at startup.
  const { transform } = await import('esbuild');
  const file = `example.${spec.lang}`;
  try {
    const result = await transform(spec.code, {
      loader: spec.lang,
      format: 'esm',
      // QuickJS implements ES2023 (top-level await included); no Node-specific output.
      target: 'es2022',
      sourcefile: file,
      sourcemap: 'external',
      logLevel: 'silent',
    });
    return { code: result.code, map: result.map, file };
  } catch (e) {
    return { error: describeTransformError(e, spec.line) };
  }
}

/**
 * `line N: message`, where N is the line in the note: `spec.line` is the line of the opening
 * fence, so line k of the code is `spec.line + k`.
 */
function describeTransformError(e: unknown, baseLine: number): string {
  const first = isTransformFailure(e) ? e.errors[0] : undefined;
  if (!first) return `could not compile the example: ${oneLine(e instanceof Error ? e.message : String(e))}`;
  const where = first.location ? `line ${baseLine + first.location.line}: ` : '';
  return `${where}${oneLine(first.text)}`;
}

interface EsbuildMessage {
  text: string;
  location: { line: number } | null;
}

function isTransformFailure(e: unknown): e is { errors: EsbuildMessage[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errors?: unknown }).errors);
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

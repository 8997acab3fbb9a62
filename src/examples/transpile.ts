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

/** Why an example could not be compiled; `syntax` when the code itself is at fault. */
export interface TranspileError {
  /** One line: `line N: message`, N the line in the note. */
  error: string;
  syntax?: { text: string; where: string };
}

export async function transpile(spec: ExampleSpec): Promise<Transpiled | TranspileError> {
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
    return describeTransformError(e, spec.line, file);
  }
}

/**
 * `line N: message`, where N is the line in the note: `spec.line` is the line of the opening
 * fence, so line k of the code is `spec.line + k`.
 */
function describeTransformError(e: unknown, baseLine: number, file: string): TranspileError {
  const first = isTransformFailure(e) ? e.errors[0] : undefined;
  if (!first) return { error: `could not compile the example: ${oneLine(e instanceof Error ? e.message : String(e))}` };
  const text = oneLine(first.text);
  if (!first.location) return { error: text, syntax: { text, where: file } };
  const { line, column } = first.location;
  return { error: `line ${baseLine + line}: ${text}`, syntax: { text, where: `${file}:${line}:${column + 1}` } };
}

interface EsbuildMessage {
  text: string;
  /** esbuild counts lines from 1 and columns from 0. */
  location: { line: number; column: number } | null;
}

function isTransformFailure(e: unknown): e is { errors: EsbuildMessage[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errors?: unknown }).errors);
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The QuickJS WebAssembly module examples run in, loaded once per example worker and reused:
 * the first run pays for compiling the WASM (~50 ms), later runs only create a fresh runtime.
 * A run that may have damaged the module ends its worker (worker-host.ts), and with it the module.
 *
 * The module gets a WebAssembly memory with a hard maximum. `runtime.setMemoryLimit` alone
 * does not bound big strings and typed arrays in the prebuilt module (their bytes are not
 * counted), so without this cap an example could grow the WASM heap to 2 GB. With it,
 * malloc fails at the cap and QuickJS throws "out of memory".
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten';

const WASM_PAGE = 64 * 1024;
/** Hard cap on the whole WASM heap (QuickJS itself, its stack, and one example's data). */
export const WASM_MEMORY_MAX_BYTES = 64 * 1024 * 1024;
/** The prebuilt module's default initial memory; it needs at least this much to start. */
const WASM_MEMORY_INITIAL_BYTES = 16 * 1024 * 1024;

let loading: Promise<QuickJSWASMModule> | null = null;

type MemoryOptions = { initial: number; maximum: number };
// Node has WebAssembly at runtime; the ES libs this project compiles against do not declare it.
const WasmMemory = (globalThis as unknown as { WebAssembly: { Memory: new (options: MemoryOptions) => never } }).WebAssembly.Memory;

export function loadEngine(): Promise<QuickJSWASMModule> {
  loading ??= createEngine().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function createEngine(): Promise<QuickJSWASMModule> {
  // Examples are tiny, so V8's baseline WASM compiler is plenty. Left to tier up, V8 recompiles
  // the ~1 MB engine in the background right after the first run, and on a 2-core machine the
  // second run then waited ~250 ms for it (measured: 250 ms → 20 ms with this flag).
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--liftoff-only');
  // Loaded lazily: most sessions never run an example.
  const { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC } = await import('quickjs-emscripten');
  const wasmMemory = new WasmMemory({
    initial: WASM_MEMORY_INITIAL_BYTES / WASM_PAGE,
    maximum: WASM_MEMORY_MAX_BYTES / WASM_PAGE,
  });
  return newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmMemory }));
}

/**
 * Vitest global setup: builds dist/ once before any test file runs, so the subprocess tests
 * (which spawn dist/engram.js) can never run a stale build of src/.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildOnce(): void {
  // Each vitest project runs the global setup; one build per run is enough.
  if (process.env['ENGRAM_TEST_BUILT']) return;
  process.env['ENGRAM_TEST_BUILT'] = '1';
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}

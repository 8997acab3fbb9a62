import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that need a fresh module graph: Ink screens and the Markdown renderer (module-level
 * renderer and highlighter state: a test checks the frame before the highlighter loads), the
 * example sandbox (a shared QuickJS runtime, environment variables set on purpose), and the tmux
 * end-to-end runs. Every other file runs without isolation: each worker imports src/ once instead
 * of once per file, which halved the CPU time of the in-process tests. Those files keep no
 * module-level state between tests (the clock override is reset after each test).
 */
const ISOLATED = [
  'tests/tui/**/*.test.{ts,tsx}',
  'tests/tui-render/**/*.test.{ts,tsx}',
  'tests/e2e/**/*.test.{ts,tsx}',
  'tests/examples/**/*.test.{ts,tsx}',
  'tests/**/*.test.tsx',
];

export default defineConfig({
  test: {
    // Builds dist/ before any test: CLI tests spawn the bundle and must never run stale code.
    globalSetup: ['tests/setup/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Most tests wait on spawned CLI processes, so two workers help even on two cores
    // (vitest's default there is one): the suite went from 180 s to 120 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.{ts,tsx}'], exclude: ISOLATED, isolate: false } },
    ],
  },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Builds dist/ before any test: CLI tests spawn the bundle and must never run stale code.
    globalSetup: ['tests/setup/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Most tests wait on spawned CLI processes, so two workers help even on two cores
    // (vitest's default there is one): the suite went from 180 s to 120 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

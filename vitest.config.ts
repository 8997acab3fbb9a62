import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SpreadTerminalTests } from './tests/setup/sequencer.js';

/**
 * Test files that need a fresh module graph: the Markdown renderer's test checks the frame before
 * its lazily loaded highlighter arrives (module-level state); and the example sandbox's two files (a
 * shared QuickJS runtime loaded lazily, which one test checks; environment variables set on
 * purpose). Every other file, the Ink screens and the tmux runs included, runs without
 * isolation: each worker imports src/, Ink and React once instead of once per file. That halved
 * the CPU time of the in-process tests, and taking the 20 screen and renderer files out of
 * isolation cut their CPU time from 46 s to 18 s. Those files keep no state between files (each
 * Ink test file unmounts what it rendered after each test, with ink-testing-library's cleanup; the
 * collection helpers clear the clock override) and pass in shuffled order (`--sequence.shuffle`).
 */
const ISOLATED = [
  'tests/tui-render/markdown.test.ts',
  'tests/examples/sandbox.test.ts',
  'tests/examples/run-example.test.ts',
];

export default defineConfig({
  test: {
    // Builds dist/ before any test: CLI tests spawn the bundle and must never run stale code.
    // Temporary files in memory (/dev/shm) when the machine has it: see the setup file.
    // ENGRAM_TEST_CPU=FILE: each test file's CPU time, appended to FILE (see the setup file).
    setupFiles: process.env['ENGRAM_TEST_CPU'] ? ['tests/setup/cpu-probe.ts'] : [],
    globalSetup: ['tests/setup/build-once.ts', 'tests/setup/temp-in-memory.ts'],
    sequence: { sequencer: SpreadTerminalTests },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Most tests wait on spawned CLI processes, so two workers help even on two cores
    // (vitest's default there is one): the suite went from 180 s to 120 s.
    maxWorkers: Number(process.env['ENGRAM_TEST_WORKERS'] ?? Math.max(2, availableParallelism() - 1)),
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.{ts,tsx}'], exclude: ISOLATED, isolate: false } },
    ],
  },
});

// Bundles the CLI with esbuild: one ESM entry plus lazily loaded chunks (Ink, the importer),
// because unbundled Ink takes ~1 s to import. better-sqlite3 and the FSRS optimizer binding stay external (native addons).
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built beside dist and swapped in at the end, so a test running the CLI never sees half a build.
const staging = `dist.building-${process.pid}`;
rmSync(`${root}/${staging}`, { recursive: true, force: true });

/** Keeps marked-terminal's eager imports of cli-highlight and node-emoji out of the first frame's path. */
const markedTerminalShims = {
  name: 'marked-terminal-shims',
  setup(b) {
    const shims = { 'cli-highlight': 'marked-terminal-cli-highlight.mjs', 'node-emoji': 'node-emoji.mjs' };
    b.onResolve({ filter: /^(cli-highlight|node-emoji)$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/marked-terminal/`)
        ? { path: `${root}/scripts/shims/${shims[args.path]}` }
        : undefined,
    );
  },
};

await build({
  absWorkingDir: root,
  // cli-main exports main() for the in-process CLI tests (tests/helpers/cli.ts).
  // The example worker is a third entry: worker-host.ts finds dist/example-worker.js beside
  // (or one folder above) the chunk it is bundled in, through import.meta.url.
  entryPoints: { engram: 'src/cli/engram.ts', 'cli-main': 'src/cli/main.ts', 'example-worker': 'src/examples/worker.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // quickjs-emscripten loads its .wasm relative to its own files, so it stays in node_modules.
  external: ['better-sqlite3', 'esbuild', '@open-spaced-repetition/binding', 'quickjs-emscripten'],
  // esbuild hoists Ink's lazy import of react-devtools-core; it is only for debugging.
  alias: {
    'react-devtools-core': './scripts/shims/react-devtools-core.mjs',
    'is-in-ci': './scripts/shims/is-in-ci.mjs',
  },
  plugins: [markedTerminalShims],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __engramCreateRequire } from 'node:module';",
      'const require = __engramCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' },
  // Smaller code parses faster, and minifying drops React's development builds behind NODE_ENV.
  minify: !process.env.ENGRAM_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
});

const old = `${root}/dist.old-${process.pid}`;
try {
  renameSync(`${root}/dist`, old);
} catch {
  // no previous build
}
renameSync(`${root}/${staging}`, `${root}/dist`);
rmSync(old, { recursive: true, force: true });

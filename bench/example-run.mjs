// Bench lines for runnable examples: `engram run <id>` as a spawned CLI (median of `runs`), and
// a second run in the same process (the sandbox's WASM module already loaded).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import Database from 'better-sqlite3';

const EXAMPLE_NOTE = `# Bench

How does tensor fusion combine two vectors?
?
The outer product of [x_A, 1] and [x_B, 1].
\`\`\`ts example
const xA = [1, 2], xB = [3, 0, -1];
console.log([...xA, 1].map((a) => [...xB, 1].map((b) => a * b)));
\`\`\`
`;

/** A card with an example: one of the bundled deck's if it has any, else one from a small note. */
function exampleCard({ root, cli, work, env }) {
  const db = path.join(work, 'examples.db');
  const importInto = (target) => spawnSync(process.execPath, [cli, '--db', db, 'import', target], { env, encoding: 'utf8' });
  importInto(path.join(root, 'decks'));
  const first = () => {
    const sql = new Database(db, { readonly: true });
    try {
      return sql.prepare('SELECT card_id AS id FROM examples ORDER BY card_id LIMIT 1').get()?.id;
    } finally {
      sql.close();
    }
  };
  let id = first();
  let source = 'bundled deck';
  if (id === undefined) {
    const note = path.join(work, 'example-note.md');
    fs.writeFileSync(note, EXAMPLE_NOTE);
    importInto(note);
    id = first();
    source = 'fallback note (the bundled deck has no example)';
  }
  if (id === undefined) throw new Error('no card with an example could be imported');
  return { db, id, source };
}

export async function benchExampleRun({ root, cli, work, env, runs, median, ms }) {
  const { db, id, source } = exampleCard({ root, cli, work, env });
  const cliTimes = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, '--db', db, 'run', String(id)], { env, encoding: 'utf8' });
    cliTimes.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`engram run ${id} failed: ${r.stderr}`);
  }

  // Outside node_modules/.cache the bundle could not resolve its external packages.
  const outDir = path.join(root, 'node_modules', '.cache', 'engram-bench');
  const entryOut = path.join(outDir, 'example-run.js');
  // The example worker is its own entry, found beside the bundle as in dist/.
  await build({
    entryPoints: { 'example-run': path.join(root, 'bench', 'example-run-entry.ts'), 'example-worker': path.join(root, 'src', 'examples', 'worker.ts') },
    outdir: outDir, bundle: true, format: 'esm',
    platform: 'node', target: 'node20', logLevel: 'error', external: ['better-sqlite3', 'esbuild', 'quickjs-emscripten', '@open-spaced-repetition/binding'],
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
  });
  const inProcess = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [entryOut, db, String(id)], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`in-process example run failed: ${r.stderr}`);
    inProcess.push(JSON.parse(r.stdout));
  }
  fs.rmSync(outDir, { recursive: true, force: true });

  console.log(`\nrunnable examples (card ${id}, ${source})`);
  console.log(`  engram run <id> (spawned)  ${ms(median(cliTimes))}  (min ${ms(Math.min(...cliTimes))})`);
  console.log(`  first run in a process     ${ms(median(inProcess.map((r) => r.first)))}  (esbuild + WASM load + run)`);
  console.log(`  second run, same process   ${ms(median(inProcess.map((r) => r.second)))}  (module reused)`);
}

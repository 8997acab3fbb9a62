// npm run bench: import throughput on a generated vault, unchanged re-import, and time from
// process start to the first card on screen (bundled deck and 100,000 cards) next to a bare
// `node -e 0` and an esbuild-bundled Ink hello world measured in the same run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { benchExampleRun } from './example-run.mjs';
import { benchBigNote } from './big-note.mjs';
import { benchQuery } from './query.mjs';
import { benchImport } from './import-vaults.mjs';
import { benchScale, scaleSize } from './scale.mjs';
import { benchSync } from './sync.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist', 'engram.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const NOTES = Number(process.env.BENCH_NOTES ?? 5000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(0)} ms`;
const env = { ...process.env, TZ: 'UTC', ENGRAM_NOW: '2026-12-01T09:00:00Z' };
delete env.NO_COLOR;

function engram(args, db) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, '--db', db, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const elapsed = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`engram ${args.join(' ')} failed: ${r.stderr}`);
  return { elapsed, stdout: r.stdout, stderr: r.stderr };
}

/** Spawns a command in a real pseudo-terminal (util-linux `script`) and times the first appearance of `marker`. */
function firstFrame(command, marker) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => {}); // the child may be gone by the time we type q
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${marker}" within 15 s from: ${command}\n${seen.slice(-500)}`));
    }, 15_000);
    child.stdout.on('data', (d) => {
      seen += d.toString('utf8');
      if (seen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').includes(marker)) {
        const elapsed = performance.now() - t;
        clearTimeout(timer);
        if (!child.stdin.destroyed) child.stdin.write('q');
        setTimeout(() => child.kill('SIGKILL'), 50);
        resolve(elapsed);
      }
    });
  });
}

async function sample(label, fn) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(await fn());
  return { label, median: median(xs), min: Math.min(...xs) };
}

function make100k(db) {
  engram(['decks'], db); // creates the schema through engram's own migrations
  const sql = new Database(db);
  sql.pragma('journal_mode = WAL');
  const now = Date.parse('2026-12-01T09:00:00Z');
  sql.prepare(`INSERT INTO decks (name, options, created_at) VALUES ('Big', '{}', ?)`).run(now);
  const insert = sql.prepare(`INSERT INTO cards (deck_id, kind, front, back, item_key, state, due, stability, difficulty,
    scheduled_days, reps, last_review, new_position, created_at, modified_at)
    VALUES (1, 'basic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  sql.transaction(() => {
    for (let i = 0; i < 100_000; i++) {
      const review = i % 5 === 0;
      const due = review ? now + ((i % 400) - 20) * 86_400_000 : now;
      insert.run(`Question number ${i} about **topic** ${i % 97}?`, `Answer ${i} with $x_${i % 9}$.`, `k${i}`,
        review ? 'review' : 'new', due, review ? 30 : 0, review ? 5 : 0, review ? 30 : 0, review ? 4 : 0,
        review ? due - 30 * 86_400_000 : null, i + 1, now, now);
    }
  })();
  sql.close();
}

/** An esbuild-bundled Ink hello world: the start-up yardstick. */
async function buildHello(helloOut) {
  await build({
    entryPoints: [path.join(root, 'bench', 'hello.tsx')], outfile: helloOut, bundle: true, format: 'esm', platform: 'node',
    target: 'node20', jsx: 'automatic', minify: true, alias: { 'react-devtools-core': path.join(root, 'scripts', 'shims', 'react-devtools-core.mjs') },
    define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' }, logLevel: 'error',
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    nodePaths: [path.join(root, 'node_modules')],
  });
}

async function main() {
  console.log(`engram bench — ${os.cpus().length} cores, node ${process.version}, ${RUNS} runs per start-up figure (median)\n`);

  // Import throughput (bench/import-vaults.mjs)
  benchImport({ cli, work, env, ms, median, runs: RUNS, notes: NOTES });
  benchBigNote({ cli, work, env, ms });

  // Start-up
  const helloOut = path.join(work, 'hello.mjs');
  await buildHello(helloOut);
  const deckDb = path.join(work, 'deck.db');
  engram(['import', path.join(root, 'decks')], deckDb);
  const bigDb = path.join(work, 'big.db');
  make100k(bigDb);

  const node = process.execPath;
  const bare = await sample('node -e 0', async () => {
    const t = performance.now();
    spawnSync(node, ['-e', '0']);
    return performance.now() - t;
  });
  const hello = await sample('ink hello world (bundled)', () => firstFrame(`${node} ${helloOut}`, 'Hello from Ink'));
  const deck = await sample('engram, bundled deck', () => firstFrame(`${node} ${cli} --db ${deckDb} review`, 'show answer'));
  const big = await sample('engram, 100,000 cards', () => firstFrame(`${node} ${cli} --db ${bigDb} review`, 'show answer'));
  console.log('\nstart-up to first frame (real pseudo-terminal)');
  for (const s of [bare, hello, deck, big]) console.log(`  ${s.label.padEnd(26)} ${ms(s.median)}  (min ${ms(s.min)})`);
  console.log(`  ratio bundled deck / hello  ${(deck.median / hello.median).toFixed(2)}  (aim ≤ 1.20)`);
  console.log(`  ratio 100k cards / hello    ${(big.median / hello.median).toFixed(2)}  (aim ≤ 1.30)`);
  await benchBrowse(bigDb, big);
  await benchExampleRun({ root, cli, work, env, runs: RUNS, median, ms });
  benchQuery({ cli, work, env, runs: RUNS, median, ms });
  benchSync({ cli, work, env, ms });
  // Opt-in: building a million cards takes a while.
  if (process.env.BENCH_SCALE) await benchScaleSection(helloOut);
  fs.rmSync(work, { recursive: true, force: true });
}

/** The opt-in scale table (bench/scale.mjs), BENCH_SCALE=1m; BENCH_ONLY=scale runs it alone. */
async function benchScaleSection(helloOut) {
  await benchScale({
    cli, work, env, runs: Math.min(RUNS, 5), median, ms, firstFrame, helloOut, size: scaleSize(process.env.BENCH_SCALE ?? '1m'),
  });
}

/**
 * `engram browse` at 100,000 cards: process start to the first list row on screen, measured as
 * the review's first frame is (real pseudo-terminal, median of RUNS), with a query and without.
 */
async function benchBrowse(bigDb, review) {
  const node = process.execPath;
  // The review's first frame on the same database, for the ratio (main() has measured it already).
  review ??= await sample('review, 100,000 cards', () => firstFrame(`${node} ${cli} --db ${bigDb} review`, 'show answer'));
  const all = await sample('browse, 100,000 cards', () => firstFrame(`${node} ${cli} --db ${bigDb} browse`, 'Question number 0 about'));
  const deep = await sample('browse --query (text+prop)', () =>
    firstFrame(`${node} ${cli} --db ${bigDb} browse --query 'topic prop:ivl>=10'`, 'Question number 0 about'));
  console.log('\nbrowser: start-up to first frame at 100,000 cards (real pseudo-terminal)');
  for (const s of [all, deep]) console.log(`  ${s.label.padEnd(26)} ${ms(s.median)}  (min ${ms(s.min)})`);
  console.log(`  ratio browse / review        ${(all.median / review.median).toFixed(2)}  (review at 100,000: ${ms(review.median)})`);
}

// BENCH_ONLY=NAME runs one section alone (each section lives in its own file beside this one).
const ONLY = {
  examples: () => benchExampleRun({ root, cli, work, env, runs: RUNS, median, ms }),
  'big-note': () => benchBigNote({ cli, work, env, ms }),
  // the `cards --query` lines (BENCH_SCALE=1m adds 1,000,000 cards)
  query: () => benchQuery({ cli, work, env, runs: RUNS, median, ms }),
  // the two vaults' imports
  import: () => benchImport({ cli, work, env, ms, median, runs: RUNS, notes: NOTES }),
  // the browser's first frame at 100,000 cards
  browse: async () => {
    const bigDb = path.join(work, 'big.db');
    make100k(bigDb);
    await benchBrowse(bigDb);
  },
  // syncing 100,000 events from another device, and a no-op sync
  sync: () => benchSync({ cli, work, env, ms }),
  // the 1k-vs-1M table of issue 15 (BENCH_SCALE=1m by default here)
  scale: async () => {
    const helloOut = path.join(work, 'hello.mjs');
    await buildHello(helloOut);
    await benchScaleSection(helloOut);
  },
};
const only = process.env.BENCH_ONLY;
if (only) {
  if (!ONLY[only]) {
    console.error(`BENCH_ONLY: unknown section '${only}' (sections: ${Object.keys(ONLY).join(', ')})`);
    process.exit(2);
  }
  await ONLY[only]();
  fs.rmSync(work, { recursive: true, force: true });
} else {
  await main();
}

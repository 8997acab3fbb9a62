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

function generateVault(dir, notes) {
  for (let n = 0; n < notes; n++) {
    const folder = path.join(dir, `topic-${n % 50}`);
    fs.mkdirSync(folder, { recursive: true });
    const lines = ['---', `tags: [bench, t${n % 7}]`, '---', `# Note ${n}`, '', `## Section A of ${n}`, ''];
    for (let i = 0; i < 4; i++) lines.push(`What is fact ${i} of note ${n}?::It is the value ${n * 10 + i}, with a short explanation.`, '');
    lines.push(`## Section B of ${n}`, '');
    for (let i = 0; i < 2; i++) lines.push(`Explain idea ${i} from note ${n} in two lines.`, '?', `First line of the answer ${i}.`, `Second line, with $x_A \\times x_B$ math.`, '');
    for (let i = 0; i < 2; i++) lines.push(`Q: Which number goes with key ${n}-${i}?`, `A: Number ${n * 3 + i}.`, '');
    lines.push(`The ==capital== of region ${n} is ==city ${n}==.`, '');
    fs.writeFileSync(path.join(folder, `note-${n}.md`), lines.join('\n'));
  }
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

async function main() {
  console.log(`engram bench — ${os.cpus().length} cores, node ${process.version}, ${RUNS} runs per start-up figure (median)\n`);

  // Import throughput
  const vault = path.join(work, 'vault');
  generateVault(vault, NOTES);
  const importDb = path.join(work, 'import.db');
  const first = engram(['import', vault, '--json'], importDb);
  const result = JSON.parse(first.stdout);
  const again = engram(['import', vault, '--json'], importDb);
  const againResult = JSON.parse(again.stdout);
  const cards = result.cards.added;
  console.log('import');
  console.log(`  generated vault            ${NOTES} notes, ${cards} cards (${result.errors.length} errors)`);
  console.log(`  first import               ${ms(first.elapsed)}  (${Math.round(cards / (first.elapsed / 1000))} cards/s, ${Math.round(NOTES / (first.elapsed / 1000))} notes/s)`);
  console.log(`  unchanged re-import        ${ms(again.elapsed)}  (${againResult.cards.unchanged} unchanged, ${againResult.cards.added} added)`);
  benchBigNote({ cli, work, env, ms });

  // Start-up
  const helloOut = path.join(work, 'hello.mjs');
  await build({
    entryPoints: [path.join(root, 'bench', 'hello.tsx')], outfile: helloOut, bundle: true, format: 'esm', platform: 'node',
    target: 'node20', jsx: 'automatic', minify: true, alias: { 'react-devtools-core': path.join(root, 'scripts', 'shims', 'react-devtools-core.mjs') },
    define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"' }, logLevel: 'error',
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    nodePaths: [path.join(root, 'node_modules')],
  });
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
  await benchExampleRun({ root, cli, work, env, runs: RUNS, median, ms });
  benchQuery({ cli, work, env, runs: RUNS, median, ms });
  benchSync({ cli, work, env, ms });
  fs.rmSync(work, { recursive: true, force: true });
}

// BENCH_ONLY=examples runs just the runnable-example lines; BENCH_ONLY=big-note the big-note re-imports;
// BENCH_ONLY=query the `cards --query` lines (BENCH_SCALE=1m adds 1,000,000 cards);
// BENCH_ONLY=sync the sync of 100,000 events and a no-op sync.
if (process.env.BENCH_ONLY === 'query') {
  benchQuery({ cli, work, env, runs: RUNS, median, ms });
  fs.rmSync(work, { recursive: true, force: true });
} else if (process.env.BENCH_ONLY === 'sync') {
  benchSync({ cli, work, env, ms });
  fs.rmSync(work, { recursive: true, force: true });
} else if (process.env.BENCH_ONLY === 'big-note') {
  benchBigNote({ cli, work, env, ms });
  fs.rmSync(work, { recursive: true, force: true });
} else if (process.env.BENCH_ONLY === 'examples') {
  await benchExampleRun({ root, cli, work, env, runs: RUNS, median, ms });
  benchQuery({ cli, work, env, runs: RUNS, median, ms });
  fs.rmSync(work, { recursive: true, force: true });
} else {
  await main();
}

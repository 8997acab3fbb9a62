// BENCH_SCALE=1m npm run bench: the same engram commands on 1,000 cards (1 deck, 1,000 reviews)
// and on 1,000,000 cards (100 decks, 1,000,000 reviews over three years), interleaved, process
// wall time (median), their ratio and the aim; the review's first card at 1M next to an
// Ink hello world; peak RSS of `decks`, `due` and the review at 1M. Building 1M takes a minute
// or more; BENCH_SCALE_DIR=DIR keeps the two databases there between runs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const NOW = Date.parse('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

function build(engram, db, cards, decks, reviews) {
  if (fs.existsSync(db)) return;
  engram(['decks'], db); // the schema through engram's own migrations
  const s = new Database(db);
  s.pragma('journal_mode = WAL');
  s.pragma('synchronous = OFF');
  const d = s.prepare(`INSERT INTO decks (name, options, created_at) VALUES (?, '{}', ?)`);
  const c = s.prepare(`INSERT INTO cards (deck_id, kind, front, back, item_key, state, due, stability, difficulty,
    scheduled_days, reps, last_review, new_position, created_at, modified_at) VALUES (?, 'basic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const v = s.prepare(`INSERT INTO reviews (card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, state_after, before)
    VALUES (?, ?, ?, 3, 4000, 'review', 'review', '{}')`);
  s.transaction(() => {
    for (let i = 1; i <= decks; i++) d.run(`deck ${i}`, NOW);
    for (let i = 0; i < cards; i++) {
      const review = i % 5 !== 0;
      const due = review ? NOW + ((i % 400) - 30) * DAY : NOW;
      c.run(1 + (i % decks), `Question ${i} about topic ${i % 97}?`, `Answer ${i}.`, `k${i}`, review ? 'review' : 'new', due,
        review ? 30 : 0, review ? 5 : 0, review ? 30 : 0, review ? 4 : 0, review ? due - 30 * DAY : null, i + 1, NOW, NOW);
    }
    const grades = ['again', 'hard', 'good', 'good', 'good', 'easy'];
    for (let i = 0; i < reviews; i++) v.run(1 + ((i * 7919) % cards), grades[i % 6], NOW - Math.floor((i / reviews) * 3 * 365 * DAY));
  })();
  s.close();
  // Cards inserted behind the store's back are past the kept counts' mark (migration 13): the
  // first `engram decks` folds them in once, here rather than in the first timed run.
  engram(['decks'], db);
}

/** Peak RSS in MB of the review in a pseudo-terminal: started, quit with q once the first card shows, measured by GNU time. */
function reviewPeakRss(command, env, file) {
  return new Promise((resolve) => {
    fs.rmSync(file, { force: true });
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; /usr/bin/time -f %M -o ${file} ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => {});
    let seen = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d) => {
      seen += d.toString('utf8');
      // end(), not write(): with its input still open, script(1) did not pass the q on, and the
      // review was killed after 30 s without a figure.
      if (seen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').includes('show answer') && !child.stdin.writableEnded) child.stdin.end('q');
    });
    child.on('close', () => {
      clearTimeout(timer);
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').pop() : '';
      resolve(text ? Number(text) / 1024 : NaN);
    });
  });
}

/** Peak RSS in MB of one command (GNU time). */
function rss(cli, env, db, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, '--db', db, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return Number(r.stderr.trim().split('\n').pop()) / 1024;
}

/** `1m` → 1,000,000; `100k` → 100,000 (smaller sizes are for trying the bench itself). */
export function scaleSize(value) {
  const m = /^(\d+)([km])$/i.exec(value ?? '');
  if (!m) throw new Error(`BENCH_SCALE=${value}: expected a size such as 1m or 100k`);
  return Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1000 : 1_000_000);
}

export async function benchScale({ cli, work, env, runs, median, ms, firstFrame, helloOut, size = 1_000_000 }) {
  const dir = process.env.BENCH_SCALE_DIR ?? path.join(work, 'scale');
  fs.mkdirSync(dir, { recursive: true });
  const run = (db, args) => spawnSync(process.execPath, [cli, '--db', db, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const engram = (args, db) => {
    const r = run(db, args);
    if (r.status !== 0) throw new Error(`engram ${args.join(' ')} failed: ${r.stderr}`);
    return r;
  };
  const small = path.join(dir, 'small.db');
  const big = path.join(dir, `big-${size}.db`);
  let t = performance.now();
  build(engram, small, 1000, 1, 1000);
  build(engram, big, size, 100, size);
  console.log(`\nscale (BENCH_SCALE): 1k cards vs ${size.toLocaleString('en')} cards in 100 decks with as many reviews (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  const reviewIds = (db) => JSON.parse(engram(['due', '--json'], db).stdout).cards.filter((c) => c.state === 'review').map((c) => c.id);
  const ids = { [small]: reviewIds(small), [big]: reviewIds(big) };
  const cmds = [
    ['decks --json', () => ['decks', '--json'], 1.5],
    ['stats --json', () => ['stats', '--json'], 2],
    ['cards --search', () => ['cards', '--search', 'topic 42?', '--json'], 2],
    ['due --json', () => ['due', '--json'], 2],
    ['answer', (db) => ['answer', String(ids[db].shift()), 'good', '--json'], 1.2],
  ];
  const times = {};
  for (let k = 0; k < runs; k++) {
    for (const [name, args] of cmds) for (const db of [small, big]) {
      const a = args(db);
      t = performance.now();
      engram(a, db);
      (times[`${name} ${db}`] ??= []).push(performance.now() - t);
    }
  }
  const label = size >= 1_000_000 ? `${size / 1_000_000}M cards` : `${size / 1000}k cards`;
  console.log(`  ${'command'.padEnd(16)} ${'1k cards'.padStart(9)} ${label.padStart(9)}  ratio  aim`);
  for (const [name, , aim] of cmds) {
    const s = median(times[`${name} ${small}`]);
    const b = median(times[`${name} ${big}`]);
    console.log(`  ${name.padEnd(16)} ${ms(s).padStart(9)} ${ms(b).padStart(9)}  ${(b / s).toFixed(2).padStart(5)}  ≤ ${aim}`);
  }
  const hello = [];
  const review = [];
  for (let k = 0; k < runs; k++) {
    hello.push(await firstFrame(`${process.execPath} ${helloOut}`, 'Hello from Ink'));
    review.push(await firstFrame(`${process.execPath} ${cli} --db ${big} review`, 'show answer'));
  }
  console.log(`  review first card at ${label} ${ms(median(review))}, Ink hello world ${ms(median(hello))}: ratio ${(median(review) / median(hello)).toFixed(2)} (aim ≤ 1.3)`);
  const reviewRss = await reviewPeakRss(`${process.execPath} ${cli} --db ${big} review`, env, path.join(dir, 'review.rss'));
  console.log(`  peak RSS at ${label}: decks ${rss(cli, env, big, ['decks', '--json']).toFixed(0)} MB, due ${rss(cli, env, big, ['due', '--json']).toFixed(0)} MB, review ${reviewRss.toFixed(0)} MB (aim < 150 MB)`);
}

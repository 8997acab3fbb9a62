// `npm run bench`, the search language: `engram cards --query` on generated collections of
// 1,000 and 100,000 cards in 100 decks (and 1,000,000 with BENCH_SCALE=1m), process wall time,
// medians. A text term that selects the same 10 cards at every size, a common word and
// deck:/prop: terms paged with --limit 50: the work should not grow with the collection beyond
// what is shown (aim: ≤ 2× the 1,000-card time).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';

const NOW = Date.parse('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

/** A collection of `n` cards in 100 decks (`g0::d0` … `g9::d99`), a fifth of them in review; `zebra` in exactly 10 cards. */
function makeCollection(cli, env, db, n) {
  spawnSync(process.execPath, [cli, '--db', db, 'decks'], { env }); // the schema, through engram's own migrations
  const sql = new Database(db);
  sql.pragma('journal_mode = WAL');
  const deck = sql.prepare(`INSERT INTO decks (name, options, created_at) VALUES (?, '{}', ?)`);
  const insert = sql.prepare(`INSERT INTO cards (deck_id, kind, front, back, item_key, tags, state, due, stability, difficulty,
    scheduled_days, reps, last_review, new_position, created_at, modified_at)
    VALUES (?, 'basic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const every = Math.max(1, Math.floor(n / 10));
  sql.transaction(() => {
    for (let d = 0; d < 100; d++) deck.run(`g${d % 10}::d${d}`, NOW);
    for (let i = 0; i < n; i++) {
      const review = i % 5 === 0;
      const due = review ? NOW + ((i % 400) - 20) * DAY : NOW;
      const rare = i % every === 3 ? ' zebra' : '';
      insert.run(1 + (i % 100), `Question number ${i} about topic ${i % 97}${rare}?`, `Answer ${i} with café ${i % 13}.`, `k${i}`,
        JSON.stringify([`t${i % 7}`]), review ? 'review' : 'new', due, review ? 30 : 0, review ? 5 : 0, review ? (i % 300) : 0,
        review ? 4 : 0, review ? due - 30 * DAY : null, i + 1, NOW - (i % 60) * DAY, NOW);
    }
  })();
  sql.close();
}

const QUERIES = [
  { label: 'text, rare word (10 cards)', args: ['cards', '--query', 'zebra'] },
  { label: 'text, common word, --limit 50', args: ['cards', '--query', 'topic', '--limit', '50'] },
  { label: 'deck: + prop:, --limit 50', args: ['cards', '--query', 'deck:g3::* prop:ivl>=100 prop:due<300', '--limit', '50'] },
  { label: '--search (alias), rare word', args: ['cards', '--search', 'zebra'] },
];

export function benchQuery({ cli, work, env, runs, median, ms }) {
  const sizes = [1_000, 100_000, ...(process.env.BENCH_SCALE === '1m' ? [1_000_000] : [])];
  const dbs = sizes.map((n) => {
    const db = path.join(work, `query-${n}.db`);
    const t = performance.now();
    makeCollection(cli, env, db, n);
    return { n, db, built: performance.now() - t };
  });
  console.log('\ncards --query (process wall time, median)');
  console.log(`  ${'query'.padEnd(34)} ${sizes.map((n) => `${n.toLocaleString('en')} cards`.padStart(16)).join('')}   ratio to 1k`);
  for (const q of QUERIES) {
    const times = dbs.map(({ db }) => {
      const xs = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, [cli, '--db', db, ...q.args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
        xs.push(performance.now() - t);
        if (r.status !== 0) throw new Error(`engram ${q.args.join(' ')} failed: ${r.stderr}`);
      }
      return median(xs);
    });
    const ratios = times.slice(1).map((x) => `${(x / times[0]).toFixed(2)}×`).join(' / ');
    console.log(`  ${q.label.padEnd(34)} ${times.map((x) => ms(x).padStart(16)).join('')}   ${ratios}`);
  }
  console.log(`  (building the collections: ${dbs.map((d) => `${d.n.toLocaleString('en')} in ${ms(d.built)}`).join(', ')}, FTS index by trigger)`);
}

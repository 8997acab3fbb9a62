// Sync: 100,000 new events from another device (10 answers to each of 10,000 cards) applied
// by `engram sync`, then a sync with nothing new. The other device's file is written here in
// the event format (src/sync/events.ts); its card keys are computed from this database's cards
// the way src/collection/sync-log.ts names them.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export function benchSync({ cli, work, env, ms, cards = 10_000, answersPerCard = 10 }) {
  console.log(`\nsync: ${cards * answersPerCard} new events from another device (${answersPerCard} answers to each of ${cards} cards)`);
  const dir = path.join(work, 'sync');
  const notes = path.join(dir, 'notes');
  const shared = path.join(dir, 'shared');
  const db = path.join(dir, 'engram.db');
  const perNote = 10;
  for (let n = 0; n < cards / perNote; n++) {
    const folder = path.join(notes, `topic-${n % 20}`);
    fs.mkdirSync(folder, { recursive: true });
    const lines = [`# Note ${n}`, ''];
    for (let i = 0; i < perNote; i++) lines.push(`What is fact ${i} of note ${n}?::It is ${n * 10 + i}.`, '');
    fs.writeFileSync(path.join(folder, `note-${n}.md`), lines.join('\n'));
  }
  run(cli, ['--db', db, 'import', notes], env);
  run(cli, ['--db', db, 'sync', '--dir', shared, '--device', 'here'], env);

  const sql = new Database(db, { readonly: true });
  const rows = sql.prepare('SELECT c.kind, c.item_key, c.front, n.path FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY c.id').all();
  sql.close();
  const refs = rows.map((r) => ({
    note: r.path.split(/[\\/]+/).filter(Boolean).slice(-3).join('/'),
    key: crypto.createHash('sha256').update(`${r.kind}\u0000${r.item_key.slice(r.path.length + 1)}\u0000${normalizeSide(r.front)}`).digest('hex').slice(0, 32),
  }));
  const start = Date.parse('2026-11-01T08:00:00Z');
  const grades = ['again', 'hard', 'good', 'good', 'good', 'easy'];
  const byMonth = new Map();
  let seq = 0;
  for (let k = 0; k < answersPerCard; k++) {
    refs.forEach((card, i) => {
      seq++;
      const time = start + k * 3 * 86_400_000 + i * 1000;
      const month = new Date(time).toISOString().slice(0, 7);
      const event = { v: 1, id: crypto.randomUUID(), device: 'there', seq, time, offset: 60, type: 'answer', card, grade: grades[(i * 7 + k) % grades.length], durationMs: 4000 };
      if (!byMonth.has(month)) byMonth.set(month, []);
      byMonth.get(month).push(JSON.stringify(event));
    });
  }
  fs.mkdirSync(path.join(shared, 'there'), { recursive: true });
  for (const [month, lines] of byMonth) fs.writeFileSync(path.join(shared, 'there', `${month}.jsonl`), `${lines.join('\n')}\n`);

  const first = run(cli, ['--db', db, 'sync', '--json'], env);
  const result = JSON.parse(first.stdout);
  console.log(`  ${String(seq).padStart(7)} new events   ${ms(first.elapsed).padStart(8)}   (applied ${result.applied}, ${result.cardsRebuilt} cards rebuilt, ${result.pending} pending)`);
  const noop = [];
  for (let i = 0; i < 3; i++) noop.push(run(cli, ['--db', db, 'sync', '--json'], env).elapsed);
  const again = [...noop].sort((a, b) => a - b)[1];
  console.log(`  no-op sync        ${ms(again).padStart(8)}   (median of 3; a bare command start-up included)`);
  if (result.applied !== seq) throw new Error(`sync bench: ${seq} events written, ${result.applied} applied`);
}

function normalizeSide(text) {
  return text.toLowerCase().replace(/[*_`~=]+/g, '').replace(/\s+/g, ' ').trim();
}

function run(cli, args, env) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`engram ${args.join(' ')} failed: ${r.stderr}`);
  return { elapsed, stdout: r.stdout };
}

// Re-importing one big note after one edited line: card matching must stay near-linear in
// the cards per note (it was quadratic: 10k cards 4.4 s, 20k 15.6 s, 40k 62 s).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function benchBigNote({ cli, work, env, ms, sizes = [10_000, 20_000, 40_000] }) {
  console.log('\nbig note: one edited line, re-imported');
  for (const n of sizes) {
    const dir = path.join(work, `big-note-${n}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'big.md');
    const db = path.join(dir, 'engram.db');
    const lines = ['# Big note', ''];
    for (let i = 0; i < n; i++) lines.push(`What is fact ${i} of the big note?::It is the value ${i * 7}.`, '');
    fs.writeFileSync(file, lines.join('\n'));
    const first = timed(cli, db, file, env);
    const edited = Math.floor(n / 2);
    lines[2 + 2 * edited] = `What is fakt ${edited} of the big note?::It is the value ${edited * 7}, edited.`;
    fs.writeFileSync(file, lines.join('\n'));
    const again = timed(cli, db, file, env);
    console.log(`  ${String(n).padStart(6)} cards   first import ${ms(first.elapsed).padStart(8)}   one line edited ${ms(again.elapsed).padStart(8)}  (${again.result.cards.updated} updated, ${again.result.cards.unchanged} unchanged)`);
  }
}

function timed(cli, db, file, env) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, '--db', db, 'import', file, '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`engram import failed: ${r.stderr}`);
  return { elapsed, result: JSON.parse(r.stdout) };
}

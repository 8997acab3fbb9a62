// Bundled by bench/example-run.mjs: runs one card's example twice in one process through the
// collection (as the review screen does) and prints both wall times as JSON.
import { Collection } from '../src/collection/index.js';
import { runCardExample } from '../src/collection/examples.js';

const [db, id] = process.argv.slice(2);
const col = Collection.open(db ?? '');
try {
  const times: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = await runCardExample(col, Number(id));
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`example failed: ${r.error ?? r.stderr}`);
  }
  process.stdout.write(`${JSON.stringify({ first: times[0], second: times[1] })}\n`);
} finally {
  col.close();
}

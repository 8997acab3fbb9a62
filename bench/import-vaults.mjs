// Import throughput on two generated vaults: the plain bench vault (card syntax only) and a vault
// with citations and wikilinks (a papers note, `[[paper_slug]]` links, "Wang et al ... PMLR 2015"
// citations in prose and in cards). For each: the first import (median of BENCH_IMPORT_RUNS fresh
// databases), the unchanged re-import, and `engram decks` on the same collection, whose time the
// unchanged re-import is measured against (aim ≤ 2×).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The plain bench vault: 5,000 notes in 50 folders, 10 cards each, no citations. */
export function generatePlainVault(dir, notes) {
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

const ADJ = ['Deep', 'Robust', 'Efficient', 'Contrastive', 'Multimodal', 'Sparse', 'Hierarchical', 'Adaptive', 'Gated', 'Bayesian', 'Scalable', 'Self-Supervised'];
const NOUN = ['Fusion', 'Alignment', 'Attention', 'Representation', 'Transformers', 'Embeddings', 'Graphs', 'Memory', 'Retrieval', 'Translation', 'Grounding', 'Reasoning'];
const TASK = ['Visual Question Answering', 'Sentiment Analysis', 'Speech Recognition', 'Video Captioning', 'Image Retrieval', 'Emotion Recognition', 'Dialogue', 'Robotics'];
const VENUES = [['PMLR', 2015], ['ICML', 2019], ['NeurIPS', 2021], ['CVPR', 2020], ['ACL', 2018], ['EMNLP', 2017], ['ICLR', 2022], ['AAAI', 2016]];
const AUTHORS = ['Wang', 'Zadeh', 'Baltrusaitis', 'Liang', 'Ngiam', 'Goyal', 'Tsai', 'Radford', 'Lu', 'Chen', 'Kim', 'Li'];

function paper(k) {
  // Mixed radix: a distinct title for each k below 12 × 12 × 8.
  const title = `${ADJ[k % 12]} ${NOUN[Math.floor(k / 12) % 12]} ${NOUN[(k + 5) % 12]} for ${TASK[Math.floor(k / 144) % 8]}`;
  const [venue, year] = VENUES[k % VENUES.length];
  const author = AUTHORS[(k * 11) % AUTHORS.length];
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return { title, venue, year, author, slug };
}

/** The bench vault's notes and cards, plus a papers note of 200 papers that the notes cite by wikilink and in prose. */
export function generateCitedVault(dir, notes, papers = 200) {
  fs.mkdirSync(dir, { recursive: true });
  const declared = ['---', 'deck: Papers', 'papers: true', '---', '# Papers cited in the notes', ''];
  for (let k = 0; k < papers; k++) {
    const p = paper(k);
    declared.push(`## ${p.title}`, `- slugs: ${p.slug}`, `- first author: ${p.author}`, `- authors: ${p.author}, Ada Lovelace`, `- venue: ${p.venue}`, `- year: ${p.year}`,
      `- topic: ${NOUN[k % NOUN.length].toLowerCase()}`, `- idea: Studies ${NOUN[(k * 7) % NOUN.length].toLowerCase()} for ${TASK[(k * 3) % TASK.length].toLowerCase()}.`, '');
  }
  fs.writeFileSync(path.join(dir, 'papers.md'), declared.join('\n'));
  generatePlainVault(dir, notes);
  for (let n = 0; n < notes; n++) {
    const file = path.join(dir, `topic-${n % 50}`, `note-${n}.md`);
    const a = paper((n * 3) % papers);
    const b = paper((n * 7 + 1) % papers);
    const c = paper((n * 13 + 2) % papers);
    const extra = [
      '## Reading', '',
      `This note builds on [[${a.slug}]] and on ${b.author} et al ${b.title} ${b.venue} ${b.year}, see also [[${c.slug}|the ${c.venue} paper]].`, '',
      `As shown in ${c.title} (${c.venue} ${c.year}), the effect holds beyond one dataset; ${a.author} et al. "${a.title}" ${a.venue} ${a.year} compares both.`, '',
      `Which paper proposed the method of note ${n}?::${a.author} et al, "${a.title}", ${a.venue} ${a.year}`, '',
      `Where was "${b.title}" published?::${b.venue} ${b.year}`, '',
      `Plain prose with a year in it: the lab moved in 2019 and grew to 40 people by 2021.`, '',
    ];
    fs.appendFileSync(file, extra.join('\n'));
  }
}

/**
 * CPU time (user + system, ms) of this process's waited-for children so far, from /proc/self/stat
 * (cutime, cstime; clock ticks of 10 ms); null where there is no /proc. On the shared machine the
 * wall time of an import grows with the load; its CPU time much less, so both are shown.
 */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

function engram(cli, env, db, args) {
  const cpu = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, '--db', db, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const elapsed = performance.now() - t;
  const after = childrenCpuMs();
  if (r.status !== 0 && r.status !== 1) throw new Error(`engram ${args.join(' ')} failed: ${r.stderr}`);
  return { elapsed, cpu: cpu === null || after === null ? null : after - cpu, stdout: r.stdout };
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

function benchVault({ cli, work, env, ms, median, runs, importRuns, label, vault, notes, aim }) {
  const firsts = [];
  const cpus = [];
  let result = null;
  let db = '';
  for (let i = 0; i < importRuns; i++) {
    db = path.join(work, `${label}-${i}.db`);
    const first = engram(cli, env, db, ['import', vault, '--json']);
    firsts.push(first.elapsed);
    if (first.cpu !== null) cpus.push(first.cpu);
    result = JSON.parse(first.stdout);
  }
  const again = [];
  let againResult = null;
  const decks = [];
  for (let i = 0; i < runs; i++) {
    const r = engram(cli, env, db, ['import', vault, '--json']);
    again.push(r.elapsed);
    againResult = JSON.parse(r.stdout);
    decks.push(engram(cli, env, db, ['decks', '--json']).elapsed);
  }
  const first = median(firsts);
  const cards = result.cards.added;
  console.log(`  ${label}: ${notes} notes, ${cards} cards, ${result.papers} papers (${result.errors.length} errors)`);
  console.log(`    first import             ${ms(first).padStart(8)}  (${Math.round(cards / (first / 1000))} cards/s; min ${ms(Math.min(...firsts))} of ${importRuns}; aim ≤ ${aim})`);
  if (cpus.length > 0) console.log(`      its CPU (user + sys)   ${ms(median(cpus)).padStart(8)}  (min ${ms(Math.min(...cpus))}; the wall time above grows with the machine's load, this much less)`);
  console.log(`    unchanged re-import      ${ms(median(again)).padStart(8)}  (${againResult.cards.unchanged} unchanged, ${againResult.cards.added} added)`);
  console.log(`    engram decks             ${ms(median(decks)).padStart(8)}  ratio re-import / decks ${(median(again) / median(decks)).toFixed(2)} (aim ≤ 2)`);
}

/** Both vault kinds; BENCH_IMPORT_RUNS first imports each (default 3), `runs` re-imports and `decks`. */
export function benchImport({ cli, work, env, ms, median, runs, notes }) {
  const importRuns = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
  console.log(`import (medians; load average ${load()})`);
  const plain = path.join(work, 'vault');
  generatePlainVault(plain, notes);
  benchVault({ cli, work, env, ms, median, runs, importRuns, label: 'bench vault', vault: plain, notes, aim: '3 s' });
  const cited = path.join(work, 'vault-cited');
  generateCitedVault(cited, notes);
  benchVault({ cli, work, env, ms, median, runs, importRuns, label: 'vault with citations and wikilinks', vault: cited, notes, aim: '6 s' });
  console.log(`  (load average after: ${load()})`);
}

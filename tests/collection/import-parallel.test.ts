/**
 * A big import reads and parses its files on two threads (read-notes-parallel.ts and the
 * worker in dist/import-worker.js). On a random vault with every kind of outcome (cards, prose,
 * citations, a papers note, example files found and missing, warnings, unreadable files,
 * unchanged files) the two threads give exactly what one gives: the same outcomes, the same
 * import result, the same rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { importNotes, type ImportResult } from '../../src/collection/import-notes.js';
import { readContext, readNotes, type ReadTask } from '../../src/collection/read-notes.js';
import { readNotesInParallel } from '../../src/collection/read-notes-parallel.js';
import { fileClockNs } from '../../src/core/index.js';
import { useTempCollection } from '../helpers/collection.js';
import { prng } from '../helpers/prng.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);
const OLD = Date.parse('2024-03-01T10:00:00Z') / 1000;

const PAPERS = ['Tensor Fusion Network for Multimodal Sentiment Analysis', 'Deep Residual Learning for Image Recognition', 'Attention Is All You Need'];
const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/** A vault of `notes` random notes in a few folders, plus a papers note, an example file and two unreadable files. */
function randomVault(root: string, notes: number, seed: number): void {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    // Old enough that its stat is trusted whenever it is imported (see trustedStat).
    fs.utimesSync(path.join(root, rel), OLD, OLD);
  };
  write('papers.md', ['---', 'papers: true', '---', ...PAPERS.flatMap((t, k) => [`## ${t}`, `- slugs: ${slug(t)}`, `- year: ${2015 + k}`, ''])].join('\n'));
  write('topic-0/examples/add.ts', 'export const add = (a: number, b: number) => a + b;\nconsole.log(add(1, 2));\n');
  write('topic-1/binary.md', Buffer.from([0x23, 0x20, 0x00, 0x01]));
  write('topic-2/latin1.md', Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
  for (let n = 0; n < notes; n++) {
    const lines = [`# Note ${n}`, ''];
    const cardCount = 1 + Math.floor(random() * 5);
    for (let i = 0; i < cardCount; i++) {
      const kind = pick(['basic', 'basic', 'multi', 'qa', 'cloze', 'empty', 'prose', 'cite', 'example', 'missing-example'] as const);
      if (kind === 'basic') lines.push(`What is fact ${i} of ${n}?::Value ${Math.floor(random() * 1000)}.`);
      else if (kind === 'multi') lines.push(`Explain idea ${i} of ${n}.`, '?', `Line one ${i}.`, `Line two ${n}.`);
      else if (kind === 'qa') lines.push(`Q: Which key goes with ${n}-${i}?`, `A: Key ${i * n}.`);
      else if (kind === 'cloze') lines.push(`The ==capital== of region ${n}-${i} is ==city ${i}==.`);
      else if (kind === 'empty') lines.push(`What is left blank in ${n}-${i}?::`);
      else if (kind === 'prose') lines.push(`A tensor ${n} is an array of numbers with ${i + 2} indices, used throughout machine learning.`);
      else if (kind === 'cite') lines.push(`This builds on [[${slug(pick(PAPERS))}]] and on ${pick(PAPERS)} (ICML ${2015 + i}).`);
      else if (kind === 'example' && n % 3 === 0) lines.push(`What does add(1, 2) print in ${n}-${i}?::3`, `example: ${path.relative(path.join(root, `topic-${n % 3}`), path.join(root, 'topic-0/examples/add.ts'))}`);
      else lines.push(`What does the missing file do in ${n}-${i}?::Nothing.`, 'example: examples/missing.ts');
      lines.push('');
    }
    write(`topic-${n % 3}/note-${n}.md`, lines.join('\n'));
  }
}

const TABLES = {
  cards: 'SELECT * FROM cards ORDER BY id',
  notes: 'SELECT * FROM notes ORDER BY id',
  papers: 'SELECT * FROM papers ORDER BY id',
  citations: 'SELECT * FROM paper_citations ORDER BY paper_id, note_id, line',
  cardPapers: 'SELECT * FROM card_papers ORDER BY card_id, paper_id',
  examples: 'SELECT * FROM examples ORDER BY card_id',
  decks: 'SELECT * FROM decks ORDER BY id',
};
const rows = (col: Collection) => Object.fromEntries(Object.entries(TABLES).map(([name, sql]) => [name, col.store.db.prepare(sql).all()]));
const comparable = (result: ImportResult) => ({ ...result, preview: result.preview.length });

describe('reading a big import on two threads', () => {
  it('the worker is built beside the bundle (vitest built dist/)', () => {
    expect(fs.existsSync(new URL('../../dist/import-worker.js', import.meta.url))).toBe(true);
  });

  it('gives the outcomes one thread gives, in the same order, and the worker reads some of them', () => {
    const vault = path.join(temp.dir(), 'vault');
    randomVault(vault, 120, 7);
    const files = fs.readdirSync(vault, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
    const tasks: ReadTask[] = files.map((rel, k) => {
      const file = path.join(vault, rel);
      const stat = fs.statSync(file, { bigint: true });
      return { file: { path: file, defaultDeck: path.dirname(rel), size: Number(stat.size), mtimeNs: stat.mtimeNs }, knownHash: k === 5 ? 'not the hash' : null };
    });
    const context = readContext({}, fileClockNs());
    const serial = readNotes(tasks, context);
    expect(new Set(serial.map((o) => o.kind))).toEqual(new Set(['parsed', 'failed']));
    const { outcomes, byWorker } = readNotesInParallel(tasks, context, { waitForWorker: true });
    expect(byWorker).toBeGreaterThan(0);
    expect(byWorker).toBeLessThanOrEqual(tasks.length);
    expect(outcomes).toEqual(serial);
    // Unchanged by hash: the known hash of a file read once.
    const hashOf = (k: number) => { const o = serial[k]!; return o.kind === 'parsed' ? o.parsed.hash : null; };
    const again = tasks.map((t, k) => ({ ...t, knownHash: hashOf(k) }));
    const unchanged = readNotesInParallel(again, context, { waitForWorker: true }).outcomes;
    expect(unchanged).toEqual(readNotes(again, context));
    expect(unchanged.filter((o) => o.kind === 'unchanged').length).toBeGreaterThan(20);
  });

  it('an import on two threads writes the same rows and reports the same result as on one', () => {
    const vault = path.join(temp.dir(), 'vault');
    randomVault(vault, 150, 11);
    const other = Collection.open(path.join(temp.dir(), 'serial.db'));
    try {
      const parallel = importNotes(temp.col(), [vault], { parallelFrom: 1 });
      const serial = importNotes(other, [vault], { parallelFrom: Number.POSITIVE_INFINITY });
      expect(parallel.cards.added).toBeGreaterThan(150);
      expect(parallel.errors.length).toBeGreaterThan(2);
      expect(parallel.warnings.length).toBeGreaterThan(0);
      expect(parallel.papers).toBeGreaterThan(0);
      expect(comparable(parallel)).toEqual(comparable(serial));
      expect(rows(temp.col())).toEqual(rows(other));
      // A second import: every file is read again (warnings and broken examples) or skipped by its stat, the same way.
      const edited = path.join(vault, 'topic-1/note-1.md');
      fs.appendFileSync(edited, '\nWhat was appended?::One more card.\n');
      fs.utimesSync(edited, OLD + 60, OLD + 60);
      expect(comparable(importNotes(temp.col(), [vault], { parallelFrom: 1 }))).toEqual(comparable(importNotes(other, [vault], { parallelFrom: Number.POSITIVE_INFINITY })));
      expect(rows(temp.col())).toEqual(rows(other));
    } finally {
      other.close();
    }
  });
});

/**
 * A long import and answers at the same time: the import writes one file per short
 * transaction, so an answer given meanwhile (another process, the review) waits a fraction
 * of a second at most and is never lost; a killed import leaves each file whole or untouched.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { setNow } from '../../src/core/index.js';
import { CLI } from '../helpers/cli.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const FILES = 60;
const CARDS_PER_FILE = 250;

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-concurrent-'));
  setNow(T0);
});
afterEach(() => {
  setNow(null);
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeNotes(files = FILES): string {
  const notes = path.join(dir, 'notes');
  for (let f = 0; f < files; f++) {
    const lines = ['# Big note', ''];
    for (let c = 0; c < CARDS_PER_FILE; c++) lines.push(`What is fact ${c} of note ${f}?::It is value ${f * 1000 + c}.`, '');
    fs.mkdirSync(notes, { recursive: true });
    fs.writeFileSync(path.join(notes, `note-${String(f).padStart(2, '0')}.md`), lines.join('\n'));
  }
  return notes;
}

function startImport(db: string, notes: string) {
  const child = spawn(process.execPath, [CLI, '--db', db, 'import', notes, '--json'], {
    env: { ...process.env, TZ: 'UTC', ENGRAM_NOW: new Date(T0).toISOString() }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a long import and answers at once', () => {
  it('loses no answer, and no answer waits a second', async () => {
    const db = path.join(dir, 'engram.db');
    const col = Collection.open(db);
    const card = col.addCard('Manual', 'Answered during the import?', 'Yes');
    const notes = writeNotes();
    const peek = new Database(db, { readonly: true });
    const importedCards = () => (peek.prepare(`SELECT COUNT(*) AS n FROM cards WHERE kind != 'manual'`).get() as { n: number }).n;

    const run = startImport(db, notes);
    let finished = false;
    void run.done.then(() => (finished = true));
    const waits: number[] = [];
    let failures = 0;
    let answersDuringWrites = 0;
    while (!finished) {
      const before = importedCards();
      const t = performance.now();
      try {
        col.answer(card.id, 'good');
      } catch (error) {
        failures++;
        console.error(error);
      }
      waits.push(performance.now() - t);
      if (before > 0 && before < FILES * CARDS_PER_FILE) answersDuringWrites++;
      await sleep(5);
    }
    const result = await run.done;
    peek.close();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).cards.added).toBe(FILES * CARDS_PER_FILE);
    // The answers really ran while the import was writing, not only before or after it.
    expect(answersDuringWrites).toBeGreaterThan(3);
    expect(failures).toBe(0);
    expect(col.reviewsOf(card.id)).toHaveLength(waits.length);
    const maxWait = Math.max(...waits);
    console.log(`concurrent import: ${waits.length} answers (${answersDuringWrites} while it wrote), longest wait ${maxWait.toFixed(0)} ms`);
    expect(maxWait).toBeLessThan(1000);
    col.close();
  }, 120_000);

  it('a killed import leaves every file fully imported or not at all; a re-run does only the rest', async () => {
    const db = path.join(dir, 'engram.db');
    Collection.open(db).close();
    // Fewer files than above: the kill only has to land between the first few and the last.
    const files = 24;
    const notes = writeNotes(files);
    const peek = new Database(db, { readonly: true });
    const noteCount = () => (peek.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n;
    const run = startImport(db, notes);
    let exited = false;
    void run.done.then(() => (exited = true));
    // Kill it mid-way: once some files are written, well before all are.
    while (!exited && noteCount() < 3) await sleep(2);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    const perNote = peek.prepare(`SELECT n.path, COUNT(c.id) AS cards FROM notes n LEFT JOIN cards c ON c.note_id = n.id GROUP BY n.id`).all() as Array<{ path: string; cards: number }>;
    const orphans = (peek.prepare('SELECT COUNT(*) AS n FROM cards WHERE note_id IS NULL').get() as { n: number }).n;
    peek.close();
    expect(perNote.length).toBeGreaterThan(0);
    expect(perNote.length).toBeLessThan(files);
    for (const note of perNote) expect(note, note.path).toMatchObject({ cards: CARDS_PER_FILE });
    expect(orphans).toBe(0);

    const col = Collection.open(db);
    const again = importNotes(col, [notes]);
    expect(again.errors).toEqual([]);
    expect(again.cards).toEqual({
      added: (files - perNote.length) * CARDS_PER_FILE, updated: 0, unchanged: perNote.length * CARDS_PER_FILE, retired: 0,
    });
    expect(col.cards({})).toHaveLength(files * CARDS_PER_FILE);
    col.close();
  }, 120_000);
});

/**
 * The CLI contract when the storage says no: a full disk, a read-only database, a closed pipe,
 * another program's SQLite file. One line on stderr (never a stack trace), exit 1 (0 for a
 * closed pipe), and nothing changed.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { setNow } from '../../src/core/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { CLI, runBatch } from '../helpers/cli.js';

const NOW = '2026-12-01T09:00:00Z';
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const ENV = { ...process.env as Record<string, string>, TZ: 'UTC', NO_COLOR: '1', ENGRAM_NOW: NOW };

function engram(db: string, args: string[], wrap: string[] = []) {
  const argv = [...wrap, process.execPath, CLI, '--db', db, ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), { env: ENV, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Several commands in one new process (see runBatch): the same code as `engram`, one start-up. */
function engramBatch(db: string, commands: string[][], wrap: string[] = []) {
  return runBatch(commands.map((args) => ({ args: ['--db', db, ...args], env: ENV, cwd: os.tmpdir() })), wrap);
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |unexpected error/);
  expect(stderr).toMatch(pattern);
}

/** A collection with `cards` imported cards and one answer, made in-process (fast). */
function makeCollection(db: string, notesDir: string, cards: number): void {
  fs.mkdirSync(notesDir, { recursive: true });
  const lines = ['# Many', ''];
  for (let i = 0; i < cards; i++) lines.push(`What is item number ${i} of this list?::It is the value ${i * 3}.`, '');
  fs.writeFileSync(path.join(notesDir, 'many.md'), lines.join('\n'));
  setNow(Date.parse(NOW));
  const col = Collection.open(db);
  importNotes(col, [notesDir]);
  col.answer(col.cards({})[0]!.id, 'good');
  col.close();
  setNow(null);
}

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-storage-'));
  fs.chmodSync(dir, 0o755);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a closed pipe', () => {
  it('`engram cards | head -1` exits 0 without a word on stderr', async () => {
    const db = path.join(dir, 'pipe', 'engram.db');
    makeCollection(db, path.join(dir, 'pipe', 'notes'), 3000);
    const child = spawn(process.execPath, [CLI, '--db', db, 'cards'], { env: { ...process.env, ENGRAM_NOW: NOW }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('another program\'s SQLite file', () => {
  it('is refused with one line, byte for byte untouched', () => {
    const file = path.join(dir, 'places.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)`);
    db.close();
    const before = digest(file);
    const r = engram(file, ['decks']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /^engram: .*places\.sqlite is not an Engram database/);
    expect(digest(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});

/**
 * Runs as an unprivileged user when the tests run as root (root may write a read-only file).
 * Skipped when that user cannot run the CLI at all: a checkout under a private folder (mktemp -d
 * makes them 0700) is out of its reach.
 */
const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const asUser: string[] | null = process.getuid?.() === 0
  ? (spawnSync(NOBODY[0]!, [...NOBODY.slice(1), process.execPath, CLI, '--help']).status === 0 ? NOBODY : null)
  : [];

describe.skipIf(asUser === null)('a read-only database', () => {
  for (const where of ['a read-only folder', 'a read-only file in a writable folder'] as const) {
    it(`in ${where} serves the read commands and refuses writes with one line`, () => {
      const home = path.join(dir, where.replace(/\W+/g, '-'));
      const db = path.join(home, 'engram.db');
      makeCollection(db, path.join(dir, `notes-${home.length}`), 5);
      fs.chmodSync(db, 0o444);
      fs.chmodSync(home, where === 'a read-only folder' ? 0o555 : 0o777);
      const before = digest(db);
      const reads = [['decks', '--json'], ['cards', '--json'], ['due', '--json'], ['show', '1', '--json'], ['export'], ['stats', '--json']];
      const writes = [['answer', '1', 'good'], ['add', '--deck', 'D', '--front', 'f', '--back', 'b'], ['undo']];
      // One process as the unprivileged user runs them all; each command opens the database anew.
      const results = engramBatch(db, [...reads, ...writes], asUser!);
      reads.forEach((args, i) => {
        expect(results[i]!.stderr, args.join(' ')).toBe('');
        expect(results[i]!.code, args.join(' ')).toBe(0);
      });
      expect(JSON.parse(results[1]!.stdout)).toHaveLength(5);
      writes.forEach((args, i) => {
        const r = results[reads.length + i]!;
        expect(r.code, args.join(' ')).toBe(1);
        expectOneLine(r.stderr, /^engram: .*engram\.db is read-only/);
      });
      expect(digest(db)).toBe(before);
      fs.chmodSync(home, 0o755);
    });
  }
});

/** A tiny tmpfs, for a disk that really fills up; null where mounting is not allowed. */
function mountTmpfs(target: string, size: string): boolean {
  fs.mkdirSync(target, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', target]).status === 0;
}

/** Fills the file system holding `folder` to the last byte, then frees `leave` bytes. */
function fill(folder: string, leave = 0): void {
  const filler = path.join(folder, 'filler');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch {
    // ENOSPC: now top up with the smaller remainder
    try {
      for (;;) fs.writeSync(fd, block.subarray(0, 512));
    } catch {
      // full
    }
  } finally {
    fs.closeSync(fd);
  }
  if (leave > 0) fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - leave));
}

describe('a full disk', () => {
  const disk = path.join(os.tmpdir(), `engram-full-${process.pid}`);
  let mounted = false;
  beforeAll(() => {
    mounted = mountTmpfs(disk, '8m');
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [disk]);
    fs.rmSync(disk, { recursive: true, force: true });
  });

  it('answer, add, undo, import and backup fail with one line and change nothing', (ctx) => {
    if (!mounted) ctx.skip();
    const db = path.join(disk, 'engram.db');
    const notes = path.join(dir, 'full-notes');
    makeCollection(db, notes, 300);
    fs.writeFileSync(path.join(notes, 'new.md'), '# New\n\nA brand new question?::A brand new answer.\n');
    // Room to open the database (its 32 KB shared-memory file), not to write.
    fill(disk, 40_000);
    const writes = [['answer', '2', 'good'], ['add', '--deck', 'D', '--front', 'f', '--back', 'b'], ['undo'], ['import', notes], ['backup']];
    engramBatch(db, writes).forEach((r, i) => {
      expect(r.code, `${writes[i]![0]}: ${r.stderr}`).toBe(1);
      expectOneLine(r.stderr, /^engram: .*(no space left|disk I\/O error)/);
    });
    fs.rmSync(path.join(disk, 'filler'));
    const col = Collection.open(db);
    expect(col.cards({})).toHaveLength(300);
    expect(col.reviewsOf(1)).toHaveLength(1);
    expect(col.reviewsOf(2)).toHaveLength(0);
    col.close();
  });

  it('a migration does not run when the copy before it cannot be written, and leaves no empty copy', (ctx) => {
    if (!mounted) ctx.skip();
    const db = path.join(disk, 'old.db');
    const old = new Database(db);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO decks (name, options, created_at) VALUES ('Old', ?, 1)`).run(JSON.stringify({ pad: 'x'.repeat(1000) }));
    const insert = old.prepare(`INSERT INTO notes (path, content_hash, imported_at) VALUES (?, ?, 1)`);
    for (let i = 0; i < 3000; i++) insert.run(`/notes/${i}.md`, 'h'.repeat(500));
    old.close();
    expect(fs.statSync(db).size).toBeGreaterThan(1_000_000);
    // Room to open the database (its WAL files), not for a copy of it.
    fill(disk, 300_000);
    const r = engram(db, ['decks']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /^engram: cannot upgrade database .*old\.db: the copy made before upgrading failed .*nothing was changed/);
    expect(fs.readdirSync(disk).filter((f) => f.endsWith('.bak'))).toEqual([]);
    fs.rmSync(path.join(disk, 'filler'));
    const check = new Database(db, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    check.close();
  });
});

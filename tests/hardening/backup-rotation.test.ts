/**
 * Issue 12, item 2 (and the backup half of item 12): rotation goes by the order backups were
 * really written, never removes the one just made, keeps databases with the same base name
 * apart, and unfinished copies of killed backups are cleaned up (next run, SIGINT, SIGTERM).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const backups = () => fs.readdirSync(path.join(env.dir, 'backups')).sort();

/** A pid that surely belongs to no running process: one that just exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('backup rotation', () => {
  it('never removes the backup just written, even when earlier ones were named after a later clock', () => {
    env.json(['add', '--deck', 'B', '--front', 'q', '--back', 'a']);
    for (const day of ['01', '02', '03']) expect(env.run(['backup', '--keep', '3'], { now: `2030-01-${day}T09:00:00Z` }).code).toBe(0);
    const made = env.json(['backup', '--keep', '3'], { now: '2026-12-01T09:00:00Z' });
    expect(fs.existsSync(made.path)).toBe(true);
    expect(path.basename(made.path)).toBe('engram-20261201T090000Z.db');
    // The first one written is the oldest, whatever its name says.
    expect(made.deleted.map((f: string) => path.basename(f))).toEqual(['engram-20300101T090000Z.db']);
    expect(backups()).toEqual(['engram-20261201T090000Z.db', 'engram-20300102T090000Z.db', 'engram-20300103T090000Z.db']);
  });

  it('keeps the backups of notes.db and notes.sqlite apart', () => {
    const dbs = ['notes.db', 'notes.sqlite'].map((name) => path.join(env.dir, name));
    for (const db of dbs) expect(env.run(['--db', db, 'add', '--deck', 'B', '--front', path.basename(db), '--back', 'a']).code).toBe(0);
    for (const now of ['2026-12-01T09:00:00Z', '2026-12-02T09:00:00Z']) {
      for (const db of dbs) expect(env.run(['--db', db, 'backup', '--keep', '1'], { now }).code).toBe(0);
    }
    expect(backups()).toEqual(['notes-20261202T090000Z.db', 'notes-20261202T090000Z.sqlite']);
    const front = (file: string) => env.json(['--db', path.join(env.dir, 'backups', file), 'cards'])[0].front;
    expect(front('notes-20261202T090000Z.db')).toBe('notes.db');
    expect(front('notes-20261202T090000Z.sqlite')).toBe('notes.sqlite');
  });
});

describe('unfinished backups', () => {
  it('the next run removes partial copies left by a killed backup, not those of a running one', () => {
    env.json(['add', '--deck', 'B', '--front', 'q', '--back', 'a']);
    const dir = path.join(env.dir, 'backups');
    fs.mkdirSync(dir);
    const dead = path.join(dir, `engram-20261130T090000Z.db.${deadPid()}.partial`);
    const running = path.join(dir, `engram-20261130T090001Z.db.${process.pid}.partial`);
    const otherDb = path.join(dir, `other-20261130T090000Z.db.${deadPid()}.partial`);
    for (const file of [dead, running, otherDb]) fs.writeFileSync(file, 'half a copy');
    const r = env.run(['backup', '--json'], { now: '2026-12-01T09:00:00Z' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stale).toEqual([dead]);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(otherDb)).toBe(true);
  });

  /** A database of ~40 MB, so the copy takes many steps: built once, copied for each signal. */
  let big: Buffer | null = null;
  const useBigDatabase = () => {
    if (!big) {
      env.json(['add', '--deck', 'B', '--front', 'q', '--back', 'a']);
      const db = new Database(env.db);
      db.prepare(`UPDATE cards SET back = ?`).run('x'.repeat(1000));
      const insert = db.prepare(`INSERT INTO cards (deck_id, kind, front, back, item_key, due, new_position, created_at, modified_at)
        SELECT deck_id, kind, front || ?, ?, item_key || ?, due, ?, created_at, modified_at FROM cards LIMIT 1`);
      db.transaction(() => {
        for (let i = 0; i < 10_000; i++) insert.run(i, 'y'.repeat(4000), i, i + 10);
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      big = fs.readFileSync(env.db);
    } else {
      fs.writeFileSync(env.db, big);
    }
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during the copy removes the partial file`, async () => {
      useBigDatabase();
      const dir = path.join(env.dir, 'backups');
      const child = spawn(process.execPath, [CLI, 'backup'], { env: { ...process.env, ENGRAM_DB: env.db, ENGRAM_NOW: '2026-12-01T09:00:00Z' } });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
      let sawPartial = false;
      for (let i = 0; i < 5000 && !sawPartial; i++) {
        sawPartial = fs.existsSync(dir) && fs.readdirSync(dir).some((n) => n.endsWith('.partial'));
        if (!sawPartial) await new Promise((r) => setTimeout(r, 2));
      }
      expect(sawPartial).toBe(true);
      child.kill(signal);
      const end = await exited;
      expect(end.signal).toBe(signal);
      expect({ end, left: fs.readdirSync(dir) }).toEqual({ end: { code: null, signal }, left: [] });
    }, 30_000);
  }
});

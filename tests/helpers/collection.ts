/** A collection on a temporary database for in-process tests, with the clock pinned. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { setNow } from '../../src/core/index.js';

export interface TempCollection {
  col(): Collection;
  /** The temporary folder holding the database, for notes the test writes. */
  dir(): string;
}

let emptyDatabase: Buffer | null = null;

/**
 * A new, empty collection at `file`. The first one in a worker is created by Collection.open
 * (every migration, as for a user); later ones start from a copy of it, because a rules test
 * needs an empty collection, not twelve migrations per test (2 ms instead of 10–40 ms). An empty
 * database holds no row that depends on when or where it was made.
 */
export function openEmptyCollection(file: string): Collection {
  if (emptyDatabase) {
    fs.writeFileSync(file, emptyDatabase);
    return Collection.open(file);
  }
  Collection.open(file).close();
  emptyDatabase = fs.readFileSync(file);
  return Collection.open(file);
}

/**
 * Opens a fresh collection at `t0` before each test of the file and removes it after. Hooks
 * the caller registers later run after this one's, so they can fill the collection.
 */
export function useTempCollection(t0: number): TempCollection {
  let dir = '';
  let col: Collection | null = null;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-col-'));
    col = openEmptyCollection(path.join(dir, 'engram.db'));
    setNow(t0);
  });
  afterEach(() => {
    col?.close();
    col = null;
    setNow(null);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    col() {
      if (!col) throw new Error('useTempCollection: no collection outside a test');
      return col;
    },
    dir: () => dir,
  };
}

/**
 * Runs `fill` on a collection opened on `dbPath` (a subprocess test's database), with the clock
 * pinned at `time`, then closes it: setting up history in-process is much cheaper than one
 * spawned command per answer. `fill` may move the clock with setNow.
 */
export function withCollectionAt<T>(dbPath: string, time: number | string, fill: (col: Collection) => T): T {
  const col = Collection.open(dbPath);
  setNow(typeof time === 'string' ? Date.parse(time) : time);
  try {
    return fill(col);
  } finally {
    setNow(null);
    col.close();
  }
}

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

/**
 * Opens a fresh collection at `t0` before each test of the file and removes it after. Hooks
 * the caller registers later run after this one's, so they can fill the collection.
 */
export function useTempCollection(t0: number): TempCollection {
  let dir = '';
  let col: Collection | null = null;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-col-'));
    col = Collection.open(path.join(dir, 'engram.db'));
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

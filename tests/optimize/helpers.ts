/** Temporary collections for the optimize tests; each is removed after its test. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Collection } from '../../src/collection/collection.js';

const dirs: string[] = [];

export function tempCollection(): Collection {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-optimize-'));
  dirs.push(dir);
  return Collection.open(path.join(dir, 'engram.db'));
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Midnight UTC at the start of the simulated log. */
export const START = Date.parse('2026-01-05T00:00:00Z');

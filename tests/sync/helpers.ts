/** Several devices (each a database with its own copy of the notes) and one shared folder, in-process. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { setNow, type Card, type Memory } from '../../src/core/index.js';

export const NOTE = `---
deck: Sync
---
# Facts

What is the first fact?::The first answer.

What is the second fact?::The second answer.

What is the third fact?::The third answer.

What is the fourth fact?::The fourth answer.
`;

export interface Device {
  name: string;
  col: Collection;
  /** The device's own copy of the notes folder (at its own absolute path). */
  notes: string;
  root: string;
}

const roots: string[] = [];
const open: Collection[] = [];

/**
 * Closes the devices and removes their folders after each test of the calling file. Called by
 * each test file, not at this module's top level: test files share one module graph per worker,
 * so a hook registered on import would serve only the first file that imported this module.
 */
export function cleanUpDevicesAfterEach(): void {
  afterEach(() => {
    for (const col of open.splice(0)) col.close();
    setNow(null);
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });
}

export function tempDir(prefix = 'engram-sync-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  roots.push(dir);
  return dir;
}

/** A device with the notes under `<its root>/<folder>/deck/facts.md`, imported unless `note` is null. */
export function makeDevice(name: string, note: string | null = NOTE, folder = `notes-of-${name}`): Device {
  const root = tempDir(`engram-${name}-`);
  const notes = path.join(root, folder);
  fs.mkdirSync(path.join(notes, 'deck'), { recursive: true });
  const col = Collection.open(path.join(root, 'engram.db'));
  open.push(col);
  const device = { name, col, notes, root };
  if (note !== null) writeNote(device, note);
  return device;
}

export function writeNote(d: Device, text: string): void {
  fs.writeFileSync(path.join(d.notes, 'deck', 'facts.md'), text);
  const result = importNotes(d.col, [d.notes]);
  if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors));
}

export function card(d: Device, front: string): Card {
  const found = d.col.cards({}).find((c) => c.front === front);
  if (!found) throw new Error(`${d.name} has no card ${front}`);
  return found;
}

export function answer(d: Device, front: string, grade: 'again' | 'hard' | 'good' | 'easy', at: number): void {
  setNow(at);
  d.col.answer(card(d, front).id, grade);
}

/** Every FSRS field of every card, by question, with its log (grade and time), for comparing devices. */
export function stateOf(d: Device): Record<string, { memory: Memory; suspended: boolean; log: string[] }> {
  const out: Record<string, { memory: Memory; suspended: boolean; log: string[] }> = {};
  for (const c of d.col.cards({})) {
    out[c.front] = {
      // A card never answered is due from when it was made on that device: local, not synced.
      memory: c.memory.reps === 0 && c.memory.lastReview === null ? { ...c.memory, due: 0 } : c.memory,
      suspended: c.suspended,
      log: d.col.reviewsOf(c.id).map((r) => `${r.grade}@${new Date(r.reviewedAt).toISOString()} ${r.stateBefore}->${r.stateAfter} ${r.elapsedDays.toFixed(6)}`),
    };
  }
  return out;
}

/** Every file under a folder with its bytes (as text), for "nothing changed" checks. */
export function folderBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

export const T0 = Date.parse('2026-12-01T09:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/**
 * Finds and reads the Obsidian Spaced Repetition plugin's schedule-data files for the folders
 * being imported (see parseSrDataFile for the format): any `schedule-data.sr.md` the scan found
 * (it is data, never a note), and in the vault's root (the nearest folder holding `.obsidian`)
 * the plugin's `data.json` and `<scheduleDataVaultLocation>/schedule-data.sr.md`
 * (default folder `Spaced Repetition`). Every file found must stay inside that root.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/index.js';
import { parseSrDataFile, type SrTriple } from '../interop/index.js';
import { readInputFile } from './read-input.js';

export const SR_DATA_FILE_NAME = 'schedule-data.sr.md';
const PLUGIN_DATA = path.join('.obsidian', 'plugins', 'obsidian-spaced-repetition', 'data.json');
const DEFAULT_LOCATION = 'Spaced Repetition';
const MAX_DATA_BYTES = 32 * 1024 * 1024;

export interface SrDataIndex {
  /** Card id (the `^sr-data-id-` block id) → its schedules, one per card of the item. */
  cards: Map<string, Array<SrTriple | null>>;
  /** The files read. */
  files: string[];
  problems: Problem[];
}

/** True for a file the scan finds that is the plugin's data, not a note. */
export function isSrDataFile(file: string): boolean {
  return DATA_FILE_NAMES.has(path.basename(file));
}

/** The WIP folder store's file, and the two files of a later variant (`Schedule Data/card-…`, `note-…`). */
const DATA_FILE_NAMES = new Set([SR_DATA_FILE_NAME, 'card-schedule-data.sr.md', 'note-schedule-data.sr.md']);

export function loadSrDataFiles(inputs: readonly string[], scanned: readonly string[]): SrDataIndex {
  const index: SrDataIndex = { cards: new Map(), files: [], problems: [] };
  const candidates = new Set<string>(scanned.filter((f) => isSrDataFile(f) && !f.endsWith('note-schedule-data.sr.md')).map((f) => path.resolve(f)));
  for (const input of inputs) {
    const root = vaultRoot(path.resolve(input));
    if (!root) continue;
    const pluginData = path.join(root, PLUGIN_DATA);
    let location = DEFAULT_LOCATION;
    if (fs.existsSync(pluginData)) {
      candidates.add(pluginData);
      const settings = readJson(pluginData)?.['settings'] as Record<string, unknown> | undefined;
      const written = settings?.['scheduleDataVaultLocation'];
      if (typeof written === 'string' && written.trim()) location = written.trim();
    }
    for (const file of [path.resolve(root, location, SR_DATA_FILE_NAME), path.resolve(root, location, 'Schedule Data', 'card-schedule-data.sr.md')]) {
      if (inside(file, root) && fs.existsSync(file)) candidates.add(file);
    }
  }
  for (const file of candidates) {
    const read = readInputFile(file, MAX_DATA_BYTES);
    if (!read.ok) { index.problems.push({ file, line: 0, message: read.message }); continue; }
    const parsed = parseSrDataFile(Buffer.from(read.bytes).toString('utf8'));
    if (!parsed.ok) {
      // data.json without schedules is the usual case (the plugin keeps them in the notes).
      if (!file.endsWith('data.json')) index.problems.push({ file, line: 0, message: `spaced-repetition schedule data: ${parsed.message}` });
      continue;
    }
    index.files.push(file);
    if (parsed.unreadable > 0) index.problems.push({ file, line: 0, message: `${parsed.unreadable} unreadable schedule entr${parsed.unreadable === 1 ? 'y' : 'ies'}; those cards start new` });
    for (const [id, schedules] of parsed.cards) if (!index.cards.has(id)) index.cards.set(id, schedules);
  }
  return index;
}

/** The nearest folder at or above `start` (a folder, or a file's folder) that holds `.obsidian`. */
function vaultRoot(start: string): string | null {
  let dir = start;
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    return null;
  }
  for (let i = 0; i < 12; i++) {
    if (fs.existsSync(path.join(dir, '.obsidian'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

function inside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function readJson(file: string): Record<string, unknown> | null {
  const read = readInputFile(file, MAX_DATA_BYTES);
  if (!read.ok) return null;
  try {
    const value = JSON.parse(Buffer.from(read.bytes).toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

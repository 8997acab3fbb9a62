/**
 * Where the Obsidian Spaced Repetition plugin's schedule-data files are for the folders being
 * imported (read by sr-data-files.ts). Apart from the reading and parsing, so that an import that
 * reads nothing can tell there are none without loading the interop parsers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readInputFile } from './read-input.js';

export const SR_DATA_FILE_NAME = 'schedule-data.sr.md';
const PLUGIN_DATA = path.join('.obsidian', 'plugins', 'obsidian-spaced-repetition', 'data.json');
const DEFAULT_LOCATION = 'Spaced Repetition';
export const MAX_DATA_BYTES = 32 * 1024 * 1024;

/** True for a file the scan finds that is the plugin's data, not a note. */
export function isSrDataFile(file: string): boolean {
  // Every such name ends so: most files are told apart without taking their base name.
  return file.endsWith(SR_DATA_FILE_NAME) && DATA_FILE_NAMES.has(path.basename(file));
}

/** The WIP folder store's file, and the two files of a later variant (`Schedule Data/card-…`, `note-…`). */
const DATA_FILE_NAMES = new Set([SR_DATA_FILE_NAME, 'card-schedule-data.sr.md', 'note-schedule-data.sr.md']);

/** The schedule-data files to read for an import of `inputs` whose scan found `scanned`. */
export function srDataCandidates(inputs: readonly string[], scanned: readonly string[]): Set<string> {
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
  return candidates;
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

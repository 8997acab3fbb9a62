/**
 * `engram sync`: study on several machines through a folder that something else syncs (a git
 * repository, Syncthing, Dropbox). Each database is a device and writes only its own folder,
 * `PATH/<device>/`, as append-only JSON-lines files (one per UTC month); it reads every other
 * device's folder, takes the events it has not seen (by id), applies them, and rebuilds the
 * touched cards by replaying their whole log. Never a SQLite file in the folder: a sync tool
 * copying a live database corrupts it.
 *
 * One transaction per sync: the events read, how far each file was read, what they changed
 * and the rebuilt cards commit together or not at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EngramError, nodeCrypto, UsageError, now, trace } from '../core/index.js';
import {
  fileOffset, getSyncSetting, insertSyncEvent, markEventsSent, pendingEventCount, setFileOffset, setSyncSetting, syncDevices, unsentEvents,
} from '../store/sync.js';
import { DEVICE_NAME, EVENT_FILE, clockSkew, decodeEvent, eventFileName, slotOf, type SyncEvent } from '../sync/index.js';
import type { Collection } from './collection.js';
import { CardResolver, applyPending, rebuildCard } from './sync-apply.js';
import { deviceOf, enableSync } from './sync-log.js';

export interface SyncOptions {
  /** The shared folder; remembered, so later syncs may leave it out. */
  dir?: string;
  /** A readable device name, for the first sync only (default: a random one). */
  device?: string;
  /** Turns autoSync on or off (sync at the start and end of the review). */
  autoSync?: boolean;
}

export interface SyncReport {
  device: string;
  /** Events of this device written to its folder now. */
  sent: number;
  /** Events of other devices read now for the first time. */
  received: number;
  /** Events applied now (also older ones that waited for their card). */
  applied: number;
  /** Cards whose memory changed when their log was replayed. */
  cardsRebuilt: number;
  /** Events still waiting: their card (or deck) is not on this device yet, or they are from a newer engram. */
  pending: number;
  /** One line each: malformed lines, future versions, unknown cards, stray files, clock skew. */
  warnings: string[];
}

export interface SyncStatus {
  device: string | null;
  dir: string | null;
  autoSync: boolean;
  pending: number;
  devices: Array<{ device: string; events: number; lastEventAt: string; self: boolean }>;
}

/** Syncs with the folder (given or remembered). Throws a one-line error when there is none or it is unusable. */
export function syncFolder(col: Collection, options: SyncOptions = {}): SyncReport {
  const store = col.store;
  const remembered = getSyncSetting(store, 'dir');
  const dir = options.dir !== undefined ? path.resolve(options.dir) : remembered;
  if (!dir) throw new UsageError('no sync folder yet: run `engram sync --dir PATH` once (it is remembered)');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new EngramError(`${dir} is not a folder (--dir)`);
  fs.mkdirSync(dir, { recursive: true });

  let device = deviceOf(store);
  if (options.device !== undefined) {
    if (!DEVICE_NAME.test(options.device)) throw new UsageError(`--device must be letters, digits, '.', '_' or '-' (at most 64), not ${JSON.stringify(options.device)}`);
    if (device !== null && device !== options.device) throw new UsageError(`this database already syncs as device ${device}; --device cannot rename it`);
  }
  if (device === null) {
    const name = options.device ?? `device-${nodeCrypto().randomBytes(4).toString('hex')}`;
    const own = path.join(dir, name);
    if (fs.existsSync(own) && (!fs.statSync(own).isDirectory() || fs.readdirSync(own).length > 0)) {
      throw new EngramError(`${own} already exists: another database syncs as ${name}; choose another --device`);
    }
    enableSync(store, name);
    device = name;
  }
  store.transaction(() => {
    if (dir !== remembered) setSyncSetting(store, 'dir', dir);
    if (options.autoSync !== undefined) setSyncSetting(store, 'autoSync', String(options.autoSync));
  });

  const warnings: string[] = [];
  // Under the write lock: two syncs of this database at once (autoSync and a manual one) append in turn.
  const sent = store.transaction(() => writeOwnEvents(col, dir, device));
  trace('sync: own events written');
  const incoming = readOtherDevices(col, dir, device, warnings);
  trace(`sync: ${incoming.events.length} events read`);

  const time = now();
  const result = store.transaction(() => {
    let received = 0;
    for (const e of incoming.events) {
      const isNew = insertSyncEvent(store, {
        id: e.id, device: e.device, seq: e.seq, time: e.time, type: e.type, slot: e.event ? slotOf(e.event) : null,
        target: e.event?.type === 'undo' ? e.event.target : null, line: e.line,
        // a relink needs no card: it is known at once (and may let waiting events find theirs)
        status: e.event?.type === 'relink' ? 'applied' : 'pending', sent: 1,
      });
      if (isNew) received++;
    }
    for (const [file, offset] of incoming.offsets) setFileOffset(store, file, offset);
    trace('sync: events stored');
    if (pendingEventCount(store) === 0) return { received, applied: received > 0 ? incoming.events.filter((e) => e.event?.type === 'relink').length : 0, cardsRebuilt: 0 };
    const touched = new Set<number>();
    const resolver = new CardResolver(col);
    trace('sync: card keys indexed');
    const outcome = applyPending(col, resolver, touched);
    trace(`sync: ${outcome.applied} applied`);
    warnings.push(...outcome.warnings);
    if (outcome.waiting > 0) {
      warnings.push(`${outcome.waiting} ${outcome.waiting === 1 ? 'event waits' : 'events wait'} for cards this device does not have (yet), e.g. in ${outcome.unknownExample}: import those notes here`);
    }
    let cardsRebuilt = 0;
    for (const id of touched) if (rebuildCard(col, id, time)) cardsRebuilt++;
    trace(`sync: ${touched.size} cards replayed`);
    return { received, applied: outcome.applied, cardsRebuilt };
  });
  return { device, sent, ...result, pending: pendingEventCount(store), warnings };
}

/** Appends this device's unsent events to its folder and marks them sent (call in a transaction). Returns how many were written. */
function writeOwnEvents(col: Collection, dir: string, device: string): number {
  const store = col.store;
  const own = path.join(dir, device);
  if (fs.existsSync(own) && !fs.statSync(own).isDirectory()) throw new EngramError(`${own} is not a folder: this device's events go there`);
  fs.mkdirSync(own, { recursive: true });
  const unsent = unsentEvents(store);
  if (unsent.length === 0) return 0;
  const byFile = new Map<string, typeof unsent>();
  for (const row of unsent) {
    const name = eventFileName(row.time);
    const list = byFile.get(name) ?? [];
    list.push(row);
    byFile.set(name, list);
  }
  let written = 0;
  for (const [name, rows] of byFile) {
    const file = path.join(own, name);
    // Within one file this device's events are in sequence order: what is after its last line
    // was not written yet (an earlier sync that stopped before marking them sent wrote the rest).
    const last = repairAndLastSeq(file);
    const lines = rows.filter((r) => r.seq > last).map((r) => `${r.line}\n`).join('');
    if (!lines) continue;
    const fd = fs.openSync(file, 'a');
    try {
      fs.writeSync(fd, lines);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    written += rows.filter((r) => r.seq > last).length;
  }
  markEventsSent(store, unsent[unsent.length - 1]!.seq);
  return written;
}

/**
 * The sequence number of the last complete line of one of this device's own files (0 when
 * there is none). A torn last line (a write cut short) is cut off: only this device writes here.
 */
function repairAndLastSeq(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const bytes = fs.readFileSync(file);
  const end = bytes.lastIndexOf(0x0a);
  if (end + 1 < bytes.length) fs.truncateSync(file, end + 1);
  if (end < 0) return 0;
  const start = bytes.lastIndexOf(0x0a, end - 1) + 1;
  const decoded = decodeEvent(bytes.subarray(start, end).toString('utf8'));
  if (decoded.ok) return decoded.event.seq;
  return decoded.future ? decoded.seq : 0;
}

/** New bytes read from one device file in one sync at most: a month of a device's events is a few MB. */
const MAX_NEW_BYTES = 512 * 2 ** 20;

interface Incoming {
  id: string;
  device: string;
  seq: number;
  time: number;
  type: string;
  line: string;
  /** Null for a line from a newer format: it is kept, and waits. */
  event: SyncEvent | null;
}

/** Reads what is new in every other device's files: from where the last sync stopped, up to the last complete line. */
function readOtherDevices(col: Collection, dir: string, self: string, warnings: string[]): { events: Incoming[]; offsets: Map<string, number> } {
  const events: Incoming[] = [];
  const offsets = new Map<string, number>();
  const time = now();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === self) continue;
    const folder = path.join(dir, entry.name);
    if (!statIsDir(folder)) {
      warnings.push(`${folder}: not a device folder (not a directory), skipped`);
      continue;
    }
    if (!DEVICE_NAME.test(entry.name)) {
      warnings.push(`${folder}: not a device name, skipped`);
      continue;
    }
    let previous: number | null = null;
    let skewWarned = false;
    for (const name of fs.readdirSync(folder).sort()) {
      if (name.startsWith('.') || !EVENT_FILE.test(name)) continue;
      const file = path.join(folder, name);
      const key = `${entry.name}/${name}`;
      if (fs.statSync(file).size - fileOffset(col.store, key) > MAX_NEW_BYTES) {
        warnings.push(`${file}: over ${MAX_NEW_BYTES / 2 ** 20} MB of new events in one file, skipped (not a file engram wrote?)`);
        continue;
      }
      const read = readNew(col, file, key);
      if (!read) continue;
      offsets.set(key, read.offset);
      read.lines.forEach((line, i) => {
        if (!line.trim()) return;
        const where = () => `${file}:${read.lineNumber(i)}`;
        const decoded = decodeEvent(line);
        if (!decoded.ok) {
          if (!decoded.future) {
            warnings.push(`${where()}: malformed event (${decoded.message}), skipped`);
            return;
          }
          warnings.push(`${where()}: ${decoded.message}; kept until engram is upgraded`);
          if (decoded.device === entry.name) events.push({ id: decoded.id, device: decoded.device, seq: decoded.seq, time: decoded.time, type: 'future', line, event: null });
          return;
        }
        const e = decoded.event;
        if (e.device !== entry.name) {
          warnings.push(`${where()}: an event of device ${e.device} in ${entry.name}'s folder, skipped`);
          return;
        }
        const skew = clockSkew(e, previous, time);
        if (skew && !skewWarned) {
          warnings.push(`device ${e.device}: clock skew, ${skew} (its answers are ordered by the times it wrote)`);
          skewWarned = true;
        }
        previous = Math.max(previous ?? e.time, e.time);
        events.push({ id: e.id, device: e.device, seq: e.seq, time: e.time, type: e.type, line, event: e });
      });
    }
  }
  return { events, offsets };
}

function statIsDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The complete lines of a device file after the stored offset, and the offset after them; null
 * when nothing is new. A file shorter than the offset was replaced: it is read again from the
 * start (events already seen are skipped by id).
 */
function readNew(col: Collection, file: string, key: string): { lines: string[]; offset: number; lineNumber: (i: number) => number } | null {
  let offset = fileOffset(col.store, key);
  const size = fs.statSync(file).size;
  if (size < offset) offset = 0;
  if (size === offset) return null;
  const fd = fs.openSync(file, 'r');
  let bytes: Buffer;
  try {
    bytes = Buffer.alloc(size - offset);
    let got = 0;
    while (got < bytes.length) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, offset + got);
      if (n === 0) break;
      got += n;
    }
    bytes = bytes.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
  const end = bytes.lastIndexOf(0x0a);
  // A torn last line (still being copied): read again, complete, next time.
  if (end < 0) return null;
  let before: number | null = null;
  // Counting the lines before the offset costs a read of the file: only for a warning.
  const lineNumber = (i: number) => (before ??= offset === 0 ? 0 : lineCountBefore(file, offset)) + i + 1;
  return { lines: bytes.subarray(0, end).toString('utf8').split('\n'), offset: offset + end + 1, lineNumber };
}

function lineCountBefore(file: string, offset: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(offset);
    fs.readSync(fd, bytes, 0, offset, 0);
    let n = 0;
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) n++;
    return n;
  } finally {
    fs.closeSync(fd);
  }
}

/** The device, the remembered folder, and every device seen with its last event time. */
export function syncStatus(col: Collection): SyncStatus {
  const store = col.store;
  const device = deviceOf(store);
  return {
    device,
    dir: getSyncSetting(store, 'dir'),
    autoSync: getSyncSetting(store, 'autoSync') === 'true',
    pending: pendingEventCount(store),
    devices: syncDevices(store).map((d) => ({ device: d.device, events: d.events, lastEventAt: new Date(d.last).toISOString(), self: d.device === device })),
  };
}

/** Whether `engram`/`engram review` should sync at its start and end. */
export function autoSyncOn(col: Collection): boolean {
  return getSyncSetting(col.store, 'autoSync') === 'true' && getSyncSetting(col.store, 'dir') !== null;
}

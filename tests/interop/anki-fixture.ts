/**
 * Builds small Anki packages for tests: an SQLite file in Anki's legacy schema (11) written
 * with better-sqlite3, zipped with fflate, exactly as Anki's "Support older Anki versions"
 * export lays it out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`;

export const BASIC_REVERSED_MID = 1342697561419;
export const CLOZE_MID = 1342697561420;
export const TYPE_IN_MID = 1342697561421;

const MODELS = {
  [BASIC_REVERSED_MID]: {
    id: BASIC_REVERSED_MID, name: 'Basic (and reversed card)', type: 0,
    flds: [{ name: 'Front', ord: 0 }, { name: 'Back', ord: 1 }],
    tmpls: [
      { name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
      { name: 'Card 2', ord: 1, qfmt: '{{Back}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
    ],
  },
  [CLOZE_MID]: {
    id: CLOZE_MID, name: 'Cloze', type: 1,
    flds: [{ name: 'Text', ord: 0 }, { name: 'Back Extra', ord: 1 }],
    tmpls: [{ name: 'Cloze', ord: 0, qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
  },
  [TYPE_IN_MID]: {
    id: TYPE_IN_MID, name: 'Basic (type in the answer)', type: 0,
    flds: [{ name: 'Front', ord: 0 }, { name: 'Back', ord: 1 }],
    // Anki's stock type-in template (rslib/src/notetype/stock.rs, basic_typing).
    tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}' }],
  },
};

const DECKS = { 1: { id: 1, name: 'Default' }, 2000: { id: 2000, name: 'Geo::Capitals' } };

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);

/** Note ids and card ids of the standard fixture. */
export const IDS = {
  basicNote: T0 - 5000,
  clozeNote: T0 - 4000,
  basicForward: T0 - 3000,
  basicReverse: T0 - 2999,
  clozeOne: T0 - 2000,
  clozeTwo: T0 - 1999,
};

/** [card id, at, ease, type, time ms]; type 0 learn, 1 review, 2 relearn, 3 cram, 4 manual. */
export const REVLOG: Array<[number, number, number, number, number]> = [
  [IDS.basicForward, T0, 3, 0, 6000],
  [IDS.basicForward, T0 + 10 * 60_000, 3, 0, 4000],
  [IDS.basicForward, T0 + 3 * DAY, 4, 1, 2500],
  [IDS.basicForward, T0 + 5 * DAY, 0, 4, 0],
  [IDS.clozeOne, T0 + 60_000, 1, 0, 9000],
  [IDS.clozeOne, T0 + 2 * 60_000, 3, 0, 3000],
];

/** The collection's `conf` JSON; `{}` is an old collection without `schedVer` (Anki's v1 scheduler). */
export type CollectionConf = Record<string, unknown>;
const V2_CONF: CollectionConf = { schedVer: 2 };

/** More notes and media for one test: notes as [id, note type id, fields joined by \x1f], one card (ord 0) each. */
export interface FixtureExtras {
  notes?: Array<[number, number, string]>;
  /** Media files by name, stored as Anki does: numbered entries and a `media` map. */
  media?: Record<string, Uint8Array>;
}

export function buildCollection(file: string, revlog: typeof REVLOG = REVLOG, conf: CollectionConf = V2_CONF, extras: FixtureExtras = {}): void {
  const db = new Database(file);
  db.exec(SCHEMA);
  db.prepare(`INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, '{}', '{}')`).run(
    Math.floor(T0 / 1000), T0, T0, JSON.stringify(conf), JSON.stringify(MODELS), JSON.stringify(DECKS),
  );
  const note = db.prepare(`INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, '', 0, 0, '')`);
  note.run(IDS.basicNote, 'guid-basic', BASIC_REVERSED_MID, T0, ' math arithmetic ', 'What is <b>2 &amp; 2</b>?<br>Think&nbsp;hard\x1f<div>4</div>');
  note.run(IDS.clozeNote, 'guid-cloze', CLOZE_MID, T0, 'geo', '{{c1::Canberra::city}} is the capital of {{c2::Australia}}.\x1fSee the <i>map</i>');
  const card = db.prepare(`INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')`);
  card.run(IDS.basicForward, IDS.basicNote, 1, 0, T0, 2, 2);
  card.run(IDS.basicReverse, IDS.basicNote, 1, 1, T0, 0, -1);
  card.run(IDS.clozeOne, IDS.clozeNote, 2000, 0, T0, 1, 1);
  card.run(IDS.clozeTwo, IDS.clozeNote, 2000, 1, T0, 0, 0);
  for (const [nid, mid, flds] of extras.notes ?? []) {
    note.run(nid, `guid-${nid}`, mid, T0, '', flds);
    card.run(nid + 1, nid, 1, 0, T0, 0, 0);
  }
  const log = db.prepare(`INSERT INTO revlog VALUES (?, ?, -1, ?, 0, 0, 2500, ?, ?)`);
  for (const [cid, at, ease, type, time] of revlog) log.run(at, cid, ease, time, type);
  db.close();
}

/** Zips entries into an .apkg at `file`. */
export function writeZip(file: string, entries: Record<string, Uint8Array>): string {
  fs.writeFileSync(file, zipSync(entries));
  return file;
}

/** The standard fixture package: one Basic-and-reversed note, one Cloze note with two deletions, a review log. */
export function buildApkg(
  dir: string, name = 'deck.apkg', entry = 'collection.anki2', revlog: typeof REVLOG = REVLOG, conf: CollectionConf = V2_CONF,
  extras: FixtureExtras = {},
): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-apkg-'));
  try {
    const collection = path.join(tmp, 'collection.sqlite');
    buildCollection(collection, revlog, conf, extras);
    const media: Record<string, Uint8Array> = { 'map.png': new Uint8Array([137, 80, 78, 71]), ...extras.media };
    const names = Object.keys(media);
    return writeZip(path.join(dir, name), {
      [entry]: new Uint8Array(fs.readFileSync(collection)),
      media: new TextEncoder().encode(JSON.stringify(Object.fromEntries(names.map((n, i) => [String(i), n])))),
      ...Object.fromEntries(names.map((n, i) => [String(i), media[n]!])),
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

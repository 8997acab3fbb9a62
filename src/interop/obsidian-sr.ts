/**
 * Schedules Obsidian's spaced-repetition plugin writes into notes: `<!--SR:!2026-12-20,30,250-->`
 * after a card (due date, interval in days, ease ×100), one `!date,interval,ease` triple per card
 * the note's text makes (two for a reversed card, one per cloze deletion), and the older single
 * form `<!--SR:2026-12-20,30,250-->`. The patterns are the plugin's own (src/constants.ts,
 * MULTI_SCHEDULING_EXTRACTOR and LEGACY_SCHEDULING_EXTRACTOR); a triple dated 2000-01-01 is the
 * plugin's placeholder for a sibling not yet reviewed (DUMMY_DUE_DATE_FOR_NEW_CARD). Pure.
 */
export interface SrTriple {
  /** The due date as written (YYYY-MM-DD, the vault's local day). */
  due: string;
  intervalDays: number;
  /** Ease factor (the comment's value / 100, e.g. 2.5). */
  ease: number;
}

export type SrParse =
  | { ok: true; schedules: Array<SrTriple | null> }
  | { ok: false; message: string };

const COMMENT = /<!--SR:([\s\S]*?)-->/;
const MULTI = /!([\d-]+),(\d+),(\d+)/g;
const LEGACY = /^([\d-]+),(\d+),(\d+)$/;
const NEW_CARD_DATE = '2000-01-01';

/**
 * The schedules in a card's SR comment, in the order of the cards the note makes (null: that
 * card is still new). A comment that does not parse is a problem, not a silent new card.
 */
export function parseSrComment(text: string): SrParse | null {
  const comment = COMMENT.exec(text);
  if (!comment) return null;
  const body = comment[1]!.trim();
  const legacy = LEGACY.exec(body);
  const triples = legacy ? [legacy] : [...body.matchAll(MULTI)];
  if (triples.length === 0 || (!legacy && body.replace(MULTI, '').trim() !== '')) {
    return { ok: false, message: `unreadable spaced-repetition schedule '<!--SR:${body.slice(0, 40)}-->'` };
  }
  const schedules: Array<SrTriple | null> = [];
  for (const [, due, interval, ease] of triples) {
    if (due === NEW_CARD_DATE) { schedules.push(null); continue; }
    if (!isCalendarDate(due!)) return { ok: false, message: `spaced-repetition schedule has an impossible date '${due}'` };
    const intervalDays = Number(interval);
    const easeFactor = Number(ease) / 100;
    if (intervalDays < 1 || intervalDays > 36500) return { ok: false, message: `spaced-repetition interval ${interval} is outside 1..36500 days` };
    if (easeFactor < 1 || easeFactor > 10) return { ok: false, message: `spaced-repetition ease ${ease} is outside 100..1000` };
    schedules.push({ due: due!, intervalDays, ease: easeFactor });
  }
  return { ok: true, schedules };
}

function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1970 && y < 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The plugin's single schedule-data file. Instead of a comment after each card, a card carries a
 * block id `^sr-data-id-<id>` (SR_DATA_ID_TAG in the plugin's src/data/constants.ts) and its
 * schedules live in JSON: `Spaced Repetition/schedule-data.sr.md` (the folder store) or the
 * `scheduleData` field of the plugin's `data.json` (the plugin-data store), both shaped as
 * ISerializedScheduleData (src/data/plugin-data.ts):
 * `{version: 1, noteSchedules: {…}, cardSchedules: {<id>: [{algorithm, scheduleData} | null, …]}}`,
 * one entry per card of the item as in the comment. An `SM-2-OSR` entry is
 * `{dueDate: "YYYY-MM-DD", interval, ease (×100), delayedBeforeReviewTicks}`; an `FSRS` entry
 * `{dueDate (ISO time), interval, stability, difficulty, …}` is taken as its due day, interval and
 * the ease the plugin's difficultyToEase gives (130..370). In the plugin's repository these
 * stores are work in progress (src/data/data-store/WIP_DataStores.zip; the docs say the single
 * file is not implemented yet), so this reads the format its code writes. Pure.
 */
export const SR_DATA_ID_TAG = '^sr-data-id-';

export type SrDataFile =
  | { ok: true; cards: Map<string, Array<SrTriple | null>>; noteSchedules: number; unreadable: number }
  | { ok: false; message: string };

/** The schedules of a schedule-data file (raw JSON, or a data.json holding `scheduleData`). */
export function parseSrDataFile(text: string): SrDataFile {
  let json: unknown;
  // Raw JSON (the WIP folder store), or JSON in a ```json block of a Markdown file (a later variant).
  const body = text.replace(/^\uFEFF/, '').trim();
  const fenced = /^```json[ \t]*\n([\s\S]*?)\n```/m.exec(body)?.[1];
  try {
    json = JSON.parse((body.startsWith('{') ? body : fenced ?? body) || 'null');
  } catch {
    return { ok: false, message: 'not valid JSON' };
  }
  const record = (value: unknown): Record<string, unknown> | null =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const root = record(json);
  const data = record(root?.['scheduleData']) ?? root;
  const cardSchedules = record(data?.['cardSchedules']);
  if (!data || !cardSchedules) return { ok: false, message: 'no cardSchedules in it' };
  const cards = new Map<string, Array<SrTriple | null>>();
  let unreadable = 0;
  for (const [id, entries] of Object.entries(cardSchedules)) {
    if (!Array.isArray(entries) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) { unreadable++; continue; }
    cards.set(id, entries.slice(0, 100).map((entry) => {
      const triple = tripleOfEntry(record(entry));
      if (triple === undefined) unreadable++;
      return triple ?? null;
    }));
  }
  return { ok: true, cards, noteSchedules: Object.keys(record(data['noteSchedules']) ?? {}).length, unreadable };
}

/** A serialized entry as a comment triple; null for a card still new, undefined when unreadable. */
function tripleOfEntry(entry: Record<string, unknown> | null): SrTriple | null | undefined {
  if (entry === null) return null;
  // `{algorithm, scheduleData: {…}}`, or the schedule itself (`{dueDate, interval, ease}`).
  const data = 'scheduleData' in entry ? entry['scheduleData'] : entry;
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const interval = Number(d['interval']);
  const due = typeof d['dueDate'] === 'string' ? dayOf(d['dueDate']) : null;
  if (due === NEW_CARD_DATE) return null;
  let ease: number;
  if (entry['algorithm'] === 'FSRS') {
    const difficulty = Math.min(10, Math.max(1, Number(d['difficulty'])));
    if (!Number.isFinite(difficulty)) return undefined;
    ease = Math.round(130 + ((10 - difficulty) / 9) * (370 - 130));
  } else {
    ease = Number(d['ease']);
  }
  if (!due || !Number.isInteger(interval) || !Number.isFinite(ease)) return undefined;
  const parsed = parseSrComment(`<!--SR:!${due},${interval},${Math.round(ease)}-->`);
  return parsed?.ok ? parsed.schedules[0] ?? null : undefined;
}

/** `YYYY-MM-DD` from the plugin's date forms (YYYY-MM-DD, DD-MM-YYYY, an ISO time); null otherwise. */
function dayOf(text: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text);
  if (iso) {
    // An FSRS due time is an instant (UTC); its day is the vault's local day, as the plugin shows it.
    if (text.length > 10) {
      const time = Date.parse(text);
      if (!Number.isFinite(time)) return null;
      const at = new Date(time);
      return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
    }
    return iso[1]!;
  }
  const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : null;
}

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

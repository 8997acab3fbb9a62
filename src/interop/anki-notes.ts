/**
 * Anki's collection rows → plain "foreign cards" (the first phase of an import, as in Anki's
 * own importer): note types read from the `col` JSON, fields split on \x1f, card templates
 * rendered and converted to text, the review log mapped to Engram grades. No I/O, no store.
 */
import { EngramError, isPlausibleTime, timeProblem, type Grade } from '../core/index.js';
import { htmlToText } from './anki-html.js';

export interface AnkiNoteRow { id: number; mid: number | string; flds: string; tags: string }
export interface AnkiCardRow { id: number; nid: number; did: number | string; ord: number; queue: number }
export interface AnkiRevlogRow { id: number; cid: number; ease: number; time: number; type: number }

export interface AnkiCollectionRows {
  models: string;
  decks: string;
  conf: string;
  notes: AnkiNoteRow[];
  cards: AnkiCardRow[];
  revlog: AnkiRevlogRow[];
}

interface AnkiModel {
  name: string;
  cloze: boolean;
  /** A template asks to type the answer (`{{type:Back}}`, Anki's "Basic (type in the answer)"). */
  typeIn: boolean;
  fields: string[];
  templates: Array<{ ord: number; qfmt: string; afmt: string }>;
}

export interface ForeignReview {
  grade: Grade;
  time: number;
  durationMs: number | null;
}

export type ForeignContent =
  | { type: 'basic'; front: string; back: string }
  /** Cloze text keeps Anki's `{{cN::…}}` markers; `group` (`c1`…) is the deletion this card asks for. */
  | { type: 'cloze'; text: string; group: string; extra: string };

export interface ForeignCard {
  /** `anki:<note id>:<ord>`: the same Anki card gets the same key on every import. */
  itemKey: string;
  noteId: number;
  ord: number;
  deck: string;
  kind: 'basic' | 'reversed' | 'cloze';
  content: ForeignContent;
  tags: string[];
  suspended: boolean;
  /** Its note type asks to type the answer; Engram has no typed-answer cards yet, so it is basic. */
  typeIn: boolean;
  /** When Anki created the card (its id is a millisecond timestamp). */
  createdAt: number;
  reviews: ForeignReview[];
}

export interface ConvertResult {
  cards: ForeignCard[];
  /** Which Anki scheduler answered the log: 1 (three buttons while learning) or 2. */
  schedulerVersion: AnkiSchedulerVersion;
  skipped: Array<{ noteId: number; ord: number; reason: string }>;
}

export type AnkiSchedulerVersion = 1 | 2;

const GRADES_4: Grade[] = ['again', 'hard', 'good', 'easy'];
// Anki's v1 scheduler showed three buttons to cards answered on its learning path: again, good, easy.
const GRADES_V1_LEARNING: Grade[] = ['again', 'good', 'easy'];
/**
 * Revlog types v1 logged from its learning path (`_answerLrnCard`: learn 0, relearn 2, and cram 3
 * for a filtered-deck card that was not new); review answers (1) always had four buttons.
 */
const V1_THREE_BUTTON_TYPES = new Set([0, 2, 3]);

export function convertAnkiCollection(rows: AnkiCollectionRows, options: { deck?: string; fallbackTime: number }): ConvertResult {
  const models = parseModels(rows.models);
  const decks = parseDeckNames(rows.decks);
  const schedVer = parseSchedVer(rows.conf);
  const notes = new Map(rows.notes.map((n) => [n.id, n]));
  const logs = new Map<number, AnkiRevlogRow[]>();
  for (const r of rows.revlog) {
    const list = logs.get(r.cid) ?? [];
    list.push(r);
    logs.set(r.cid, list);
  }
  const result: ConvertResult = { cards: [], skipped: [], schedulerVersion: schedVer };
  for (const card of [...rows.cards].sort((a, b) => a.nid - b.nid || a.ord - b.ord)) {
    const skip = (reason: string) => result.skipped.push({ noteId: card.nid, ord: card.ord, reason });
    const note = notes.get(card.nid);
    if (!note) { skip('card without a note'); continue; }
    const model = models.get(String(note.mid));
    if (!model) { skip(`unknown note type ${String(note.mid)}`); continue; }
    const fields = fieldMap(model, note.flds);
    const content = model.cloze ? clozeContent(model, fields, card.ord) : basicContent(model, fields, card.ord);
    if (typeof content === 'string') { skip(content); continue; }
    const reviews = (logs.get(card.id) ?? [])
      .sort((a, b) => a.id - b.id)
      .flatMap((r) => {
        const grade = revlogGrade(r, schedVer);
        if (!grade) return [];
        // A review's id is when it was given; one outside 1970..2200 is a damaged or hostile log.
        const problem = timeProblem(r.id, `revlog.id of a review of card ${card.id}`);
        if (problem) throw new EngramError(problem);
        // Anki caps answer times at minutes; anything beyond a day is not a duration worth keeping.
        return [{ grade, time: r.id, durationMs: r.time > 0 && r.time < 86_400_000 ? Math.round(r.time) : null }];
      });
    const plausible = isPlausibleTime(card.id) && card.id > Date.UTC(2000, 0, 1) ? card.id : options.fallbackTime;
    result.cards.push({
      itemKey: `anki:${card.nid}:${card.ord}`,
      noteId: card.nid,
      ord: card.ord,
      deck: options.deck ?? decks.get(String(card.did)) ?? 'Default',
      kind: model.cloze ? 'cloze' : card.ord > 0 ? 'reversed' : 'basic',
      content,
      tags: note.tags.split(/\s+/).filter(Boolean),
      suspended: card.queue === -1,
      typeIn: model.typeIn && !model.cloze,
      createdAt: Math.min(plausible, reviews[0]?.time ?? plausible),
      reviews,
    });
  }
  return result;
}

/**
 * Ease → grade for the scheduler that logged it. Manual entries (type 4 and up: reschedule,
 * forget) are not answers and are left out, and so is an ease the card's buttons could not give
 * (4 on a v1 learning card).
 */
export function revlogGrade(row: Pick<AnkiRevlogRow, 'ease' | 'type'>, schedVer: AnkiSchedulerVersion): Grade | null {
  if (row.ease < 1 || row.ease > 4 || row.type < 0 || row.type >= 4) return null;
  const scale = schedVer === 1 && V1_THREE_BUTTON_TYPES.has(row.type) ? GRADES_V1_LEARNING : GRADES_4;
  return scale[row.ease - 1] ?? null;
}

function basicContent(model: AnkiModel, fields: Map<string, string>, ord: number): ForeignContent | string {
  const template = model.templates.find((t) => t.ord === ord);
  if (!template) return `note type '${model.name}' has no card template ${ord}`;
  const frontHtml = renderTemplate(template.qfmt, fields);
  const answer = renderTemplate(template.afmt, fields, 'answer');
  // The answer side normally repeats the question above <hr id=answer>; keep what follows it.
  const split = answer.split(/<hr[^>]*id\s*=\s*["']?answer["']?[^>]*>/i);
  const backHtml = split.length > 1 ? split.slice(1).join('') : answer.replace(/\{\{FrontSide\}\}/g, '');
  const front = htmlToText(frontHtml);
  const back = htmlToText(backHtml);
  if (!front) return 'empty front';
  return { type: 'basic', front, back };
}

function clozeContent(model: AnkiModel, fields: Map<string, string>, ord: number): ForeignContent | string {
  const textField = model.fields.find((f) => f.toLowerCase() === 'text') ?? model.fields[0];
  const text = htmlToText(fields.get(textField ?? '') ?? '');
  const group = `c${ord + 1}`;
  if (!new RegExp(`\\{\\{c${ord + 1}::`).test(text)) return `cloze ${ord + 1} not found in the text`;
  const extra = model.fields
    .filter((f) => f !== textField)
    .map((f) => htmlToText(fields.get(f) ?? ''))
    .filter(Boolean)
    .join('\n\n');
  return { type: 'cloze', text, group, extra };
}

/**
 * A small Mustache subset, enough for Anki's stock note types: `{{Field}}`, filters
 * (`{{text:Field}}`; `tts` drops out, `type:` too on the question, while on the answer it is the
 * field, as Anki shows the expected answer there), `{{#Field}}…{{/Field}}` and `{{^Field}}…{{/Field}}`.
 */
export function renderTemplate(template: string, fields: Map<string, string>, side: 'question' | 'answer' = 'question'): string {
  const value = (name: string) => fields.get(name.trim()) ?? '';
  let out = template;
  // Innermost sections first, until none are left.
  const section = /\{\{([#^])\s*([^}]+?)\s*\}\}((?:(?!\{\{[#^])[\s\S])*?)\{\{\/\s*\2\s*\}\}/;
  for (let guard = 0; guard < 100 && section.test(out); guard++) {
    out = out.replace(section, (_, kind: string, name: string, body: string) => {
      const filled = value(name).replace(/<[^>]*>/g, '').trim() !== '';
      return (kind === '#') === filled ? body : '';
    });
  }
  return out.replace(/\{\{([^{}]+)\}\}/g, (whole, inner: string) => {
    const parts = inner.split(':');
    const name = parts[parts.length - 1]!.trim();
    if (name === 'FrontSide') return whole;
    const filters = parts.slice(0, -1).map((f) => f.trim());
    if (filters.some((f) => f.startsWith('tts'))) return '';
    if (filters.includes('type')) return side === 'answer' ? value(name) : '';
    return value(name);
  });
}

function fieldMap(model: AnkiModel, flds: string): Map<string, string> {
  const values = flds.split('\x1f');
  return new Map(model.fields.map((name, i) => [name, values[i] ?? '']));
}

function parseJson(json: string, what: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new EngramError(`the Anki collection's ${what} are not valid JSON`);
  }
}

function parseModels(json: string): Map<string, AnkiModel> {
  const raw = parseJson(json, 'note types') as Record<string, unknown>;
  const models = new Map<string, AnkiModel>();
  if (typeof raw !== 'object' || raw === null) return models;
  for (const [id, value] of Object.entries(raw)) {
    // The JSON is the package author's: any entry may be null or of another shape.
    const m = (value ?? {}) as { name?: unknown; type?: unknown; flds?: unknown; tmpls?: unknown };
    if (!Array.isArray(m.flds) || !Array.isArray(m.tmpls)) continue;
    const fields = (m.flds as Array<{ name?: unknown; ord?: unknown } | null>)
      .map((f, i) => ({ name: String(f?.name ?? `Field ${i + 1}`), ord: typeof f?.ord === 'number' ? f.ord : i }))
      .sort((a, b) => a.ord - b.ord)
      .map((f) => f.name);
    const templates = (m.tmpls as Array<{ ord?: unknown; qfmt?: unknown; afmt?: unknown } | null>).map((t, i) => ({
      ord: typeof t?.ord === 'number' ? t.ord : i, qfmt: String(t?.qfmt ?? ''), afmt: String(t?.afmt ?? ''),
    }));
    const typeIn = templates.some((t) => /\{\{\s*type:/.test(t.qfmt) || /\{\{\s*type:/.test(t.afmt));
    models.set(id, { name: String(m.name ?? id), cloze: m.type === 1, typeIn, fields, templates });
  }
  return models;
}

function parseDeckNames(json: string): Map<string, string> {
  const raw = parseJson(json, 'decks') as Record<string, { name?: unknown }>;
  const names = new Map<string, string>();
  if (typeof raw !== 'object' || raw === null) return names;
  for (const [id, deck] of Object.entries(raw)) {
    if (typeof deck?.name === 'string' && deck.name.trim()) names.set(id, deck.name.replace(/\x1f/g, '::').trim());
  }
  return names;
}

/**
 * The collection's scheduler. As in Anki (`scheduler_version()` in rslib/src/config/mod.rs), a
 * collection without `schedVer` is on v1: collections older than the v2 scheduler never wrote it.
 */
export function parseSchedVer(json: string): AnkiSchedulerVersion {
  try {
    const conf = JSON.parse(json) as { schedVer?: unknown } | null;
    return typeof conf?.schedVer === 'number' && conf.schedVer >= 2 ? 2 : 1;
  } catch {
    return 1;
  }
}

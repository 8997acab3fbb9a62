/**
 * The JSON backup document (`engram export --format json`): versioned, every card with its
 * full schedule, every review, and what links them (notes by path, papers by key). Card ids
 * appear only so reviews can point at their card; a restore gives cards new ids. Times are
 * epoch milliseconds, exactly as stored.
 */
import * as z from 'zod/mini';
import { CARD_KINDS, CARD_STATUSES } from '../core/types.js';
import { isPlausibleTime, sourcePathProblem, timeProblem } from '../core/index.js';

export const BACKUP_VERSION = 1 as const;

const int = () => z.int();
// Times go into STRICT INTEGER columns (a fraction or an unsafe integer would fail the insert),
// and are shown as dates later: one plausible range (core/time-range) for every way in.
const ms = () => z.int().check(z.refine(isPlausibleTime, { error: (issue) => `${String(issue.input)} is not a time between 1970 and 2200 (epoch milliseconds)` }));
const text = () => z.string();
// Source paths are handed to the user's editor: absolute and plain only (core/source-path).
const sourcePath = () => z.string().check(z.refine((file) => sourcePathProblem(file) === null, { error: (issue) => sourcePathProblem(String(issue.input)) ?? 'invalid path' }));

const deck = z.object({ name: z.string().check(z.minLength(1)), createdAt: ms(), options: z.record(z.string(), z.unknown()) });
const note = z.object({ path: sourcePath(), contentHash: text(), importedAt: ms() });
const state = z.enum(['new', 'learning', 'review', 'relearning']);
const kind = z.enum(CARD_KINDS);

const card = z.object({
  id: int(),
  deck: text(),
  note: z.nullable(sourcePath()),
  kind,
  front: text(),
  back: text(),
  source: z.nullable(z.object({ file: sourcePath(), line: int().check(z.gte(1)) })),
  breadcrumb: z.array(text()),
  itemKey: text(),
  tags: z.array(text()),
  state,
  due: ms(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: int(),
  reps: int(),
  lapses: int(),
  lastReview: z.nullable(ms()),
  suspended: z.boolean(),
  buriedUntil: ms(),
  retired: z.boolean(),
  newPosition: int(),
  createdAt: ms(),
  modifiedAt: ms(),
  seenFront: z.nullable(text()),
  seenBack: z.nullable(text()),
  /** Absent in exports written before suggestions existed: those cards were all in the queue. */
  status: z.optional(z.enum(CARD_STATUSES)),
  /** Absent in exports written before card actions and typed answers existed: no flag, no edits, shown. */
  flag: z.optional(z.int().check(z.minimum(0), z.maximum(4))),
  tagEdits: z.optional(z.object({ add: z.array(text()), remove: z.array(text()) })),
  typeIn: z.optional(z.boolean()),
  example: z.nullable(z.object({ lang: z.enum(['ts', 'js']), code: text(), line: int(), path: z.nullable(text()) })),
  papers: z.array(text()),
});

const review = z.object({
  card: int(),
  grade: z.enum(['again', 'hard', 'good', 'easy']),
  reviewedAt: ms(),
  elapsedDays: z.number(),
  durationMs: z.nullable(int()),
  stateBefore: state,
  stateAfter: state,
  /** The undo snapshot, kept so `engram undo` still works on a restored database. */
  before: z.unknown(),
});

const paper = z.object({
  key: text(),
  title: text(),
  authors: z.array(text()),
  venue: z.nullable(text()),
  year: z.nullable(int()),
  slugs: z.array(text()),
  firstAuthor: z.nullable(text()),
  idea: z.nullable(text()),
  topic: z.nullable(text()),
  aliases: z.array(text()),
  declaredIn: z.nullable(text()),
  citations: z.array(z.object({ note: text(), line: int(), raw: text() })),
});

export const backupSchema = z.object({
  engram: z.literal(BACKUP_VERSION),
  exportedAt: text(),
  decks: z.array(deck),
  notes: z.array(note),
  cards: z.array(card),
  reviews: z.array(review),
  papers: z.array(paper),
});

export type BackupDocument = z.infer<typeof backupSchema>;
export type BackupCard = BackupDocument['cards'][number];
export type BackupReview = BackupDocument['reviews'][number];
export type BackupPaper = BackupDocument['papers'][number];

/**
 * Parses and checks a backup document, including what a schema cannot say (reviews point at
 * cards in the file, cards at decks and notes in the file). Returns the first problem as one
 * line, `where: what`, or the document.
 */
export function parseBackup(json: string): { ok: true; doc: BackupDocument } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `not JSON (${(error as Error).message})` };
  }
  if (typeof raw === 'object' && raw !== null && 'engram' in raw && (raw as { engram: unknown }).engram !== BACKUP_VERSION) {
    return { ok: false, problem: `backup version ${JSON.stringify((raw as { engram: unknown }).engram)} is not supported (this engram reads version ${BACKUP_VERSION})` };
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    return { ok: false, problem: `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}` };
  }
  const doc = parsed.data;
  const decks = new Set<string>();
  for (const [i, d] of doc.decks.entries()) {
    if (decks.has(d.name)) return { ok: false, problem: `decks[${i}].name: deck '${d.name}' appears twice` };
    decks.add(d.name);
  }
  const notes = new Set(doc.notes.map((n) => n.path));
  if (notes.size !== doc.notes.length) return { ok: false, problem: 'notes: a note path appears twice' };
  const papers = new Set(doc.papers.map((p) => p.key));
  if (papers.size !== doc.papers.length) return { ok: false, problem: 'papers: a paper key appears twice' };
  const cardIds = new Set<number>();
  for (const [i, c] of doc.cards.entries()) {
    if (cardIds.has(c.id)) return { ok: false, problem: `cards[${i}].id: card id ${c.id} appears twice` };
    cardIds.add(c.id);
    if (!decks.has(c.deck)) return { ok: false, problem: `cards[${i}].deck: no deck named '${c.deck}' in the file` };
    if (c.note !== null && !notes.has(c.note)) return { ok: false, problem: `cards[${i}].note: no note '${c.note}' in the file` };
    const unknownPaper = c.papers.find((k) => !papers.has(k));
    if (unknownPaper) return { ok: false, problem: `cards[${i}].papers: no paper '${unknownPaper}' in the file` };
  }
  for (const [i, r] of doc.reviews.entries()) {
    if (!cardIds.has(r.card)) return { ok: false, problem: `reviews[${i}].card: no card with id ${r.card} in the file` };
    const snapshotProblem = snapshotTimeProblem(r.before, `reviews[${i}].before`);
    if (snapshotProblem) return { ok: false, problem: snapshotProblem };
  }
  for (const [i, p] of doc.papers.entries()) {
    const c = p.citations.findIndex((x) => !notes.has(x.note));
    if (c >= 0) return { ok: false, problem: `papers[${i}].citations[${c}].note: no note '${p.citations[c]!.note}' in the file` };
  }
  return { ok: true, doc };
}

/** `engram undo` puts an answer's snapshot back on the card: its times must be as plausible as the card's. */
function snapshotTimeProblem(before: unknown, where: string): string | null {
  if (typeof before !== 'object' || before === null) return null;
  const snapshot = before as { memory?: unknown; buriedUntil?: unknown };
  if (typeof snapshot.buriedUntil === 'number') {
    const problem = timeProblem(snapshot.buriedUntil, `${where}.buriedUntil`);
    if (problem) return problem;
  }
  if (typeof snapshot.memory !== 'object' || snapshot.memory === null) return null;
  const memory = snapshot.memory as Record<string, unknown>;
  for (const field of ['due', 'lastReview']) {
    const value = memory[field];
    if (value === null || value === undefined) continue;
    const problem = typeof value === 'number' ? timeProblem(value, `${where}.memory.${field}`) : `${where}.memory.${field}: not a time`;
    if (problem) return problem;
  }
  return null;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

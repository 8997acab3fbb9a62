/**
 * `engram import-anki`: an Anki package becomes Engram cards with their review history.
 * Phase one (pure, src/interop) turns the package into foreign cards; phase two, here, writes
 * them in one transaction. Each card's memory is rebuilt by replaying its Anki answers with
 * Engram's scheduler, so it is scheduled as if it had been studied in Engram. Cards are keyed
 * `anki:<note id>:<ord>`, so importing the same package again adds no cards; answers given in
 * Anki since are appended to the log.
 */
import path from 'node:path';
import { EngramError, encodeUndoSnapshot, now, type Memory } from '../core/index.js';
import {
  convertAnkiCollection, imageRefs, linkImages, readAnkiPackage, readPackageMedia, MAX_COLLECTION_BYTES, type AnkiSchedulerVersion, type ForeignCard,
} from '../interop/index.js';
import { storeMediaFiles } from './media-files.js';
import { ClozeCounter, findClozes, renderCloze, type ClozeSpan } from '../notes/cloze.js';
import { answerMemory, elapsedDaysAt, newMemory } from '../scheduler/index.js';
import { readAnkiCollection } from '../store/anki-collection.js';
import { InteropStore } from '../store/interop.js';
import { schedulerOptions, type Collection } from './collection.js';
import { readInputFile } from './read-input.js';

export interface AnkiImportResult {
  file: string;
  cards: { added: number; updated: number; unchanged: number };
  reviews: number;
  skipped: Array<{ noteId: number; ord: number; reason: string }>;
  decks: string[];
  /** Anki's scheduler that gave the answers (1: learning cards had three buttons), as the package says. */
  scheduler: AnkiSchedulerVersion;
  /** Media files in the package. */
  media: number;
  /** Pictures the cards show, stored in `media/` beside the database and linked from the card text. */
  mediaImported: number;
  /** Pictures the cards show that were not stored, with the reason. */
  mediaSkipped: Array<{ name: string; reason: string }>;
  /** Cards of a type-in note type ("Basic (type in the answer)"): they ask for a typed answer in the review. */
  typeIn: number;
}

const MAX_PACKAGE_BYTES = MAX_COLLECTION_BYTES;


export function importAnki(col: Collection, file: string, options: { deck?: string } = {}): AnkiImportResult {
  const label = path.basename(file);
  const bytes = readPackage(file);
  const pkg = readAnkiPackage(bytes, label);
  const rows = readAnkiCollection(pkg.collection, label);
  const time = now();
  const deck = options.deck?.trim();
  const converted = namingPackage(label, () => convertAnkiCollection(rows, { ...(deck ? { deck } : {}), fallbackTime: time }));
  const store = new InteropStore(col.store);
  const result: AnkiImportResult = {
    file, cards: { added: 0, updated: 0, unchanged: 0 }, reviews: 0, skipped: converted.skipped, decks: [], scheduler: converted.schedulerVersion, media: pkg.mediaCount,
    typeIn: converted.cards.filter((c) => c.typeIn).length, mediaImported: 0, mediaSkipped: [],
  };
  // Pictures first (outside the transaction: files are not rolled back, but they are content-addressed
  // and harmless if the cards are not written); the cards then link the stored files.
  const plainSides = new Map(converted.cards.map((card) => [card.itemKey, sides(card)]));
  const wanted = [...new Set([...plainSides.values()].flatMap((s) => [...imageRefs(s.front), ...imageRefs(s.back)]))];
  const media = col.store.path === ':memory:' ? { files: new Map<string, Uint8Array>(), skipped: [] } : readPackageMedia(bytes, wanted);
  const stored = storeMediaFiles(col.store.path, media.files);
  result.mediaImported = stored.size;
  result.mediaSkipped = media.skipped;
  col.store.transactionWithSearchIndexDeferred(() => {
    const decks = new Set<string>();
    const known = store.cardIdsByItemKeyPrefix('anki:');
    for (const card of converted.cards) {
      const plain = plainSides.get(card.itemKey)!;
      const front = linkImages(plain.front, stored);
      const back = linkImages(plain.back, stored);
      const deckId = col.ensureDeck(card.deck);
      decks.add(card.deck);
      const existing = known.get(card.itemKey);
      if (existing !== undefined) {
        // Already imported: text edits made in Anki come over, and so do answers given in Anki
        // since the card's last answer here (appended to the log; earlier ones are already in it).
        const stored = col.getCard(existing);
        const added = appendNewAnswers(col, stored.id, card, deckId);
        result.reviews += added;
        if (stored.front === front && stored.back === back && added === 0) {
          result.cards.unchanged++;
        } else {
          if (stored.front !== front || stored.back !== back) col.store.updateCardContent(existing, { ...stored, front, back }, time);
          result.cards.updated++;
        }
        continue;
      }
      const history = replay(card, schedulerOptions(col.deckOptions(deckId)));
      const last = history.at(-1)?.after;
      const id = store.insertCard({
        deck_id: deckId, note_id: null, kind: card.kind, type_in: card.typeIn ? 1 : 0, front, back, source_file: null, source_line: null,
        breadcrumb: '[]', item_key: card.itemKey, tags: JSON.stringify(card.tags), ...memoryColumns(last ?? newMemory(card.createdAt)),
        suspended: card.suspended ? 1 : 0, buried_until: 0, retired: 0, new_position: null, status: 'accepted',
        created_at: card.createdAt, modified_at: time, seen_front: last ? front : null, seen_back: last ? back : null,
      });
      for (const step of history) {
        col.store.insertReview({
          cardId: id, grade: step.grade, reviewedAt: step.time, elapsedDays: elapsedDaysAt(step.before, step.time),
          durationMs: step.durationMs, stateBefore: step.before.state, stateAfter: step.after.state,
          // The same snapshot an answer in Engram leaves, so undo works on imported history too.
          before: encodeUndoSnapshot({
            memory: step.before, suspended: false, tags: card.tags, buriedUntil: 0,
            seenFront: step === history[0] ? null : front, seenBack: step === history[0] ? null : back, siblings: [],
          }),
        });
        result.reviews++;
      }
      result.cards.added++;
    }
    result.decks = [...decks].sort();
  });
  return result;
}

/**
 * Anki answers later than the card's last logged answer, applied to its current memory in order
 * and appended to the log, as if they had been given here. Returns how many were added.
 */
function appendNewAnswers(col: Collection, cardId: number, card: ForeignCard, deckId: number): number {
  const last = col.store.reviewsOfCard(cardId).reduce((max, r) => Math.max(max, r.reviewedAt), -Infinity);
  const fresh = card.reviews.filter((r) => r.time > last);
  if (fresh.length === 0) return 0;
  const options = schedulerOptions(col.deckOptions(deckId));
  const stored = col.getCard(cardId);
  let memory = stored.memory;
  for (const review of fresh) {
    const before = memory;
    memory = answerMemory(memory, review.grade, review.time, options);
    col.store.insertReview({
      cardId, grade: review.grade, reviewedAt: review.time, elapsedDays: elapsedDaysAt(before, review.time),
      durationMs: review.durationMs, stateBefore: before.state, stateAfter: memory.state,
      before: encodeUndoSnapshot({
        memory: before, suspended: stored.suspended, tags: stored.tags, buriedUntil: stored.buriedUntil,
        seenFront: stored.front, seenBack: stored.back, siblings: [],
      }),
    });
  }
  col.store.updateCardSchedule(cardId, {
    memory, suspended: stored.suspended, tags: stored.tags, buriedUntil: stored.buriedUntil, seenFront: stored.front, seenBack: stored.back,
  }, now());
  return fresh.length;
}

interface ReplayStep {
  grade: ForeignCard['reviews'][number]['grade'];
  time: number;
  durationMs: number | null;
  before: Memory;
  after: Memory;
}

/** Anki's answers, replayed through Engram's scheduler in order (the same steps as `replayReviews`). */
function replay(card: ForeignCard, options: ReturnType<typeof schedulerOptions>): ReplayStep[] {
  let memory = newMemory(card.createdAt);
  return card.reviews.map((review) => {
    const before = memory;
    memory = answerMemory(memory, review.grade, review.time, options);
    return { grade: review.grade, time: review.time, durationMs: review.durationMs, before, after: memory };
  });
}

/** Front and back the way Engram's own cloze cards have them (see notes/cloze.ts). */
function sides(card: ForeignCard): { front: string; back: string } {
  const content = card.content;
  if (content.type === 'basic') return { front: content.front, back: content.back };
  const counter = new ClozeCounter();
  const lines = content.text.split('\n').map((line) => ({ line, spans: findClozes(line, { bold: false }, counter) }));
  const render = (side: 'front' | 'back') =>
    lines.map(({ line, spans }: { line: string; spans: ClozeSpan[] }) => renderCloze(line, spans, content.group, side)).join('\n');
  const back = render('back');
  return { front: render('front'), back: content.extra ? `${back}\n\n${content.extra}` : back };
}

function memoryColumns(memory: Memory) {
  return {
    state: memory.state, due: memory.due, stability: memory.stability, difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays, scheduled_days: memory.scheduledDays, learning_steps: memory.learningSteps,
    reps: memory.reps, lapses: memory.lapses, last_review: memory.lastReview,
  };
}

function readPackage(file: string): Uint8Array {
  const read = readInputFile(file, MAX_PACKAGE_BYTES);
  if (!read.ok) throw new EngramError(`${file}: ${read.message}`);
  return read.bytes;
}

/** The converter does not know the file; its errors (bad `col` JSON) get the package's name in front. */
function namingPackage<T>(label: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    if (error instanceof EngramError) throw new EngramError(`${label}: ${error.message}`);
    throw error;
  }
}

/**
 * `engram import-backup`: restores a JSON backup into an empty database, in one transaction.
 * A database that already has decks or cards is refused: merging two histories of the same
 * cards has no single right answer, so restoring is kept exact and predictable.
 */
import { EngramError, encodeUndoSnapshot, readUndoSnapshot, type Grade, type UndoSnapshot } from '../core/index.js';
import { parseBackup, type BackupDocument } from '../interop/index.js';
import { InteropStore } from '../store/interop.js';
import type { Collection } from './collection.js';
import { readInputFile } from './read-input.js';

export interface RestoreResult {
  decks: number;
  notes: number;
  cards: number;
  reviews: number;
  papers: number;
}

/** Just under V8's longest string (2^29 - 24 characters): the document must fit in one. */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;

export function readBackupFile(file: string, maxBytes = MAX_BACKUP_BYTES): BackupDocument {
  const read = readInputFile(file, maxBytes);
  if (!read.ok) throw new EngramError(`${file}: ${read.message}`);
  const parsed = parseBackup(read.bytes.toString('utf8'));
  if (!parsed.ok) throw new EngramError(`${file}: not a valid engram backup: ${parsed.problem}`);
  return parsed.doc;
}

export function restoreBackup(col: Collection, file: string): RestoreResult {
  const doc = readBackupFile(file);
  const store = new InteropStore(col.store);
  return col.store.transactionWithSearchIndexDeferred(() => {
    const existing = store.counts();
    if (existing.cards > 0 || existing.decks > 0) {
      throw new EngramError(
        `database ${col.store.path} already has ${existing.decks} deck(s) and ${existing.cards} card(s); import-backup restores into an empty database only (use --db with a new file)`,
      );
    }
    const deckIds = new Map(doc.decks.map((d) => [d.name, store.insertDeck(d.name, JSON.stringify(d.options), d.createdAt)]));
    const noteIds = new Map(doc.notes.map((n) => [n.path, store.insertNote(n.path, n.contentHash, n.importedAt)]));
    const paperIds = new Map(doc.papers.map((p) => [p.key, store.insertPaper({
      key: p.key, title: p.title, authors: JSON.stringify(p.authors), venue: p.venue, year: p.year,
      slugs: JSON.stringify(p.slugs), first_author: p.firstAuthor, idea: p.idea, topic: p.topic,
      aliases: JSON.stringify(p.aliases), declared_in: p.declaredIn,
    })]));
    for (const p of doc.papers) {
      for (const c of p.citations) store.insertCitation(paperIds.get(p.key)!, noteIds.get(c.note)!, c.line, c.raw);
    }
    const cardIds = new Map<number, number>();
    for (const c of doc.cards) {
      const id = store.insertCard({
        deck_id: deckIds.get(c.deck)!, note_id: c.note === null ? null : noteIds.get(c.note)!, kind: c.kind,
        front: c.front, back: c.back, source_file: c.source?.file ?? null, source_line: c.source?.line ?? null,
        breadcrumb: JSON.stringify(c.breadcrumb), item_key: c.itemKey, tags: JSON.stringify(c.tags), state: c.state,
        due: c.due, stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsedDays,
        scheduled_days: c.scheduledDays, learning_steps: c.learningSteps, reps: c.reps, lapses: c.lapses,
        last_review: c.lastReview, suspended: c.suspended ? 1 : 0, buried_until: c.buriedUntil, retired: c.retired ? 1 : 0,
        new_position: c.newPosition, created_at: c.createdAt, modified_at: c.modifiedAt, seen_front: c.seenFront,
        seen_back: c.seenBack, status: c.status ?? 'accepted', flag: c.flag ?? 0,
        tag_edits: JSON.stringify(c.tagEdits ?? { add: [], remove: [] }), type_in: c.typeIn ? 1 : 0,
      });
      cardIds.set(c.id, id);
      if (c.example) col.store.setExample(id, c.example);
      if (c.papers.length > 0) col.store.replacePapersOfCard(id, c.papers.map((k) => paperIds.get(k)!));
    }
    let last: { id: number; at: number; cardId: number; grade: Grade } | null = null;
    for (const r of doc.reviews) {
      const cardId = cardIds.get(r.card)!;
      const id = col.store.insertReview({
        cardId, grade: r.grade, reviewedAt: r.reviewedAt, elapsedDays: r.elapsedDays,
        durationMs: r.durationMs, stateBefore: r.stateBefore, stateAfter: r.stateAfter,
        before: encodeRestoredSnapshot(r.before, cardIds),
      });
      last = { id, at: r.reviewedAt, cardId, grade: r.grade };
    }
    // The undo stack starts with the last answer of the log, as on the database the backup came from.
    if (last) col.store.insertAction(last.at, { kind: 'answer', cardId: last.cardId, reviewId: last.id, grade: last.grade }, []);
    return { decks: doc.decks.length, notes: doc.notes.length, cards: doc.cards.length, reviews: doc.reviews.length, papers: doc.papers.length };
  });
}

/**
 * Undo snapshots name the siblings an answer buried by card id; those ids change on restore.
 * A snapshot that undo could not read is kept as it was: the restore does not judge history.
 */
function encodeRestoredSnapshot(before: unknown, cardIds: Map<number, number>): string {
  const snapshot = readUndoSnapshot(before);
  if (!snapshot) return JSON.stringify(before);
  return encodeUndoSnapshot(remapSiblings(snapshot, cardIds));
}

function remapSiblings(snapshot: UndoSnapshot, cardIds: Map<number, number>): UndoSnapshot {
  return {
    ...snapshot,
    siblings: snapshot.siblings.flatMap((s: { id?: unknown }) => {
      const id = typeof s?.id === 'number' ? cardIds.get(s.id) : undefined;
      return id === undefined ? [] : [{ ...s, id } as UndoSnapshot['siblings'][number]];
    }),
  };
}

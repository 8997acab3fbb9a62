/**
 * `engram export`: the whole collection (or one deck) as a versioned JSON document that
 * `engram import-backup` restores, or as CSV for spreadsheets (one row per card, or one per
 * review).
 */
import { now } from '../core/index.js';
import { BACKUP_VERSION, toCsv, type BackupDocument, type CsvValue } from '../interop/index.js';
import { InteropStore } from '../store/interop.js';
import type { Collection } from './collection.js';
import { findCards, parseOrThrow } from './search.js';

export function buildBackup(col: Collection, options: { deck?: string; query?: string } = {}): BackupDocument {
  const store = new InteropStore(col.store);
  const inScope = options.deck ? new Set(col.deckScope(options.deck).map((d) => d.name)) : undefined;
  const tree = options.query !== undefined ? parseOrThrow(options.query) : undefined;
  // A part of the collection (a deck tree, a query): only the decks, notes and papers its cards use.
  const scoped = inScope !== undefined || tree !== undefined;
  // One read transaction, so the document is one consistent moment even while others write.
  return col.store.readTransaction(() => {
    const selected = tree ? new Set(findCards(col, tree).cards.map((c) => c.id)) : null;
    const cards = store.cards().filter((c) => (inScope === undefined || inScope.has(c.deck_name)) && (selected === null || selected.has(c.id)));
    const usedDecks = new Set(cards.map((c) => c.deck_name));
    const cardIds = new Set(cards.map((c) => c.id));
    const examples = new Map(store.examples().map((e) => [e.card_id, e]));
    const papersOfCard = new Map<number, string[]>();
    for (const cp of store.cardPapers()) {
      if (!cardIds.has(cp.card_id)) continue;
      papersOfCard.set(cp.card_id, [...(papersOfCard.get(cp.card_id) ?? []), cp.key]);
    }
    const usedNotes = new Set(cards.map((c) => c.note_path).filter((p): p is string => p !== null));
    const usedPapers = new Set([...papersOfCard.values()].flat());
    const notes = store.notes().filter((n) => !scoped || usedNotes.has(n.path));
    const notePaths = new Set(notes.map((n) => n.path));
    const citations = store.citations();
    return {
      engram: BACKUP_VERSION,
      exportedAt: new Date(now()).toISOString(),
      decks: store.decks()
        .filter((d) => (inScope === undefined || inScope.has(d.name)) && (tree === undefined || usedDecks.has(d.name)))
        .map((d) => ({ name: d.name, createdAt: d.created_at, options: parseObject(d.options) })),
      notes: notes.map((n) => ({ path: n.path, contentHash: n.content_hash, importedAt: n.imported_at })),
      cards: cards.map((c) => {
        const example = examples.get(c.id);
        return {
          id: c.id,
          deck: c.deck_name,
          note: c.note_path,
          kind: c.kind as BackupDocument['cards'][number]['kind'],
          front: c.front,
          back: c.back,
          source: c.source_file === null ? null : { file: c.source_file, line: c.source_line ?? 1 },
          breadcrumb: JSON.parse(c.breadcrumb) as string[],
          itemKey: c.item_key,
          tags: JSON.parse(c.tags) as string[],
          state: c.state as BackupDocument['cards'][number]['state'],
          due: c.due,
          stability: c.stability,
          difficulty: c.difficulty,
          elapsedDays: c.elapsed_days,
          scheduledDays: c.scheduled_days,
          learningSteps: c.learning_steps,
          reps: c.reps,
          lapses: c.lapses,
          lastReview: c.last_review,
          suspended: c.suspended === 1,
          buriedUntil: c.buried_until,
          retired: c.retired === 1,
          newPosition: c.new_position,
          createdAt: c.created_at,
          modifiedAt: c.modified_at,
          seenFront: c.seen_front,
          seenBack: c.seen_back,
          status: c.status as BackupDocument['cards'][number]['status'],
          flag: c.flag,
          tagEdits: JSON.parse(c.tag_edits) as { add: string[]; remove: string[] },
          typeIn: c.type_in === 1,
          example: example ? { lang: example.lang as 'ts' | 'js', code: example.code, line: example.line, path: example.path } : null,
          papers: papersOfCard.get(c.id) ?? [],
        };
      }),
      reviews: store.reviews()
        .filter((r) => cardIds.has(r.card_id))
        .map((r) => ({
          card: r.card_id,
          grade: r.grade as BackupDocument['reviews'][number]['grade'],
          reviewedAt: r.reviewed_at,
          elapsedDays: r.elapsed_days,
          durationMs: r.duration_ms,
          stateBefore: r.state_before as BackupDocument['reviews'][number]['stateBefore'],
          stateAfter: r.state_after as BackupDocument['reviews'][number]['stateAfter'],
          before: parseJson(r.before),
        })),
      papers: store.papers()
        .filter((p) => !scoped || usedPapers.has(p.key))
        .map((p) => ({
          key: p.key,
          title: p.title,
          authors: JSON.parse(p.authors) as string[],
          venue: p.venue,
          year: p.year,
          slugs: JSON.parse(p.slugs) as string[],
          firstAuthor: p.first_author,
          idea: p.idea,
          topic: p.topic,
          aliases: JSON.parse(p.aliases) as string[],
          declaredIn: p.declared_in,
          citations: citations
            .filter((c) => c.paper_id === p.id && notePaths.has(c.note_path))
            .map((c) => ({ note: c.note_path, line: c.line, raw: c.raw })),
        })),
    };
  });
}

export const CARD_CSV_HEADER = [
  'id', 'deck', 'kind', 'front', 'back', 'tags', 'source', 'breadcrumb', 'item_key', 'state', 'due', 'stability',
  'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'last_review', 'suspended',
  'buried_until', 'retired', 'created_at', 'modified_at', 'example',
] as const;

export const REVIEW_CSV_HEADER = [
  'card_id', 'deck', 'front', 'grade', 'reviewed_at', 'elapsed_days', 'duration_ms', 'state_before', 'state_after',
] as const;

/** CSV of the cards (default) or of the review log (`reviews`). Times are ISO 8601 UTC. */
export function exportCsv(col: Collection, options: { deck?: string; query?: string; reviews?: boolean } = {}): string {
  const doc = buildBackup(col, options);
  const iso = (ms: number | null) => (ms === null || ms === 0 ? null : new Date(ms).toISOString());
  if (options.reviews) {
    const cards = new Map(doc.cards.map((c) => [c.id, c]));
    return toCsv(REVIEW_CSV_HEADER, doc.reviews.map((r): CsvValue[] => [
      r.card, cards.get(r.card)?.deck, cards.get(r.card)?.front, r.grade, iso(r.reviewedAt), r.elapsedDays,
      r.durationMs, r.stateBefore, r.stateAfter,
    ]));
  }
  return toCsv(CARD_CSV_HEADER, doc.cards.map((c): CsvValue[] => [
    c.id, c.deck, c.kind, c.front, c.back, c.tags.join(' '), c.source ? `${c.source.file}:${c.source.line}` : null,
    c.breadcrumb.join(' > '), c.itemKey, c.state, iso(c.due), c.stability, c.difficulty, c.elapsedDays,
    c.scheduledDays, c.learningSteps, c.reps, c.lapses, iso(c.lastReview), c.suspended, iso(c.buriedUntil),
    c.retired, iso(c.createdAt), iso(c.modifiedAt), c.example ? c.example.code : null,
  ]));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseObject(text: string): Record<string, unknown> {
  const value = parseJson(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

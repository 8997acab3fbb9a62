/**
 * What re-importing one note file changes, decided from reads only: which stored card each
 * parsed card is (card identity), what is added, updated, unchanged or retired. Planning runs
 * outside the write lock, so a long import does not keep answers waiting; the writer checks
 * the plan is still current under the lock and plans again if another process changed the note.
 */
import type { Card, CardStatus, PaperRef, ParsedCard, ProseCardsMode } from '../core/index.js';
import type { DeclaredPaperEntry } from '../papers/index.js';
import type { NoteStat, Store, StoredExample } from '../store/index.js';
import { matchCards, type Match } from './card-identity.js';
import type { PreviewCard, Relink } from './import-notes.js';
import type { FoundFile } from './scan-files.js';
import type { VanishedNote } from './moved-notes.js';
import { cardStatusOnImport } from './suggestions.js';

/** A note file read and parsed for import. */
export interface ParsedFile {
  file: FoundFile;
  hash: string;
  /** The file's size and mtime to store with the hash; null: hash the file next time. */
  stat: NoteStat | null;
  cards: ParsedCard[];
  noteDeck: string | null;
  refs: PaperRef[];
  /** A papers note (frontmatter `papers: true`) makes no cards: it declares papers. */
  isPapersNote: boolean;
  declared: DeclaredPaperEntry[];
}

export interface CardCounts {
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
}

/** One parsed card and what becomes of it. */
export interface PlannedCard {
  parsed: ParsedCard;
  deckName: string;
  /** The stored card it continues, if any (its id and history are kept). */
  match: Match | null;
  action: PreviewCard['action'];
  /** Suggestion, accepted or rejected (see suggestions.ts). */
  status: CardStatus;
}

export interface PlanOptions {
  /** `--deck`: every card of the import goes to this deck. */
  deck: string | undefined;
  /** The `proseCards` mode that applies to a deck's cards (the import flag, else the deck's option). */
  proseModeOf: (deckName: string) => ProseCardsMode;
  /** A deck's id by name, null if it does not exist yet (the import's cache; the store's lookup if not given). */
  deckIdOf?: (deckName: string) => number | null;
  /** The stored note at a path, from the import's snapshot of the notes table (the store's lookup if not given); the writer checks the plan against the database under the lock. */
  noteAt?: (path: string) => { id: number; path: string; contentHash: string } | null;
}

export interface FilePlan {
  file: ParsedFile;
  /** The stored note this file continues: the one at its path, or a vanished note it was moved from; null for a new note. */
  note: { id: number; path: string; contentHash: string } | null;
  /** Set when the note moves to this file's path. */
  movedFrom: VanishedNote | null;
  /** The note rows the plan was made from, to tell whether another process changed them since. */
  fingerprint: string;
  cards: PlannedCard[];
  /** Live stored cards of the note that no parsed card continues. */
  retire: number[];
  /** What the note's stored cards have now, so that cards that stay the same are not written again. */
  storedExamples: Map<number, StoredExample>;
  storedPaperIds: Map<number, number[]>;
  counts: CardCounts;
  relinked: Relink[];
  /** How the collection's count of waiting suggestions changes when this plan is written. */
  suggestionsDelta: number;
}

/**
 * Plans one file. `moved` is the vanished note this (new) file is taken to be, if any.
 * Reads only; deck ids are looked up without creating decks (a deck that does not exist yet
 * counts as a change).
 */
export function planFile(store: Store, file: ParsedFile, options: PlanOptions, moved: VanishedNote | null): FilePlan {
  const path = file.file.path;
  const noteAt = options.noteAt ?? ((p: string) => store.getNoteByPath(p));
  const atPath = noteAt(path);
  const movedNote = !atPath && moved ? noteAt(moved.path) : null;
  const movedFrom = movedNote && movedNote.id === moved!.id ? moved : null;
  const note = atPath ?? (movedFrom ? movedNote : null);
  const existing: Card[] = note ? store.cardsOfNote(note.id) : [];
  const deckNameOf = (parsed: ParsedCard) => options.deck ?? parsed.deckPath ?? file.noteDeck ?? file.file.defaultDeck;
  // A deck whose proseCards option is `off` takes no prose cards (those already stored are retired).
  const parsedCards = file.cards.filter((parsed) => parsed.origin === 'explicit' || options.proseModeOf(deckNameOf(parsed)) !== 'off');
  const matches = new Map(matchCards(parsedCards, existing).map((m) => [m.parsedIndex, m]));
  const deckIds = new Map<string, number | null>();
  const deckIdOf = options.deckIdOf ?? ((name: string) => {
    if (!deckIds.has(name)) deckIds.set(name, store.getDeckByName(name.trim())?.id ?? null);
    return deckIds.get(name)!;
  });

  const counts: CardCounts = { added: 0, updated: 0, unchanged: 0, retired: 0 };
  const relinked: Relink[] = [];
  const kept = new Set<number>();
  let suggestionsDelta = 0;
  const cards = parsedCards.map((parsed, index): PlannedCard => {
    const deckName = deckNameOf(parsed);
    const match = matches.get(index) ?? null;
    const status = cardStatusOnImport(parsed, options.proseModeOf(deckName), match?.card ?? null);
    const wasWaiting = match !== null && !match.card.retired && match.card.status === 'suggested';
    suggestionsDelta += (status === 'suggested' ? 1 : 0) - (wasWaiting ? 1 : 0);
    if (!match) {
      counts.added++;
      return { parsed, deckName, match, action: 'add', status };
    }
    kept.add(match.card.id);
    if (match.how !== 'exact' && (match.card.front !== parsed.front || match.card.back !== parsed.back)) {
      relinked.push({
        id: match.card.id, how: match.how, file: path, line: parsed.line,
        old: { front: match.card.front, back: match.card.back }, new: { front: parsed.front, back: parsed.back },
      });
    }
    if (match.card.retired || match.card.status !== status || contentChanged(match.card, { deckId: deckIdOf(deckName), ...parsed })) {
      counts.updated++;
      return { parsed, deckName, match, action: 'update', status };
    }
    counts.unchanged++;
    return { parsed, deckName, match, action: 'unchanged', status };
  });
  const retired = existing.filter((c) => !kept.has(c.id) && !c.retired);
  suggestionsDelta -= retired.filter((c) => c.status === 'suggested').length;
  const retire = retired.map((c) => c.id);
  counts.retired = retire.length;
  return {
    file, note, movedFrom, fingerprint: fingerprintOf(noteAt, path, moved), cards, retire, counts, relinked, suggestionsDelta,
    storedExamples: note ? store.examplesOfNote(note.id) : new Map(), storedPaperIds: note ? store.paperIdsOfNote(note.id) : new Map(),
  };
}

/** Whether the note rows a plan was made from are unchanged (no other import wrote them since). */
export function planIsCurrent(store: Store, plan: FilePlan): boolean {
  return fingerprintOf((p) => store.getNoteByPath(p), plan.file.file.path, plan.movedFrom) === plan.fingerprint;
}

function fingerprintOf(noteAt: (path: string) => { id: number; contentHash: string } | null, path: string, moved: VanishedNote | null): string {
  const row = (p: string) => {
    const note = noteAt(p);
    return note ? `${note.id}:${note.contentHash}` : '-';
  };
  return moved ? `${row(path)}|${row(moved.path)}` : row(path);
}

function contentChanged(card: Card, content: { deckId: number | null; kind: string; front: string; back: string; breadcrumb: string[] }): boolean {
  return card.deckId !== content.deckId || card.kind !== content.kind || card.front !== content.front
    || card.back !== content.back || card.breadcrumb.join('\u0000') !== content.breadcrumb.join('\u0000');
}

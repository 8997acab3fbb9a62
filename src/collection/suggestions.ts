/**
 * Suggestions: cards found in prose wait for the user's decision before they enter the queue.
 * Here are the rules of a card's status on import, and the decisions (`engram accept`,
 * `engram reject`, `engram triage`). A rejected card keeps its row, so the importer's identity
 * rules find it again and it stays rejected while its text is unchanged.
 */
import path from 'node:path';
import {
  DEFAULT_DECK_OPTIONS, EngramError, now,
  type Card, type CardStatus, type ParsedCard, type ProseCardsMode,
} from '../core/index.js';
import type { Collection } from './collection.js';
import { normalizeSide } from './card-identity.js';
import { cardRefIfSyncing, recordEvent } from './sync-log.js';

/**
 * The status a parsed card gets on import. Explicit cards are always in the queue; prose cards
 * follow the deck's `proseCards` mode; a card the user already decided on keeps that decision,
 * except that a rejected card whose text changed is a new suggestion.
 */
export function cardStatusOnImport(card: ParsedCard, mode: ProseCardsMode, stored: Card | null): CardStatus {
  if (card.origin === 'explicit' || stored?.status === 'accepted') return 'accepted';
  if (stored?.status === 'rejected' && sameText(stored, card)) return 'rejected';
  return mode === 'auto' ? 'accepted' : 'suggested';
}

function sameText(stored: Card, card: ParsedCard): boolean {
  return normalizeSide(stored.front) === normalizeSide(card.front) && normalizeSide(stored.back) === normalizeSide(card.back);
}

/** The prose mode for cards of a deck: the import flag, else the deck's option (a deck not created yet has the default). */
export function proseModeFor(col: Collection, deckName: string, override: ProseCardsMode | undefined): ProseCardsMode {
  if (override) return override;
  const deck = col.store.getDeckByName(deckName.trim());
  return deck ? col.deckOptions(deck.id).proseCards : DEFAULT_DECK_OPTIONS.proseCards;
}

export interface SuggestionFilter {
  deck?: string;
  /** A note file as given on the command line (resolved like the importer does). */
  note?: string;
}

/** Suggestions waiting, in note order (file, then line). */
export function listSuggestions(col: Collection, filter: SuggestionFilter = {}): Card[] {
  const deckIds = filter.deck ? col.deckScope(filter.deck).map((d) => d.id) : undefined;
  const noteId = filter.note !== undefined ? requireNote(col, filter.note) : undefined;
  return col.store.suggestions({ ...(deckIds !== undefined ? { deckIds } : {}), ...(noteId !== undefined ? { noteId } : {}) });
}

export function suggestionsWaiting(col: Collection, deck?: string): number {
  return col.store.suggestionCount(deck ? col.deckScope(deck).map((d) => d.id) : undefined);
}

function requireNote(col: Collection, file: string): number {
  const note = col.store.getNoteByPath(path.resolve(file));
  if (!note) throw new EngramError(`no imported note ${file} (import it first: engram import ${file})`);
  return note.id;
}

export type Decision = 'accept' | 'reject';

export interface DecisionResult {
  decision: Decision;
  /** Cards whose status changed, with the status they had (what undo restores). */
  changed: Array<{ id: number; from: CardStatus }>;
  /** Cards that already had the wanted status. */
  unchanged: number[];
}

/**
 * Accepts (into the queue) or rejects cards, all or nothing: an unknown or retired id, or
 * rejecting a card that is already an ordinary card, refuses the whole call.
 */
export function decide(col: Collection, ids: readonly number[], decision: Decision): DecisionResult {
  const wanted: CardStatus = decision === 'accept' ? 'accepted' : 'rejected';
  return col.store.transaction(() => {
    const cards = [...new Set(ids)].map((id) => col.getCard(id));
    for (const card of cards) {
      if (card.retired) throw new EngramError(`card ${card.id} is retired (its text is gone from the notes)`);
      if (decision === 'reject' && card.status === 'accepted') {
        throw new EngramError(`card ${card.id} is not a suggestion: it is already in the queue (engram suspend ${card.id} takes it out)`);
      }
    }
    const result: DecisionResult = { decision, changed: [], unchanged: [] };
    const time = now();
    for (const card of cards) {
      if (card.status === wanted) {
        result.unchanged.push(card.id);
        continue;
      }
      col.store.setCardStatus(card.id, wanted, time);
      const ref = cardRefIfSyncing(col.store, card.id);
      if (ref) recordEvent(col.store, { type: 'triage', card: ref, status: wanted }, { time });
      result.changed.push({ id: card.id, from: card.status });
    }
    return result;
  });
}

/** Takes decisions back (triage's undo): each card gets the status it had, if it was never answered since. */
export function undoDecision(col: Collection, result: Pick<DecisionResult, 'changed'>): void {
  col.store.transaction(() => {
    const time = now();
    for (const { id, from } of result.changed) {
      const card = col.getCard(id);
      if (from !== 'accepted' && card.memory.reps > 0) throw new EngramError(`card ${id} was answered since; it stays in the queue`);
      col.store.setCardStatus(id, from, time);
      const ref = cardRefIfSyncing(col.store, id);
      if (ref) recordEvent(col.store, { type: 'triage', card: ref, status: from }, { time });
    }
  });
}

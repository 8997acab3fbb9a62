/**
 * Everything the triage screen asks of the outside world, over a Collection. Tests pass it a
 * Collection on a temporary database.
 */
import type { Card } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { readNoteContext, type NoteContext } from '../../collection/note-context.js';
import { decide, listSuggestions, suggestionsWaiting, undoDecision } from '../../collection/suggestions.js';
import { openEditor } from '../editor.js';
import type { TriageDecision, TriageItem, TriageStep } from './triage-reducer.js';

export interface TriageController {
  /** Saves the decision at once; returns what changed (for undo). */
  decide(ids: number[], decision: TriageDecision): TriageStep['changed'];
  undo(changed: TriageStep['changed']): void;
  /** The note's lines around a suggestion, read now (a missing or changed file is a problem, not an error). */
  context(item: TriageItem): NoteContext | null;
  /** Opens the note in $VISUAL/$EDITOR at the suggestion's line, re-imports it, returns the note's suggestions after. */
  edit(item: TriageItem): Promise<{ file: string; items: TriageItem[]; message: string }>;
  /** Suggestions still waiting in the collection (of the deck triaged). */
  waiting(): number;
}

export function toTriageItem(card: Card): TriageItem {
  return { id: card.id, deck: card.deck, kind: card.kind, front: card.front, back: card.back, breadcrumb: card.breadcrumb, source: card.source };
}

export function triageItems(col: Collection, deck?: string): TriageItem[] {
  return listSuggestions(col, deck ? { deck } : {}).map(toTriageItem);
}

export function createTriageController(col: Collection, deck?: string, options: { redraw?: () => void } = {}): TriageController {
  const inDeck = (card: Card) => !deck || card.deck === deck;
  return {
    decide: (ids, decision) => decide(col, ids, decision).changed,
    undo: (changed) => undoDecision(col, { changed }),
    context: (item) => (item.source ? readNoteContext(item.source.file, item.source.line) : null),
    async edit(item) {
      if (!item.source) return { file: '', items: [], message: 'this card has no source note' };
      const file = item.source.file;
      const opened = openEditor(file, item.source.line);
      options.redraw?.();
      const suggestionsOf = () => listSuggestions(col, { note: file }).filter(inDeck).map(toTriageItem);
      if (!opened.ok) return { file, items: suggestionsOf(), message: opened.message };
      const { importNotes } = await import('../../collection/import-notes.js');
      const result = importNotes(col, [file]);
      const problem = result.errors[0];
      return { file, items: suggestionsOf(), message: problem ? `re-import failed: ${problem.message}` : 'note re-imported' };
    },
    waiting: () => suggestionsWaiting(col, deck),
  };
}

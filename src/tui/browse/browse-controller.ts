/**
 * Everything the browser asks of the outside world, over a Collection: a window of a query's
 * list (paged in SQL), suspend, flag, and the editor. Tests pass it a Collection on a
 * temporary database.
 */
import { BadQueryError, type Card } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { openEditor } from '../editor.js';
import type { BrowseRow } from './browse-reducer.js';

export interface BrowseController {
  /** `limit` rows of the query's list from `offset`, and how many it selects. Throws BadQueryError. */
  find(query: string, offset: number, limit: number): { total: number; rows: BrowseRow[] };
  toggleSuspend(cardId: number): BrowseRow;
  setFlag(cardId: number, flag: number): BrowseRow;
  /** Back to new (Anki's Reset), history kept; journalled, so `engram undo` takes it back. */
  forget(cardId: number): BrowseRow;
  /** Tag edits as typed: `+x` (or `x`) adds, `-x` removes; kept across re-imports, journalled. */
  tag(cardId: number, edits: string): BrowseRow;
  /** Opens the card's note in $VISUAL/$EDITOR at its line, re-imports it; the row after (null: gone). */
  edit(cardId: number): Promise<{ row: BrowseRow | null; message: string }>;
}

export function toBrowseRow(card: Card): BrowseRow {
  return {
    id: card.id,
    deck: card.deck,
    state: card.memory.state,
    due: card.memory.due,
    intervalDays: card.memory.scheduledDays,
    stability: card.memory.stability,
    front: card.front,
    back: card.back,
    flag: card.flag,
    suspended: card.suspended,
    source: card.source ? { file: card.source.file, line: card.source.line } : null,
  };
}

/** A query's error as the query line shows it, or null when it parses. */
export function queryProblem(error: unknown): { column: number; message: string } | null {
  return error instanceof BadQueryError ? { column: error.column, message: error.reason } : null;
}

export interface TerminalHooks {
  /** Before the editor takes the terminal: leave the alternate screen, cooked mode. */
  suspend(): void;
  /** After: raw mode and the alternate screen again, cleared for a full redraw. */
  resume(): void;
}

export function createBrowseController(col: Collection, terminal?: TerminalHooks): BrowseController {
  return {
    find(query, offset, limit) {
      const { cards, total } = col.findCards(query, { offset, limit });
      return { total, rows: cards.map(toBrowseRow) };
    },
    toggleSuspend(cardId) {
      const card = col.getCard(cardId);
      return toBrowseRow(col.suspend(cardId, !card.suspended));
    },
    setFlag: (cardId, flag) => toBrowseRow(col.flag([cardId], flag).cards[0]!),
    forget: (cardId) => toBrowseRow(col.forget([cardId]).cards[0]!),
    tag(cardId, edits) {
      const { add, remove } = parseTagEdits(edits);
      return toBrowseRow(col.tag([cardId], add, remove).cards[0]!);
    },
    async edit(cardId) {
      const source = col.editableSourceOf(cardId);
      if (!source) return { row: toBrowseRow(col.getCard(cardId)), message: 'this card has no note of its own to open' };
      terminal?.suspend();
      let opened: { ok: boolean; message: string };
      try {
        opened = openEditor(source.file, source.line);
      } finally {
        terminal?.resume();
      }
      if (!opened.ok) return { row: toBrowseRow(col.getCard(cardId)), message: opened.message };
      const { importNotes } = await import('../../collection/import-notes.js');
      const result = importNotes(col, [source.file]);
      const after = col.getCard(cardId);
      const problem = result.errors[0];
      return { row: after.retired ? null : toBrowseRow(after), message: problem ? `re-import failed: ${problem.message}` : 'note re-imported' };
    },
  };
}

/** `+exam -old draft` → add exam and draft, remove old; throws on nothing to do. */
export function parseTagEdits(text: string): { add: string[]; remove: string[] } {
  const add: string[] = [];
  const remove: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (word.startsWith('-')) remove.push(word.slice(1));
    else add.push(word.startsWith('+') ? word.slice(1) : word);
  }
  if ([...add, ...remove].some((t) => t === '')) throw new Error('a tag edit is +TAG or -TAG');
  if (add.length + remove.length === 0) throw new Error('no tag edits: type +TAG or -TAG');
  return { add, remove };
}

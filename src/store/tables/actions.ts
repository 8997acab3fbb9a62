/** The action journal: one row per card action, newest last; undo takes the newest row not yet undone. */
import type { ActionChange, CardBefore, JournalEntry } from '../../core/index.js';
import type { Prepared } from '../statements.js';

interface ActionRow {
  id: number;
  kind: string;
  at: number;
  change: string;
  before: string;
  review_id: number | null;
  undone_at: number | null;
}

/** The table's named statements; the store prepares each on first use. */
export const ACTIONS_SQL = {
  insertAction: `INSERT INTO actions (kind, at, change, before, review_id) VALUES (@kind, @at, @change, @before, @review_id)`,
  lastOpenAction: `SELECT * FROM actions WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1`,
  markActionUndone: `UPDATE actions SET undone_at = ? WHERE id = ?`,
  actionsOfCardSince: `
    SELECT a.* FROM actions a
    WHERE a.undone_at IS NULL AND a.kind = ? AND a.at >= ?
      AND EXISTS (SELECT 1 FROM json_each(a.change, '$.cardIds') j WHERE j.value = ?)
    ORDER BY a.id`,
} as const;

type Statements = Prepared<keyof typeof ACTIONS_SQL>;

export function insertAction(s: Statements, at: number, change: ActionChange, before: CardBefore[]): number {
  const result = s.stmt('insertAction').run({
    kind: change.kind, at, change: JSON.stringify(change), before: JSON.stringify(before),
    review_id: change.kind === 'answer' ? change.reviewId : null,
  });
  return Number(result.lastInsertRowid);
}

export function lastOpenAction(s: Statements): JournalEntry | null {
  const row = s.stmt('lastOpenAction').get() as ActionRow | undefined;
  return row ? rowToEntry(row) : null;
}

export function markActionUndone(s: Statements, id: number, at: number): void {
  s.stmt('markActionUndone').run(at, id);
}

/** Standing actions of one kind on a card since a time (e.g. its forgets, for `engram show`). */
export function actionsOfCardSince(s: Statements, kind: string, cardId: number, since: number): JournalEntry[] {
  return (s.stmt('actionsOfCardSince').all(kind, since, cardId) as ActionRow[]).map(rowToEntry);
}

function rowToEntry(row: ActionRow): JournalEntry {
  return {
    id: row.id, at: row.at, change: JSON.parse(row.change) as ActionChange, before: JSON.parse(row.before) as CardBefore[],
    undoneAt: row.undone_at,
  };
}

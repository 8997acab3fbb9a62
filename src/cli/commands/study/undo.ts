/** `engram undo`: takes back the most recent answer. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, printJson, shortDate } from '../../format.js';

export function undoCommand(col: Collection, opts: { json?: boolean }): void {
  const { card, review } = col.undo();
  if (opts.json) return printJson({ undone: { reviewId: review.id, cardId: card.id, grade: review.grade }, card: cardJson(card) });
  process.stdout.write(`undid ${review.grade} on card ${card.id}; it is ${card.memory.state} again, due ${shortDate(card.memory.due)}\n`);
}

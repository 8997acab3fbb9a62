/** `engram undo`: takes back the most recent action of any kind (an answer, suspend, bury, flag, forget, tag, reschedule). */
import type { Collection } from '../../../collection/index.js';
import { cardJson, printJson, shortDate } from '../../format.js';

export function undoCommand(col: Collection, opts: { json?: boolean }): void {
  const { entry, cards, review } = col.undo();
  const change = entry.change;
  if (opts.json) {
    const { kind, ...fields } = change;
    // `card` is the first card (an answer's only one), kept for scripts written before other actions were undoable.
    return printJson({ undone: { action: kind, actionId: entry.id, ...fields }, card: cards[0] ? cardJson(cards[0]) : null, cards: cards.map(cardJson) });
  }
  if (change.kind === 'answer' && review && cards[0]) {
    return void process.stdout.write(`undid ${review.grade} on card ${cards[0].id}; it is ${cards[0].memory.state} again, due ${shortDate(cards[0].memory.due)}\n`);
  }
  const ids = cards.map((c) => c.id).join(', ');
  process.stdout.write(`undid ${change.kind} of card${cards.length === 1 ? '' : 's'} ${ids}\n`);
}

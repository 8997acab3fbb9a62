/** `engram bury ID`: hides a card until the next study day. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, printJson, shortDate } from '../../format.js';
import { parseCardId } from '../args.js';

export function buryCommand(col: Collection, id: string, opts: { json?: boolean }): void {
  const card = col.bury(parseCardId(id));
  if (opts.json) return printJson(cardJson(card));
  process.stdout.write(`card ${card.id} buried until ${shortDate(card.buriedUntil)}\n`);
}

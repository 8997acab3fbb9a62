/** `engram suspend ID` and `engram unsuspend ID`. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, printJson } from '../../format.js';
import { parseCardId } from '../args.js';

export function suspendCommand(col: Collection, id: string, suspended: boolean, opts: { json?: boolean }): void {
  const card = col.suspend(parseCardId(id), suspended);
  if (opts.json) return printJson(cardJson(card));
  process.stdout.write(`card ${card.id} ${suspended ? 'suspended' : 'unsuspended'}\n`);
}

/**
 * `engram forget|flag|tag|reschedule ID…`: card actions for scripts. Each is one journal entry
 * (`engram undo` takes it back). `--json` prints `{action, actionId, cards: [card…]}`.
 */
import { FLAG_COLORS, UsageError, flagColor, tagName, type Card } from '../../../core/index.js';
import type { ActionResult, Collection } from '../../../collection/index.js';
import { cardJson, printJson, shortDate } from '../../format.js';
import { parseCardId } from '../args.js';

interface JsonOption {
  json?: boolean;
}

function print(result: ActionResult, opts: JsonOption, line: (card: Card) => string): void {
  if (opts.json) return printJson({ action: result.change.kind, actionId: result.actionId, cards: result.cards.map(cardJson) });
  for (const card of result.cards) process.stdout.write(`${line(card)}\n`);
}

function cardIds(values: readonly string[]): number[] {
  if (values.length === 0) throw new UsageError('name at least one card id');
  return values.map(parseCardId);
}

export function forgetCommand(col: Collection, ids: string[], opts: JsonOption): void {
  print(col.forget(cardIds(ids)), opts, (c) => `card ${c.id} is new again (its ${c.memory.reps} review${c.memory.reps === 1 ? '' : 's'} stay in the log)`);
}

const FLAG_NAMES: Record<string, number> = { none: 0, off: 0, ...Object.fromEntries(FLAG_COLORS.map((c, i) => [c, i + 1])) };

/** The flag argument: 0-4, or a colour name. */
export function parseFlag(value: string): number {
  const flag = /^[0-4]$/.test(value) ? Number(value) : FLAG_NAMES[value.toLowerCase()];
  if (flag === undefined) throw new UsageError(`invalid flag '${value}': expected 0-4 (0 clears; 1 red, 2 orange, 3 green, 4 blue)`);
  return flag;
}

/** `engram flag ID… FLAG`: the last argument is the flag. */
export function flagCommand(col: Collection, args: string[], opts: JsonOption): void {
  if (args.length < 2) throw new UsageError('usage: engram flag ID... 0-4 (the flag comes last)');
  const flag = parseFlag(args[args.length - 1]!);
  print(col.flag(cardIds(args.slice(0, -1)), flag), opts, (c) => `card ${c.id} ${c.flag === 0 ? 'unflagged' : `flagged ${flagColor(c.flag)}`}`);
}

/** `engram tag ID… +x -y`: `+tag` adds, `-tag` removes; ids are the bare numbers. */
export function tagCommand(col: Collection, args: string[], opts: JsonOption): void {
  const ids: string[] = [];
  const add: string[] = [];
  const remove: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('+') || arg.startsWith('-')) {
      const tag = tagName(arg.slice(1));
      if (!tag) throw new UsageError(`invalid tag '${arg}': expected +tag or -tag (no spaces, commas or quotes)`);
      (arg.startsWith('+') ? add : remove).push(tag);
    } else ids.push(arg);
  }
  if (add.length === 0 && remove.length === 0) throw new UsageError('name a tag to add (+tag) or remove (-tag)');
  print(col.tag(cardIds(ids), add, remove), opts, (c) => `card ${c.id} tags: ${c.tags.join(' ') || '(none)'}`);
}

export function rescheduleCommand(col: Collection, ids: string[], opts: JsonOption & { days?: string }): void {
  if (opts.days === undefined) throw new UsageError('--days N is required (0: due today)');
  if (!/^\d+$/.test(opts.days)) throw new UsageError(`invalid --days '${opts.days}': expected a whole number of days, 0 or more`);
  print(col.reschedule(cardIds(ids), Number(opts.days)), opts, (c) => `card ${c.id} due ${shortDate(c.memory.due)} (${c.memory.state})`);
}

/** `engram backup` (a copy of the live database, rotated) and `engram import-backup` (restore a JSON export). */
import { UsageError } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { DEFAULT_KEEP, backupDatabase } from '../../collection/backup.js';
import { restoreBackup } from '../../collection/restore.js';
import { printJson } from '../format.js';

export async function backupCommand(col: Collection, opts: { keep?: string; json?: boolean }): Promise<void> {
  const keep = opts.keep === undefined ? DEFAULT_KEEP : /^\d+$/.test(opts.keep) ? Number(opts.keep) : NaN;
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError(`invalid --keep '${opts.keep}': expected a whole number of at least 1`);
  const result = await backupDatabase(col, { keep });
  if (opts.json) return printJson(result);
  process.stdout.write(`${result.path}\n`);
  if (result.stale.length > 0) process.stderr.write(`removed ${result.stale.length} unfinished backup${result.stale.length === 1 ? '' : 's'} left by a killed run\n`);
  if (result.deleted.length > 0) process.stderr.write(`removed ${result.deleted.length} older backup${result.deleted.length === 1 ? '' : 's'} (keeping ${keep})\n`);
}

export function importBackupCommand(col: Collection, file: string, opts: { json?: boolean }): void {
  const result = restoreBackup(col, file);
  if (opts.json) return printJson(result);
  process.stdout.write(
    `restored ${result.cards} cards, ${result.reviews} reviews, ${result.decks} decks, ${result.notes} notes, ${result.papers} papers from ${file}\n`,
  );
}

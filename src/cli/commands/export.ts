/** `engram export`: JSON backup document or CSV, to stdout or to a file written whole. */
import fs from 'node:fs';
import path from 'node:path';
import { EngramError, UsageError } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { buildBackup, exportCsv } from '../../collection/export.js';
import { safeText } from '../format.js';

export interface ExportOptions {
  format?: string;
  deck?: string;
  query?: string;
  out?: string;
  reviews?: boolean;
}

export function exportCommand(col: Collection, opts: ExportOptions): void {
  const format = (opts.format ?? 'json').toLowerCase();
  if (format !== 'json' && format !== 'csv') throw new UsageError(`invalid --format '${opts.format}': expected json or csv`);
  if (opts.reviews && format !== 'csv') throw new UsageError('--reviews goes with --format csv (the JSON document always holds the reviews)');
  const scope = { ...(opts.deck ? { deck: opts.deck } : {}), ...(opts.query !== undefined ? { query: opts.query } : {}) };
  let text: string;
  let summary = '';
  if (format === 'json') {
    const doc = buildBackup(col, scope);
    text = `${JSON.stringify(doc, null, 2)}\n`;
    summary = `${doc.cards.length} card${doc.cards.length === 1 ? '' : 's'}, ${doc.reviews.length} review${doc.reviews.length === 1 ? '' : 's'}`;
  } else {
    text = exportCsv(col, { ...scope, reviews: Boolean(opts.reviews) });
    const rows = text.split('\r\n').length - 2;
    summary = `${rows} ${opts.reviews ? 'review' : 'card'} row${rows === 1 ? '' : 's'}`;
  }
  if (!opts.out) {
    process.stdout.write(process.stdout.isTTY ? forTerminal(text, format) : text);
    return;
  }
  writeWhole(path.resolve(opts.out), text);
  process.stdout.write(`exported ${summary} to ${opts.out}\n`);
}

/**
 * Card text is untrusted: on a terminal, control sequences are stripped as every other command
 * does (CSV line by line, keeping its CRLF ends; JSON keeps its meaning, as C1 controls and DEL
 * become \u escapes). Files and pipes get the exact content.
 */
function forTerminal(text: string, format: 'json' | 'csv'): string {
  if (format === 'csv') return text.split('\r\n').map(safeText).join('\r\n');
  return text.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes beside the target and renames, so an interrupted export never leaves half a file. */
function writeWhole(file: string, text: string): void {
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new EngramError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** `engram import-csv`: basic cards from a CSV/TSV file, updated in place when the file is imported again. */
import type { Collection } from '../../collection/index.js';
import { importCsv, type CsvImportOptions } from '../../collection/csv-import.js';
import { printJson, safeText } from '../format.js';

export interface ImportCsvFlags {
  deck?: string;
  columns?: string;
  delimiter?: string;
  header?: boolean;
  html?: boolean;
  markdown?: boolean;
  json?: boolean;
}

export function importCsvCommand(col: Collection, file: string, flags: ImportCsvFlags): void {
  const options: CsvImportOptions = {
    ...(flags.deck !== undefined ? { deck: flags.deck } : {}),
    ...(flags.columns !== undefined ? { columns: flags.columns } : {}),
    ...(flags.delimiter !== undefined ? { delimiter: flags.delimiter } : {}),
    ...(flags.header !== undefined ? { header: flags.header } : {}),
    ...(flags.html ? { html: true } : flags.markdown ? { html: false } : {}),
  };
  const result = importCsv(col, file, options);
  if (flags.json) return printJson(result);
  const c = result.cards;
  const delimiter = result.delimiter === '\t' ? 'tab' : result.delimiter;
  process.stdout.write(
    `imported ${safeText(file)}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged; decks: ${result.decks.map(safeText).join(', ') || 'none'}\n` +
      `read as ${delimiter}-separated, columns ${result.columns.join(',')}${result.header ? ' (from the header row)' : ''}\n`,
  );
}

/**
 * CSV per RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF,
 * quotes doubled. Text starting with = + - @ (or a tab or CR) is prefixed with ' so a
 * spreadsheet shows it instead of running it as a formula: card text comes from strangers.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

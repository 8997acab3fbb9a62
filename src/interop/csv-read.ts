/**
 * Reading a CSV/TSV file of cards, the way Anki's text import reads one: RFC 4180 quoting
 * (a quoted field may hold the delimiter, doubled quotes and line breaks), the delimiter given
 * or guessed, Anki's file headers (`#separator:`, `#html:`, `#columns:`, `#deck:`, `#tags column:`,
 * `#guid column:`, `#deck column:`, `#notetype column:`), and an optional header row naming the columns. Pure: text in, rows with
 * their line numbers out; problems are values naming the line.
 */
import { htmlToText } from './anki-html.js';

export type CsvColumn = 'front' | 'back' | 'tags' | 'guid' | 'deck' | 'ignore';
export const CSV_COLUMNS: readonly CsvColumn[] = ['front', 'back', 'tags', 'guid', 'deck', 'ignore'];

export interface DelimitedRow {
  /** The line the row starts on (1-based; a quoted field may continue on later lines). */
  line: number;
  fields: string[];
}

export interface CsvProblem { line: number; message: string }

export type Result<T> = { ok: true; value: T } | { ok: false; problem: CsvProblem };

const SEPARATOR_NAMES: Record<string, string> = {
  comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':',
};
const GUESSES = ['\t', ',', ';', '|'];

/** Splits delimited text into rows. Blank lines are skipped; a quote left open is an error at its line. */
export function splitDelimited(text: string, delimiter: string, firstLine = 1): Result<DelimitedRow[]> {
  const rows: DelimitedRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = firstLine;
  let rowLine = firstLine;
  let quotedAt = 0;
  let quoted = false;
  let afterQuote = false;
  let i = 0;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '' && !afterQuote)) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      if (c === '\r' || c === '\n') {
        field += '\n';
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      afterQuote = false;
      i++;
      continue;
    }
    if (afterQuote) {
      if (c === ' ' || c === '\t') { i++; continue; }
      return { ok: false, problem: { line, message: `text after a closing quote (a quote inside a quoted field is written "")` } };
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quotedAt = line;
      field = '';
      i++;
      continue;
    }
    // A quote inside an unquoted field is kept as it is, as spreadsheets and Anki do.
    field += c;
    i++;
  }
  if (quoted) return { ok: false, problem: { line: quotedAt, message: 'a quoted field is never closed' } };
  if (field !== '' || fields.length > 0 || afterQuote) endRow();
  return { ok: true, value: rows };
}

/** The delimiter a file's first lines use most consistently: tab, comma, semicolon or pipe. */
export function guessDelimiter(text: string, fileName = ''): string {
  if (/\.tsv$/i.test(fileName)) return '\t';
  const lines = text.split(/\r\n?|\n/).filter((l) => l.trim() !== '' && !l.startsWith('#')).slice(0, 10);
  let best = /\.csv$/i.test(fileName) ? ',' : '\t';
  let bestScore = 0;
  for (const d of GUESSES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const min = Math.min(...counts);
    // Every sampled line must have it; ties go to the earlier (tab before comma).
    if (min > 0 && min > bestScore) { best = d; bestScore = min; }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

export interface CsvHeaders {
  separator?: string;
  html?: boolean;
  columns?: string[];
  deck?: string;
  /** 1-based column numbers from `#tags column:`, `#guid column:`, `#deck column:`, `#notetype column:`. */
  tagsColumn?: number;
  guidColumn?: number;
  deckColumn?: number;
  notetypeColumn?: number;
}

/** Anki's `#key:value` lines at the top of the file, and how many lines they take. */
export function readFileHeaders(text: string): Result<{ headers: CsvHeaders; lines: number; rest: string }> {
  const headers: CsvHeaders = {};
  let offset = 0;
  let lines = 0;
  for (;;) {
    const end = text.slice(offset).search(/\r\n?|\n/);
    const lineText = end < 0 ? text.slice(offset) : text.slice(offset, offset + end);
    const m = /^#([a-z ]+):(.*)$/i.exec(lineText);
    if (!m) break;
    lines++;
    const key = m[1]!.trim().toLowerCase();
    const value = m[2]!.trim();
    if (key === 'separator') {
      const sep = SEPARATOR_NAMES[value.toLowerCase()] ?? (value.length === 1 ? value : undefined);
      if (!sep) return { ok: false, problem: { line: lines, message: `unknown #separator '${value}' (comma, semicolon, tab, space, pipe, colon or one character)` } };
      headers.separator = sep;
    } else if (key === 'html') {
      headers.html = value.toLowerCase() === 'true';
    } else if (key === 'deck') {
      if (value) headers.deck = value;
    } else if (key === 'columns') {
      headers.columns = value.split(/[\t,;|]|\s+/).filter(Boolean);
    } else if (COLUMN_HEADERS[key]) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 1000) return { ok: false, problem: { line: lines, message: `#${key} must be a column number from 1` } };
      headers[COLUMN_HEADERS[key]] = n;
    }
    // Other headers (notetype, if matches, match scope…) do not apply to Engram's cards and are ignored.
    if (end < 0) { offset = text.length; break; }
    offset += end + (text.slice(offset + end, offset + end + 2) === '\r\n' ? 2 : 1);
  }
  return { ok: true, value: { headers, lines, rest: text.slice(offset) } };
}

const COLUMN_HEADERS: Record<string, 'tagsColumn' | 'guidColumn' | 'deckColumn' | 'notetypeColumn'> = {
  'tags column': 'tagsColumn', 'guid column': 'guidColumn', 'deck column': 'deckColumn', 'notetype column': 'notetypeColumn',
};

const ALIASES: Record<string, CsvColumn> = {
  front: 'front', question: 'front', term: 'front', word: 'front',
  back: 'back', answer: 'back', definition: 'back', meaning: 'back',
  tags: 'tags', tag: 'tags', guid: 'guid', id: 'guid', deck: 'deck',
  ignore: 'ignore', '-': 'ignore', _: 'ignore', '': 'ignore',
};

/** A column name as a user or a header row writes it, or null when it names nothing Engram knows. */
export function columnOf(name: string): CsvColumn | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

/** `front,back,tags` → columns; each known column at most once, and a front. */
export function parseColumns(names: string[]): { ok: true; columns: CsvColumn[] } | { ok: false; message: string } {
  const columns: CsvColumn[] = [];
  for (const name of names) {
    const column = columnOf(name);
    if (!column) return { ok: false, message: `unknown column '${name}' (use ${CSV_COLUMNS.join(', ')})` };
    if (column !== 'ignore' && columns.includes(column)) return { ok: false, message: `column '${column}' is named twice` };
    columns.push(column);
  }
  if (!columns.includes('front')) return { ok: false, message: 'no front column' };
  return { ok: true, columns };
}

/** A first row that names columns: every cell a known column name, one of them the front. */
export function looksLikeHeaderRow(fields: string[]): boolean {
  const columns = fields.map(columnOf);
  return columns.every((c) => c !== null) && columns.includes('front') && fields.some((f) => f.trim() !== '');
}

const HTML_HINT = /<\/?(br|div|p|b|i|u|em|strong|span|img|ul|ol|li|code|pre|sub|sup|hr|font|table|tr|td)\b[^>]*>|&(nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i;

/** Field text as card text: HTML converted (forced, or when it looks like HTML), Markdown kept. */
export function fieldText(raw: string, html: boolean | undefined): string {
  const asHtml = html ?? HTML_HINT.test(raw);
  return (asHtml ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n')).trim();
}

export interface CsvCardRow {
  line: number;
  front: string;
  back: string;
  tags: string[];
  guid: string | null;
  deck: string | null;
}

export interface CsvReadOptions {
  fileName: string;
  delimiter?: string;
  columns?: string[];
  /** true: the first row names the columns; false: it is a card; undefined: detect. */
  header?: boolean;
  /** true: fields are HTML; false: Markdown; undefined: the file's `#html:` or detect per field. */
  html?: boolean;
}

export interface CsvReadResult {
  cards: CsvCardRow[];
  delimiter: string;
  header: boolean;
  columns: CsvColumn[];
  deck: string | null;
}

/** The whole reading: headers, rows, columns, and each row as a card. The first problem stops it. */
export function readCsvCards(text: string, options: CsvReadOptions): Result<CsvReadResult> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = readFileHeaders(body);
  if (!head.ok) return head;
  const { headers, lines, rest } = head.value;
  const delimiter = options.delimiter ?? headers.separator ?? guessDelimiter(rest, options.fileName);
  const split = splitDelimited(rest, delimiter, lines + 1);
  if (!split.ok) return split;
  let rows = split.value;

  const first = rows[0];
  const header = options.header ?? (first !== undefined && options.columns === undefined && headers.columns === undefined && looksLikeHeaderRow(first.fields));
  let names: string[] | undefined = options.columns ?? headers.columns;
  if (header && first) {
    names ??= first.fields;
    rows = rows.slice(1);
  }
  const width = Math.max(0, ...rows.map((r) => r.fields.length));
  if (!names) {
    names = headers.guidColumn || headers.tagsColumn || headers.deckColumn || headers.notetypeColumn
      ? columnsFromHeaders(headers, width)
      : ['front', 'back', 'tags'].slice(0, Math.max(2, width));
  }
  const parsed = parseColumns(names);
  if (!parsed.ok) return { ok: false, problem: { line: header && first ? first.line : Math.max(1, lines), message: parsed.message } };
  const columns = parsed.columns;

  const html = options.html ?? headers.html;
  const cards: CsvCardRow[] = [];
  for (const row of rows) {
    if (row.fields.length > columns.length && row.fields.slice(columns.length).some((f) => f.trim() !== '')) {
      return { ok: false, problem: { line: row.line, message: `${row.fields.length} fields, but ${columns.length} columns (${columns.join(',')}); name the others with --columns ...,ignore` } };
    }
    const cell = (c: CsvColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : row.fields[i] ?? '';
    };
    const front = fieldText(cell('front'), html);
    if (!front) return { ok: false, problem: { line: row.line, message: 'empty front' } };
    const guid = cell('guid').trim();
    const deck = cell('deck').trim();
    cards.push({
      line: row.line, front, back: fieldText(cell('back'), html),
      tags: [...new Set(cell('tags').split(/\s+/).filter(Boolean))], guid: guid || null, deck: deck || null,
    });
  }
  return { ok: true, value: { cards, delimiter, header: header && first !== undefined, columns, deck: headers.deck ?? null } };
}

/** Columns from Anki's `#… column:` headers: those they name, then front and back in the first free ones. */
function columnsFromHeaders(headers: CsvHeaders, width: number): string[] {
  const reserved = new Map<number, string>();
  if (headers.guidColumn) reserved.set(headers.guidColumn - 1, 'guid');
  if (headers.tagsColumn) reserved.set(headers.tagsColumn - 1, 'tags');
  if (headers.deckColumn) reserved.set(headers.deckColumn - 1, 'deck');
  if (headers.notetypeColumn) reserved.set(headers.notetypeColumn - 1, 'ignore');
  const size = Math.max(width, 2, ...[...reserved.keys()].map((i) => i + 1));
  const free = ['front', 'back'];
  return Array.from({ length: size }, (_, i) => reserved.get(i) ?? free.shift() ?? 'ignore');
}

/**
 * Each card's identity within its file: the guid when the row has one, else its front (with a
 * count for the second and later rows of the same front, in file order).
 */
export function csvIdentities(cards: CsvCardRow[]): string[] {
  const seen = new Map<string, number>();
  return cards.map((card) => {
    if (card.guid) return `guid:${card.guid}`;
    const norm = card.front.replace(/\s+/g, ' ').trim().toLowerCase();
    const n = (seen.get(norm) ?? 0) + 1;
    seen.set(norm, n);
    return n === 1 ? `front:${norm}` : `front:${norm}#${n}`;
  });
}

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/interop/index.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';

/** A strict RFC 4180 reader, to check that what we write reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === '') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (ch === '"' || ch === '\r' || ch === '\n') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    field += ch; i++;
  }
  if (field !== '' || row.length > 0) throw new Error('last record not ended by CRLF');
  return rows;
}

describe('csvField', () => {
  it('quotes fields holding commas, quotes, CR or LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(true)).toBe('true');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const formula of ['=SUM(A1:A9)', '+1', '-2+3', '@cmd', '\tx']) expect(csvField(formula)).toBe(`'${formula}`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('a = b')).toBe('a = b');
  });

  it('writes CRLF records that read back exactly', () => {
    const rows = [['x,y', 'multi\nline "quoted"'], ['', 'ok']];
    expect(parseCsv(toCsv(['a', 'b'], rows))).toEqual([['a', 'b'], ...rows]);
  });
});

describe('engram export --format csv', () => {
  let env: TempEnv;
  beforeEach(() => {
    env = tempEnv();
  });
  afterEach(() => env.cleanup());

  it('writes one row per card with its state, and one per review with --reviews', () => {
    const now = '2026-12-01T09:00:00Z';
    const a = withCollectionAt(env.db, now, (c) => {
      const id = c.addCard('CSV', '=cmd|"/c calc"!A1', 'line one\nline, "two"').id;
      c.addCard('CSV', 'plain', '@home');
      c.answer(id, 'good');
      return id;
    });

    const cards = parseCsv(env.run(['export', '--format', 'csv'], { now }).stdout);
    const header = cards[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(cards).toHaveLength(3);
    expect(col(cards[1]!, 'front')).toBe(`'=cmd|"/c calc"!A1`);
    expect(col(cards[1]!, 'back')).toBe('line one\nline, "two"');
    expect(col(cards[1]!, 'state')).toBe('learning');
    expect(col(cards[1]!, 'reps')).toBe('1');
    expect(col(cards[1]!, 'last_review')).toBe('2026-12-01T09:00:00.000Z');
    expect(col(cards[2]!, 'back')).toBe("'@home");
    expect(col(cards[2]!, 'state')).toBe('new');

    const reviews = parseCsv(env.run(['export', '--format', 'csv', '--reviews'], { now }).stdout);
    expect(reviews).toHaveLength(2);
    expect(reviews[1]!.slice(0, 5)).toEqual([String(a), 'CSV', `'=cmd|"/c calc"!A1`, 'good', '2026-12-01T09:00:00.000Z']);
  });

  it('writes to --out and refuses --reviews with JSON', () => {
    withCollectionAt(env.db, Date.now(), (c) => c.addCard('CSV', 'q', 'a'));
    const r = env.run(['export', '--format', 'csv', '--out', 'cards.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/exported 1 card row to cards\.csv/);
    expect(fs.readFileSync(path.join(env.dir, 'cards.csv'), 'utf8')).toMatch(/^id,deck,kind,front,back/);
    const bad = env.run(['export', '--reviews']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--reviews goes with --format csv/);
    expect(env.run(['export', '--format', 'xml']).code).toBe(2);
  });
});

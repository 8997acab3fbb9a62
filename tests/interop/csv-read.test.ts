/**
 * Reading CSV/TSV cards. Quoting follows RFC 4180 §2 (fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes); the `#separator:`/`#html:`/`#columns:`/`#… column:`
 * headers are those of Anki's text import (docs.ankiweb.net, "Importing → Text files → File headers").
 */
import { describe, expect, it } from 'vitest';
import { csvIdentities, guessDelimiter, readCsvCards, splitDelimited, type CsvReadOptions } from '../../src/interop/index.js';

const read = (text: string, options: Partial<CsvReadOptions> = {}) => readCsvCards(text, { fileName: 'cards.csv', ...options });
const ok = (text: string, options: Partial<CsvReadOptions> = {}) => {
  const r = read(text, options);
  if (!r.ok) throw new Error(`line ${r.problem.line}: ${r.problem.message}`);
  return r.value;
};

describe('splitDelimited', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and numbers rows by their first line', () => {
    const r = splitDelimited('a,"b, c","say ""hi"""\r\n"multi\nline",x,y\n\nlast,,\n', ',');
    expect(r).toEqual({ ok: true, value: [
      { line: 1, fields: ['a', 'b, c', 'say "hi"'] },
      { line: 2, fields: ['multi\nline', 'x', 'y'] },
      { line: 5, fields: ['last', '', ''] },
    ] });
  });

  it('keeps a quote inside an unquoted field, and reads a last row without a line end', () => {
    expect(splitDelimited('5" screen\tsmall', '\t')).toEqual({ ok: true, value: [{ line: 1, fields: ['5" screen', 'small'] }] });
  });

  it('names the line of a quote never closed, and of text after a closing quote', () => {
    expect(splitDelimited('a,b\nc,"open\nstill\n', ',')).toEqual({ ok: false, problem: { line: 2, message: 'a quoted field is never closed' } });
    const after = splitDelimited('a,"b"c\n', ',');
    expect(after.ok).toBe(false);
    expect(!after.ok && after.problem.line).toBe(1);
  });
});

describe('guessDelimiter', () => {
  it('takes tab for .tsv, and otherwise the separator every sampled line has', () => {
    expect(guessDelimiter('a,b\tc', 'x.tsv')).toBe('\t');
    expect(guessDelimiter('q;a\nq2;a2\n', 'x.csv')).toBe(';');
    expect(guessDelimiter('"x, y",z\nq,a\n', 'x.txt')).toBe(',');
    expect(guessDelimiter('q\ta, b\nq2\ta2\n', 'x.txt')).toBe('\t');
  });
});

describe('readCsvCards', () => {
  it('detects a header row naming the columns, in any order, with aliases', () => {
    const r = ok('Answer,Question,Tags\n4,2+2?,math basic\n');
    expect(r.header).toBe(true);
    expect(r.columns).toEqual(['back', 'front', 'tags']);
    expect(r.cards).toEqual([{ line: 2, front: '2+2?', back: '4', tags: ['math', 'basic'], guid: null, deck: null }]);
  });

  it('reads the first row as a card when it does not name columns, or when told so', () => {
    expect(ok('front,back\n').cards).toHaveLength(0);
    expect(ok('front,back\n', { header: false }).cards).toEqual([{ line: 1, front: 'front', back: 'back', tags: [], guid: null, deck: null }]);
    const plain = ok('2+2?,4\n3+3?,6\n');
    expect(plain.header).toBe(false);
    expect(plain.columns).toEqual(['front', 'back']);
    expect(plain.cards.map((c) => c.front)).toEqual(['2+2?', '3+3?']);
    expect(ok('q,a\nx,y\n').cards.map((c) => c.front)).toEqual(['q', 'x']);
  });

  it('converts HTML fields (detected, or forced by #html:true) and keeps Markdown as written', () => {
    const r = ok('"What is <b>2 &amp; 2</b>?<br>Think","**four**"\n');
    expect(r.cards[0]).toMatchObject({ front: 'What is **2 & 2**?\nThink', back: '**four**' });
    expect(ok('#html:true\nx,a <tag-like> b\n').cards[0]!.back).toBe('a b');
    expect(ok('x,a < b & c\n').cards[0]!.back).toBe('a < b & c');
    expect(ok('x,<b>y</b>\n', { html: false }).cards[0]!.back).toBe('<b>y</b>');
  });

  it("honours Anki's file headers: separator, columns, deck, and guid/tags/notetype column numbers", () => {
    const anki = ok('#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#tags column:5\n#deck:Imported\nab12\tBasic\tQ\tA\tt1 t2\n');
    expect(anki.delimiter).toBe('\t');
    expect(anki.columns).toEqual(['guid', 'ignore', 'front', 'back', 'tags']);
    expect(anki.deck).toBe('Imported');
    expect(anki.cards).toEqual([{ line: 7, front: 'Q', back: 'A', tags: ['t1', 't2'], guid: 'ab12', deck: null }]);
    expect(ok('#columns:Back|Front\n#separator:Pipe\nA|Q\n').cards[0]).toMatchObject({ front: 'Q', back: 'A' });
  });

  it('refuses rows with more fields than columns, an empty front, and bad headers, naming the line', () => {
    // Without a header or --columns the columns are front, back, tags: a fourth field is not dropped silently.
    expect(read('q,a\nq2,a2,t,extra\n')).toEqual({ ok: false, problem: { line: 2, message: expect.stringContaining('4 fields, but 3 columns') } });
    expect(read('q,a\nq2,a2,t,extra\n', { columns: ['front', 'back', 'tags', 'ignore'] }).ok).toBe(true);
    expect(read('q,a\n , b\n')).toEqual({ ok: false, problem: { line: 2, message: 'empty front' } });
    expect(read('#separator:weird\nq,a\n')).toEqual({ ok: false, problem: { line: 1, message: expect.stringContaining('#separator') } });
    expect(read('q,a,t,x\n', { columns: ['front', 'back'] })).toMatchObject({ ok: false, problem: { line: 1 } });
  });

  it('accepts trailing empty fields and a byte-order mark', () => {
    expect(ok('\ufeffq,a,,\n', { columns: ['front', 'back'] }).cards[0]).toMatchObject({ front: 'q', back: 'a' });
  });
});

describe('csvIdentities', () => {
  it('keys rows by guid when present, else by their normalized front, counting repeats in file order', () => {
    const cards = ok('id,front,back\ng1,Bank,river\n,Bank,money\n,bank ,vault\n,Other,x\n').cards;
    expect(csvIdentities(cards)).toEqual(['guid:g1', 'front:bank', 'front:bank#2', 'front:other']);
  });
});

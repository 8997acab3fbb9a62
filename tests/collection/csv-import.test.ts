/** `importCsv` on a temporary collection: cards, decks, identity across re-imports, and refusals. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv, MAX_CSV_BYTES } from '../../src/collection/csv-import.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const t = useTempCollection(T0);

const write = (name: string, text: string | Buffer) => {
  const file = path.join(t.dir(), name);
  fs.writeFileSync(file, text);
  return file;
};
const cards = () => t.col().cards({}).map((c) => ({ id: c.id, deck: c.deck, front: c.front, back: c.back, tags: c.tags, kind: c.kind, state: c.memory.state }));

describe('importCsv', () => {
  it('adds basic new cards in a deck named after the file, or --deck, or the file\'s #deck:', () => {
    const r = importCsv(t.col(), write('Spanish Verbs.csv', 'front,back,tags\nhablar,to speak,verb ar\ncomer,"to eat,\nto dine",verb\n'));
    expect(r).toMatchObject({ cards: { added: 2, updated: 0, unchanged: 0 }, decks: ['Spanish Verbs'], header: true, delimiter: ',' });
    expect(cards()).toEqual([
      expect.objectContaining({ deck: 'Spanish Verbs', front: 'hablar', back: 'to speak', tags: ['verb', 'ar'], kind: 'basic', state: 'new' }),
      expect.objectContaining({ front: 'comer', back: 'to eat,\nto dine', tags: ['verb'] }),
    ]);
    importCsv(t.col(), write('b.tsv', 'x\ty\n'), { deck: 'Chosen' });
    importCsv(t.col(), write('c.txt', '#deck:From Header\n#separator:semicolon\nu;v\n'));
    expect(cards().map((c) => c.deck).slice(2)).toEqual(['Chosen', 'From Header']);
  });

  it("puts each new card in its row's deck column, unless --deck names one", () => {
    const file = write('mixed.csv', 'deck,front,back\nGeo,Capital of Peru?,Lima\n,Two plus two?,4\n');
    expect(importCsv(t.col(), file).decks).toEqual(['Geo', 'mixed']);
    const anki = write('anki-export.txt', '#separator:tab\n#guid column:1\n#deck column:2\nk9\tHistory::Rome\tFounded?\t753 BC\n');
    importCsv(t.col(), anki);
    expect(cards().map((c) => [c.deck, c.front])).toEqual([['Geo', 'Capital of Peru?'], ['mixed', 'Two plus two?'], ['History::Rome', 'Founded?']]);
    expect(importCsv(t.col(), write('again.csv', 'deck,front,back\nGeo,Q,A\n'), { deck: 'Forced' }).decks).toEqual(['Forced']);
  });

  it('re-importing the edited file updates cards by front and keeps their schedule; a changed front is a new card', () => {
    const file = write('deck.csv', 'capital of France,Paris,geo\ncapital of Peru,Lima,geo\n');
    importCsv(t.col(), file);
    const [france] = cards();
    t.col().answer(france!.id, 'good');
    const before = t.col().getCard(france!.id).memory;

    fs.writeFileSync(file, 'capital of France,Paris (Île-de-France),geo europe\ncapital of Peru,Lima,geo\ncapital of Chile,Santiago,geo\n');
    const again = importCsv(t.col(), file);
    expect(again.cards).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const after = t.col().getCard(france!.id);
    expect(after).toMatchObject({ back: 'Paris (Île-de-France)', tags: ['geo', 'europe'] });
    expect(after.memory).toEqual(before);
    expect(cards()).toHaveLength(3);

    // The same rows under another file name are another file's cards.
    expect(importCsv(t.col(), write('other.csv', 'capital of Peru,Lima,geo\n')).cards.added).toBe(1);
  });

  it('with a guid column, follows the row through front edits and across file names', () => {
    importCsv(t.col(), write('a.csv', 'guid,front,back\nk1,Old question,answer\n'));
    const r = importCsv(t.col(), write('renamed.csv', 'guid,front,back\nk1,New question,answer\n'));
    expect(r.cards).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(cards()).toEqual([expect.objectContaining({ front: 'New question', back: 'answer' })]);
  });

  it('keeps two rows with the same front apart, and refuses a guid used twice', () => {
    importCsv(t.col(), write('bank.csv', 'bank,river side\nbank,money place\n'));
    expect(cards().map((c) => c.back)).toEqual(['river side', 'money place']);
    expect(importCsv(t.col(), write('bank.csv', 'bank,river side\nbank,money place\n')).cards.unchanged).toBe(2);
    const file = write('dup.csv', 'guid,front,back\ng,a,b\ng,c,d\n');
    expect(() => importCsv(t.col(), file)).toThrow(`${file}:3: guid 'g' is used by an earlier row`);
  });

  it('writes nothing when a row is bad, and names the file and line', () => {
    const file = write('bad.csv', 'a,b\nc,d\n"open,e\n');
    expect(() => importCsv(t.col(), file)).toThrow(`${file}:3: a quoted field is never closed`);
    const empty = write('empty-front.csv', 'a,b\n,d\n');
    expect(() => importCsv(t.col(), empty)).toThrow(`${empty}:2: empty front`);
    expect(cards()).toEqual([]);
  });

  it('refuses a file over the size cap, a folder, and text that is not UTF-8', () => {
    const big = write('big.csv', Buffer.alloc(MAX_CSV_BYTES + 1, 0x61));
    expect(() => importCsv(t.col(), big)).toThrow(/big\.csv: is 50 MB, over the 50 MB limit/);
    expect(() => importCsv(t.col(), t.dir())).toThrow(/is a folder/);
    const latin1 = write('latin1.csv', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x78, 0x0a]));
    expect(() => importCsv(t.col(), latin1)).toThrow(/latin1\.csv: not UTF-8 text/);
    expect(() => importCsv(t.col(), write('ok.csv', 'a,b\n'), { columns: 'front,front' })).toThrow(/--columns: column 'front' is named twice/);
    expect(() => importCsv(t.col(), write('ok.csv', 'a,b\n'), { delimiter: '::' })).toThrow(/--delimiter/);
  });
});

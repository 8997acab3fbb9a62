/**
 * Type-in notes and pictures from Anki packages. Golden rules from Anki:
 * - The stock "Basic (type in the answer)" note type (rslib/src/notetype/stock.rs, basic_typing)
 *   has `{{type:Back}}` on both sides; on the answer side Anki shows the expected answer there.
 * - A package's pictures are zip entries named 0, 1, … with a `media` JSON map from entry to file
 *   name (pylib/anki/exporting.py, AnkiPackageExporter); notes refer to them as `<img src="name">`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAnki } from '../../src/collection/anki-import.js';
import { imageRefs, linkImages, readPackageMedia, sanitizeMediaName } from '../../src/interop/index.js';
import { withCollectionAt } from '../helpers/collection.js';
import { BASIC_REVERSED_MID, T0, TYPE_IN_MID, buildApkg } from './anki-fixture.js';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-media-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]);

describe('pictures, pure', () => {
  it('sanitizes names to one safe file name, and refuses what is not a picture', () => {
    expect(sanitizeMediaName('diagram 1.png')).toBe('diagram 1.png');
    expect(sanitizeMediaName('../../etc/evil.png')).toBe('evil.png');
    expect(sanitizeMediaName('..\\..\\x.JPG')).toBe('x.JPG');
    expect(sanitizeMediaName('a\u0000b\u001b[31m.gif')).toBe('ab_31m.gif');
    expect(sanitizeMediaName('.hidden.png')).toBe('hidden.png');
    expect(sanitizeMediaName('script.sh')).toBeNull();
    expect(sanitizeMediaName('.png')).toBeNull();
    expect(sanitizeMediaName(`${'x'.repeat(300)}.png`)).toHaveLength(114);
  });

  it('finds placeholders and links the stored ones, keeping the others', () => {
    const text = 'see [image: a.png] and [image: b.png] and [image: a.png]';
    expect(imageRefs(text)).toEqual(['a.png', 'b.png']);
    expect(linkImages(text, new Map([['a.png', 'media/1-a.png']]))).toBe('see ![a.png](media/1-a.png) and [image: b.png] and ![a.png](media/1-a.png)');
  });

  it('takes only wanted pictures within the size and count limits, and says why it left the others', () => {
    const zip = zipSync({
      media: new TextEncoder().encode(JSON.stringify({ 0: 'small.png', 1: 'big.png', 2: 'run.sh', 3: 'second.png' })),
      0: PNG, 1: new Uint8Array(2000), 2: PNG, 3: JPG,
    });
    const limits = { maxFiles: 1, maxFileBytes: 1000, maxTotalBytes: 10_000 };
    const r = readPackageMedia(zip, ['small.png', 'big.png', 'run.sh', 'gone.png', 'second.png'], limits);
    expect([...r.files.keys()]).toEqual(['small.png']);
    expect(r.files.get('small.png')).toEqual(PNG);
    expect(r.skipped).toEqual([
      { name: 'big.png', reason: expect.stringContaining('limit for one file') },
      { name: 'run.sh', reason: 'not a picture' },
      { name: 'gone.png', reason: 'not in the package' },
      { name: 'second.png', reason: 'over the limit of 1 files' },
    ]);
  });
});

describe('import-anki with type-in notes and pictures', () => {
  it('imports a type-in note as a typed-answer card with its answer, and stores pictures beside the database, linked from the card', () => {
    const typeInNote = T0 - 9000;
    const pictureNote = T0 - 8000;
    const imageOnly = T0 - 7000;
    const apkg = buildApkg(dir, 'media.apkg', 'collection.anki2', [], { schedVer: 2 }, {
      notes: [
        [typeInNote, TYPE_IN_MID, 'Capital of Peru?\x1fLima'],
        [pictureNote, BASIC_REVERSED_MID, 'Which organ? <img src="heart.png">\x1f<div>heart</div><img src="../../escape.jpg">'],
        [imageOnly, BASIC_REVERSED_MID, '<img src="heart.png">\x1f<img src="missing.gif">'],
      ],
      media: { 'heart.png': PNG, '../../escape.jpg': JPG },
    });
    const db = path.join(dir, 'col', 'engram.db');
    fs.mkdirSync(path.dirname(db));
    const { result, cards } = withCollectionAt(db, T0, (col) => {
      const result = importAnki(col, apkg);
      return { result, cards: new Map(col.cards({}).map((c) => [c.itemKey, c])) };
    });
    expect(result.typeIn).toBe(1);
    // Anki's "Basic (type in the answer)" becomes a card that asks for a typed answer; the others do not.
    expect(cards.get(`anki:${typeInNote}:0`)).toMatchObject({ front: 'Capital of Peru?', back: 'Lima', kind: 'basic', typeIn: true });
    expect([...cards.values()].filter((c) => c.typeIn)).toHaveLength(1);

    expect(result.mediaImported).toBe(2);
    expect(result.mediaSkipped).toEqual([{ name: 'missing.gif', reason: 'not in the package' }]);
    const stored = fs.readdirSync(path.join(dir, 'col', 'media')).sort();
    expect(stored).toHaveLength(2);
    expect(stored.every((f) => /^[0-9a-f]{10}-(heart\.png|escape\.jpg)$/.test(f))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['col', 'media.apkg']);
    const heart = stored.find((f) => f.endsWith('heart.png'))!;
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'col', 'media', heart)))).toEqual(PNG);
    const picture = cards.get(`anki:${pictureNote}:0`)!;
    expect(picture.front).toBe(`Which organ? ![heart.png](media/${heart})`);
    expect(picture.back).toMatch(/^heart\n!\[\.\.\/\.\.\/escape\.jpg\]\(media\/[0-9a-f]{10}-escape\.jpg\)$/);
    expect(cards.get(`anki:${imageOnly}:0`)).toMatchObject({ front: `![heart.png](media/${heart})`, back: '[image: missing.gif]' });

    // Importing again stores nothing new and changes no card.
    const again = withCollectionAt(db, T0, (col) => importAnki(col, apkg));
    expect(again.cards.updated).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'col', 'media'))).toHaveLength(2);
  });
});

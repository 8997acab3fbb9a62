/**
 * The search index follows every way a card is written. Inserts are indexed by the store, not
 * by a trigger (an insert trigger made each insert several times slower): one at a time for a
 * card added by hand, in one statement at the end of a bulk write (import, CSV, restore). Each
 * path must leave every card findable by its words and the FTS index consistent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collection } from '../../src/collection/index.js';
import { buildBackup } from '../../src/collection/export.js';
import { importCsv } from '../../src/collection/csv-import.js';
import { importNotes } from '../../src/collection/import-notes.js';
import { restoreBackup } from '../../src/collection/restore.js';
import { useTempCollection } from '../helpers/collection.js';

const t = useTempCollection(Date.parse('2026-12-01T09:00:00Z'));

/**
 * Each card (a spread sample of at most 60) is found by a word of its front and one of its back
 * (the rarest of its words, so each query returns a few cards, not the whole collection); the
 * index checks out.
 */
function expectAllFindable(col: Collection): void {
  const all = col.findCards('').cards;
  expect(all.length).toBeGreaterThan(0);
  const wordsOf = (text: string) => text.split(/[^A-Za-z0-9]+/).filter((w) => w.length >= 4);
  const frequency = new Map<string, number>();
  for (const card of all) for (const w of new Set([...wordsOf(card.front), ...wordsOf(card.back)])) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarest = (text: string) => wordsOf(text).reduce((a, b) => (frequency.get(b)! < frequency.get(a)! ? b : a));
  const step = Math.max(1, Math.ceil(all.length / 60));
  const cards = all.filter((_, i) => i % step === 0 || i === all.length - 1);
  for (const card of cards) {
    expect(col.findCards(`front:${rarest(card.front)}`).cards.map((c) => c.id)).toContain(card.id);
    expect(col.findCards(rarest(card.back)).cards.map((c) => c.id)).toContain(card.id);
  }
  expect(() => col.store.db.exec("INSERT INTO cards_fts(cards_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
}

describe('the search index after each kind of write', () => {
  it('an import (in batches), a re-import with an edited card, and cards added by hand', () => {
    const col = t.col();
    const dir = path.join(t.dir(), 'notes');
    fs.mkdirSync(dir);
    for (let n = 0; n < 30; n++) {
      const cards = Array.from({ length: 40 }, (_, i) => `Which planet p${n}x${i} orbits closest?::Mercury number m${n}x${i}`);
      fs.writeFileSync(path.join(dir, `note-${n}.md`), `# Note ${n}\n\n${cards.join('\n\n')}\n`);
    }
    expect(importNotes(col, [dir]).cards.added).toBe(1200);
    expectAllFindable(col);
    fs.writeFileSync(path.join(dir, 'note-0.md'), '# Note 0\n\nWhich asteroid belongs here?::Ceres dwarf\n');
    importNotes(col, [dir]);
    expect(col.findCards('Ceres').total).toBe(1);
    col.addCard('Hand', 'Typed quickly', 'Straight answer');
    expect(col.findCards('Straight').total).toBe(1);
    expectAllFindable(col);
  });

  it('a CSV import and a restored backup', () => {
    const col = t.col();
    const csv = path.join(t.dir(), 'cards.csv');
    fs.writeFileSync(csv, 'front,back\nCapital of Peru?,Lima city\nCapital of Chile?,Santiago city\n');
    importCsv(col, csv, { deck: 'Geo' });
    expectAllFindable(col);
    const backup = path.join(t.dir(), 'backup.json');
    fs.writeFileSync(backup, JSON.stringify(buildBackup(col)));
    const other = Collection.open(path.join(t.dir(), 'other.db'));
    try {
      restoreBackup(other, backup);
      expect(other.findCards('Santiago').total).toBe(1);
      expectAllFindable(other);
    } finally {
      other.close();
    }
  });
});

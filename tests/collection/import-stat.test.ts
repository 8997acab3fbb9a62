/**
 * Unchanged notes are skipped by their file's size and mtime before they are read (as git
 * does), with git's racy rule for a file modified as it was imported; a note's deck from its
 * folder is the path below the imported folder, and a note moved to another folder says its
 * deck changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);

function write(rel: string, text: string): string {
  const file = path.join(temp.dir(), rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
const at = (rel: string) => path.join(temp.dir(), rel);
const importPaths = (...rels: string[]) => importNotes(temp.col(), rels.map(at));
/** Sets a file's mtime (seconds since the epoch): the same value always gives the same nanoseconds. */
const setMtime = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);
const storedStat = (file: string) => temp.col().store.knownNote(file)?.stat ?? null;

const NOTE = '# Facts\n\nWhat is the first fact?::The first answer.\n\nWhat is the second fact?::The second answer.\n';
const OLD = Date.parse('2024-03-01T10:00:00Z') / 1000;

describe('skipping unchanged notes by size and mtime', () => {
  it('a touched note is hashed again and stays unchanged; its new stat is remembered', () => {
    const file = write('notes/a.md', NOTE);
    setMtime(file, OLD);
    expect(importPaths('notes').cards.added).toBe(2);
    const first = storedStat(file);
    expect(first).toMatchObject({ size: Buffer.byteLength(NOTE) });
    expect(first?.mtimeNs).toBe(fs.statSync(file, { bigint: true }).mtimeNs);

    setMtime(file, OLD + 60); // touch: new mtime, same content
    expect(importPaths('notes').cards).toEqual({ added: 0, updated: 0, unchanged: 2, retired: 0 });
    expect(storedStat(file)?.mtimeNs).toBe(fs.statSync(file, { bigint: true }).mtimeNs);
  });

  it('trusts an old stat: a same-size edit that keeps the old mtime is not read (as git)', () => {
    const file = write('notes/a.md', NOTE);
    setMtime(file, OLD);
    importPaths('notes');
    write('notes/a.md', NOTE.replace('first answer', 'frist answer'));
    setMtime(file, OLD);
    expect(importPaths('notes').cards).toEqual({ added: 0, updated: 0, unchanged: 2, retired: 0 });
    // Any change of size or mtime is seen.
    setMtime(file, OLD + 1);
    expect(importPaths('notes').cards).toEqual({ added: 0, updated: 1, unchanged: 1, retired: 0 });
  });

  it('a changed note is read again: new size, or new mtime', () => {
    const file = write('notes/a.md', NOTE);
    setMtime(file, OLD);
    importPaths('notes');
    write('notes/a.md', `${NOTE}\nWhat is the third fact?::The third answer.\n`);
    setMtime(file, OLD); // same mtime, other size
    expect(importPaths('notes').cards).toEqual({ added: 1, updated: 0, unchanged: 2, retired: 0 });
  });

  it('racy: a note modified as it was imported is not trusted by its stat, so a same-size same-mtime edit is caught', () => {
    const file = write('notes/a.md', NOTE);
    const racy = Math.floor(Date.now() / 1000) + 1; // at or after the scan: racily clean
    setMtime(file, racy);
    expect(importPaths('notes').cards.added).toBe(2);
    expect(storedStat(file)).toBeNull();
    write('notes/a.md', NOTE.replace('first answer', 'frist answer'));
    setMtime(file, racy);
    expect(importPaths('notes').cards).toEqual({ added: 0, updated: 1, unchanged: 1, retired: 0 });
  });

  it('other import options, a note with a warning, and a dry run never skip by stat', () => {
    const file = write('notes/a.md', NOTE);
    const warned = write('notes/w.md', '# W\n\nQuestion without answer::\n');
    setMtime(file, OLD);
    setMtime(warned, OLD);
    const first = importPaths('notes');
    expect(first.warnings.map((w) => w.file)).toEqual([warned]);
    expect(storedStat(warned)).toBeNull();
    // The warning is reported again: the note is read every time.
    expect(importPaths('notes').warnings.map((w) => w.file)).toEqual([warned]);
    // --deck changes what the note makes: read again, cards move.
    const moved = importNotes(temp.col(), [at('notes')], { deck: 'Elsewhere' });
    expect(moved.cards.updated).toBe(2);
    const dry = importNotes(temp.col(), [at('notes')], { deck: 'Elsewhere', dryRun: true });
    expect(dry.preview).toHaveLength(2);
  });
});

describe('decks from folders', () => {
  it('the folders below the imported folder name the deck; a note directly in it takes its name', () => {
    write('notes/ml/fusion.md', 'What is early fusion?::Joining at the input.\n');
    write('notes/a/b/deep.md', 'What is deep?::Two folders down.\n');
    write('notes/top.md', 'What is top?::In the imported folder.\n');
    expect(importPaths('notes').errors).toEqual([]);
    const deckOf = new Map(temp.col().cards({}).map((c) => [c.front, temp.col().store.getDeck(c.deckId)?.name]));
    expect(Object.fromEntries(deckOf)).toEqual({ 'What is early fusion?': 'ml', 'What is deep?': 'a::b', 'What is top?': 'notes' });
  });

  it('a note moved to another folder keeps its cards and history, and says its deck changed', () => {
    const col = temp.col();
    write('notes/ml/fusion.md', 'What is early fusion?::Joining at the input.\n\nWhat is late fusion?::Joining decisions.\n');
    importPaths('notes');
    const before = col.cards({});
    col.answer(before[0]!.id, 'good');
    fs.mkdirSync(at('notes/vision/old'), { recursive: true });
    fs.renameSync(at('notes/ml/fusion.md'), at('notes/vision/old/fusion.md'));
    const r = importPaths('notes');
    expect(r.moved).toEqual([{ from: at('notes/ml/fusion.md'), to: at('notes/vision/old/fusion.md'), deck: { from: 'ml', to: 'vision::old' } }]);
    const after = col.cards({});
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(new Set(after.map((c) => col.store.getDeck(c.deckId)?.name))).toEqual(new Set(['vision::old']));
    expect(col.reviewsOf(before[0]!.id)).toHaveLength(1);
  });
});

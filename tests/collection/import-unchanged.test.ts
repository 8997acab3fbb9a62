/**
 * The unchanged import (importIfUnchanged) against the importer it short-cuts: on an unchanged
 * vault both give the same result, and every change the importer would act on (an edited,
 * touched, added, deleted or moved note, other options, a dry run, a note with a warning, an
 * Obsidian schedule-data file) falls through to importNotes, handed the same scan.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNotes, type ImportOptions } from '../../src/collection/import-notes.js';
import { importIfUnchanged } from '../../src/collection/import-unchanged.js';
import { useTempCollection } from '../helpers/collection.js';

process.env['TZ'] = 'UTC';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(NOW);
const OLD = Date.parse('2024-03-01T10:00:00Z') / 1000;

const at = (rel: string) => path.join(temp.dir(), rel);
function write(rel: string, text: string, mtime = OLD): string {
  const file = at(rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.utimesSync(file, mtime, mtime);
  return file;
}
const note = (n: number, extra = '') => `# Note ${n}\n\nWhat is fact ${n}?::Answer ${n}.\n\nWhat is fact ${n}b?::Answer ${n}b.\n${extra}`;

/** `count` notes in two folders (over 50: the importer's one-query lookup of the stored notes). */
function vault(count: number): void {
  for (let n = 0; n < count; n++) write(`vault/${n % 2 ? 'a' : 'b/c'}/note-${n}.md`, note(n));
}

/** Asserts the short cut applies and gives exactly importNotes' result, which is then taken. */
function expectShortCut(inputs: string[], options: ImportOptions = {}) {
  const quick = importIfUnchanged(temp.col(), inputs, options);
  expect(quick.unchanged).toBe(true);
  const slow = importNotes(temp.col(), inputs, options);
  expect(slow.cards.added + slow.cards.updated + slow.cards.retired).toBe(0);
  if (quick.unchanged) expect(quick.result).toEqual(slow);
  return slow;
}

/** Asserts the short cut does not apply, then imports with the scan it took. */
function expectFallThrough(inputs: string[], options: ImportOptions = {}) {
  const quick = importIfUnchanged(temp.col(), inputs, options);
  expect(quick.unchanged).toBe(false);
  return importNotes(temp.col(), inputs, options, quick.unchanged ? undefined : quick.prescan);
}

describe('the unchanged import', () => {
  it('applies to a note whose prose says "For example:" without an example line (seen in a public vault)', () => {
    vault(3);
    write('vault/prose.md', '# Prose\n\nEvergreen notes have titles. For example:\n\n- one idea per note\n\nWhat is an evergreen note?::A note that grows.\n');
    importNotes(temp.col(), [at('vault')]);
    expect(temp.col().store.knownNote(at('vault/prose.md'))?.stat).not.toBeNull();
    expectShortCut([at('vault')]);
  });

  it('gives the importer\'s result on an unchanged vault of many notes, with a scan error and a suggestion', () => {
    vault(60);
    const inputs = [at('vault'), at('missing')];
    const first = importNotes(temp.col(), inputs);
    expect(first.cards.added).toBe(120);
    const card = temp.col().cards({})[0]!;
    temp.col().store.setCardStatus(card.id, 'suggested', NOW);
    const again = expectShortCut(inputs);
    expect(again).toMatchObject({ files: 60, skipped: 1, cards: { unchanged: 120 }, suggestions: 1 });
    expect(again.errors).toHaveLength(1);
  });

  it('gives the importer\'s result when other notes are stored too (counted note by note), and with cards added by hand', () => {
    vault(60);
    write('other/x.md', 'What is x?::X.\n\nWhat is y?::Y.\n');
    importNotes(temp.col(), [at('vault')]);
    importNotes(temp.col(), [at('other')]);
    temp.col().addCard('Hand', 'By hand?', 'Yes.');
    expect(expectShortCut([at('vault')]).cards.unchanged).toBe(120);
    expect(expectShortCut([at('vault'), at('other')]).cards.unchanged).toBe(122);
    fs.rmSync(at('other/x.md'));
    expect(expectFallThrough([at('vault'), at('other')]).cards.retired).toBe(2);
    expect(expectShortCut([at('vault'), at('other')]).cards.unchanged).toBe(120);
  });

  it('gives the importer\'s result on a few notes (looked up one by one) and a single file', () => {
    vault(3);
    importNotes(temp.col(), [at('vault')]);
    expect(expectShortCut([at('vault')]).cards.unchanged).toBe(6);
    expect(expectShortCut([at('vault/a/note-1.md')]).cards.unchanged).toBe(2);
  });

  it('an edited, touched, added, deleted or moved note falls through, and the importer sees it', () => {
    vault(60);
    const inputs = [at('vault')];
    importNotes(temp.col(), inputs);
    // Edited (other size).
    write('vault/a/note-1.md', note(1, '\nWhat is new?::A new card.\n'));
    expect(expectFallThrough(inputs).cards).toEqual({ added: 1, updated: 0, unchanged: 120, retired: 0 });
    expectShortCut(inputs);
    // A card taken out again: retired, and not counted (every stored note is scanned: one count of the notes' cards).
    write('vault/a/note-1.md', note(1));
    expect(expectFallThrough(inputs).cards).toEqual({ added: 0, updated: 0, unchanged: 120, retired: 1 });
    expect(expectShortCut(inputs).cards.unchanged).toBe(120);
    // Same size, other mtime: hashed, unchanged, its new stat remembered.
    write('vault/a/note-3.md', note(3), OLD + 60);
    expect(expectFallThrough(inputs).cards).toEqual({ added: 0, updated: 0, unchanged: 120, retired: 0 });
    expectShortCut(inputs);
    // Added.
    write('vault/a/new.md', 'What is added?::Added.\n');
    expect(expectFallThrough(inputs).cards.added).toBe(1);
    expectShortCut(inputs);
    // Deleted.
    fs.rmSync(at('vault/b/c/note-0.md'));
    const gone = expectFallThrough(inputs);
    expect(gone.cards.retired).toBe(2);
    expect(gone.removed).toEqual([at('vault/b/c/note-0.md')]);
    expectShortCut(inputs);
    // Moved.
    fs.mkdirSync(at('vault/d'));
    fs.renameSync(at('vault/b/c/note-2.md'), at('vault/d/note-2.md'));
    const moved = expectFallThrough(inputs);
    expect(moved.moved.map((m) => m.to)).toEqual([at('vault/d/note-2.md')]);
    expect(moved.cards.added).toBe(0);
    expectShortCut(inputs);
  });

  it('other options, a dry run, a note with a warning and a schedule-data file fall through', () => {
    vault(4);
    const inputs = [at('vault')];
    importNotes(temp.col(), inputs);
    expectShortCut(inputs);
    expect(expectFallThrough(inputs, { deck: 'Elsewhere' }).cards.updated).toBe(8);
    expectShortCut(inputs, { deck: 'Elsewhere' });
    expect(expectFallThrough(inputs, { deck: 'Elsewhere', dryRun: true }).preview).toHaveLength(8);
    expect(expectFallThrough(inputs, { proseCards: 'off' }).cards.updated).toBe(8);
    write('vault/w.md', '# W\n\nQuestion without answer::\n');
    expect(expectFallThrough(inputs).warnings).toHaveLength(1);
    expect(expectFallThrough(inputs).warnings).toHaveLength(1); // read every time while it warns
    fs.rmSync(at('vault/w.md'));
    expectFallThrough(inputs);
    expectShortCut(inputs);
    write('vault/schedule-data.sr.md', '');
    expectFallThrough(inputs);
  });

  it('a note under a folder spelled in another case counts as under it, as the store\'s LIKE has it', () => {
    vault(60);
    write('Vault/x.md', 'What is x?::X.\n');
    importNotes(temp.col(), [at('Vault')]);
    importNotes(temp.col(), [at('vault')]);
    fs.rmSync(at('Vault/x.md'));
    // notesUnder('…/vault/') matches '…/Vault/x.md', which is gone: the importer retires it.
    expect(expectFallThrough([at('vault')]).cards.retired).toBe(1);
  });
});

describe('the suggestion count', () => {
  it('of the whole collection (on cards_suggested) equals the count over every deck', () => {
    vault(6);
    importNotes(temp.col(), [at('vault')]);
    const store = temp.col().store;
    const cards = temp.col().cards({});
    store.setCardStatus(cards[0]!.id, 'suggested', NOW);
    store.setCardStatus(cards[3]!.id, 'suggested', NOW);
    store.retireCard(cards[3]!.id, NOW);
    store.setCardStatus(cards[5]!.id, 'suggested', NOW);
    const decks = [...new Set(cards.map((c) => c.deckId))];
    expect(store.suggestionCount()).toBe(2);
    expect(store.suggestionCount(decks)).toBe(2);
  });
});

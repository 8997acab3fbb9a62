/** What the browser's keys call: the journalled flag (found by flag:N, undone by undo) and the note a card's editor may open. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { useTempCollection } from '../helpers/collection.js';

const temp = useTempCollection(Date.parse('2026-12-01T09:00:00Z'));

describe('the browser flag (Collection.flag)', () => {
  it('sets and clears a flag, found by flag:N and undone by undo; refuses another value and an unknown card', () => {
    const col = temp.col();
    const card = col.addCard('D', 'Front?', 'Back.');
    expect(col.flag([card.id], 4).cards[0]!.flag).toBe(4);
    expect(col.findCards('flag:4').cards.map((c) => c.id)).toEqual([card.id]);
    col.undo();
    expect(col.getCard(card.id).flag).toBe(0);
    expect(col.flag([card.id], 2).cards[0]!.flag).toBe(2);
    expect(col.flag([card.id], 0).cards[0]!.flag).toBe(0);
    expect(() => col.flag([card.id], 5)).toThrow(/flag must be 0-4/);
    expect(() => col.flag([card.id], 1.5)).toThrow(/flag must be 0-4/);
    expect(() => col.flag([999], 1)).toThrow(/no card with id 999/);
    expect(col.getCard(card.id).flag).toBe(0);
  });
});

describe('Collection.editableSourceOf', () => {
  it("is the card's own imported note at its line, and nothing for a card added by hand", () => {
    const col = temp.col();
    const dir = path.join(temp.dir(), 'notes');
    fs.mkdirSync(dir);
    const note = path.join(dir, 'n.md');
    fs.writeFileSync(note, '# N\n\nWhat is two plus two?::Four\n');
    importNotes(col, [note]);
    const imported = col.findCards('two').cards[0]!;
    expect(col.editableSourceOf(imported.id)).toEqual({ file: note, line: 3 });
    const byHand = col.addCard('D', 'By hand?', 'Yes.');
    expect(col.editableSourceOf(byHand.id)).toBeNull();
  });
});

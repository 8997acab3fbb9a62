/**
 * Obsidian SR schedule comments seed the first memory of the cards they follow (issue 17). The
 * comment format and its per-card order are the plugin's (st3v3nmw/obsidian-spaced-repetition:
 * one `!due,interval,ease` per card of an item, forward then reversed, one per cloze).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);
const DAY = 86_400_000;

function writeNote(text: string): string {
  const file = path.join(temp.dir(), 'vault', 'chem.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('Obsidian SR schedules', () => {
  it('a card with a schedule comment starts in review, due on the comment\'s day, with the interval written there; its reversed sibling takes the second triple', () => {
    writeNote([
      '# Chemistry', '',
      'Atomic number of carbon::6', '<!--SR:!2026-12-20,30,250-->', '',
      'Noble gas with symbol Ne:::Neon', '<!--SR:!2026-12-05,4,230!2000-01-01,1,250-->', '',
      'Symbol of tungsten::W', '',
    ].join('\n'));
    const result = importNotes(temp.col(), [path.join(temp.dir(), 'vault')]);
    expect(result.errors).toEqual([]);
    expect(result.srSchedules).toBe(2);
    const byFront = new Map(temp.col().cards({}).map((card) => [card.front, card]));
    const carbon = byFront.get('Atomic number of carbon')!;
    expect(carbon.memory.state).toBe('review');
    expect(carbon.memory.scheduledDays).toBe(30);
    expect(new Date(carbon.memory.due).getDate()).toBe(20);
    expect(carbon.memory.due - carbon.memory.lastReview!).toBe(30 * DAY);
    expect(carbon.memory.stability).toBeGreaterThan(10);
    const neon = byFront.get('Noble gas with symbol Ne')!;
    expect(neon.memory).toMatchObject({ state: 'review', scheduledDays: 4 });
    // The plugin's 2000-01-01 placeholder: the reversed card was never reviewed there.
    expect(byFront.get('Neon')!.memory.state).toBe('new');
    expect(byFront.get('Symbol of tungsten')!.memory.state).toBe('new');
    // Not due today: the review shows none of the seeded cards.
    expect(temp.col().queue().cards.map((c) => c.front)).not.toContain('Atomic number of carbon');
  });

  it('a stored card keeps its own history: a schedule comment added later does not overwrite it', () => {
    const file = writeNote('# Chemistry\n\nAtomic number of carbon::6\n');
    importNotes(temp.col(), [file]);
    fs.writeFileSync(file, '# Chemistry\n\nAtomic number of carbon::6\n<!--SR:!2026-12-20,30,250-->\n');
    const again = importNotes(temp.col(), [file]);
    expect(again.srSchedules).toBe(0);
    expect(temp.col().cards({})[0]!.memory.state).toBe('new');
  });

  it('an unreadable schedule is a warning at the card\'s line, and the card starts new', () => {
    const file = writeNote('# Chemistry\n\nAtomic number of carbon::6\n<!--SR:!2026-02-30,30,250-->\n');
    const result = importNotes(temp.col(), [file]);
    expect(result.warnings).toEqual([{ file, line: 3, message: "spaced-repetition schedule has an impossible date '2026-02-30'" }]);
    expect(temp.col().cards({})[0]!.memory.state).toBe('new');
  });
});

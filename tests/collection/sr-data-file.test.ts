/**
 * The Obsidian SR plugin's single schedule-data file (issue 17). The format is the plugin's
 * code (st3v3nmw/obsidian-spaced-repetition): cards tagged `^sr-data-id-<id>` (SR_DATA_ID_TAG,
 * src/data/constants.ts) and `{version, noteSchedules, cardSchedules: {id: [entry|null…]}}`
 * (ISerializedScheduleData, src/data/plugin-data.ts) in `<scheduleDataVaultLocation>/schedule-data.sr.md`
 * (FolderDataFileModifier in src/data/data-store/WIP_DataStores.zip) or in data.json's
 * `scheduleData` (the plugin-data store); an SM-2 entry is `{dueDate, interval, ease, …}`
 * (ISerializedSM2ScheduleData), an FSRS one `{dueDate (ISO), interval, stability, difficulty, …}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { parseSrDataFile } from '../../src/interop/index.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);

const sm2 = (dueDate: string, interval: number, ease: number) => ({ algorithm: 'SM-2-OSR', scheduleData: { dueDate, interval, ease, delayedBeforeReviewTicks: 0 } });

function vault(note: string, data: unknown, where: 'folder' | 'plugin' = 'folder'): string {
  const root = path.join(temp.dir(), 'vault');
  fs.mkdirSync(path.join(root, '.obsidian', 'plugins', 'obsidian-spaced-repetition'), { recursive: true });
  fs.mkdirSync(path.join(root, 'notes'), { recursive: true });
  fs.writeFileSync(path.join(root, 'notes', 'chem.md'), note);
  if (where === 'folder') {
    fs.mkdirSync(path.join(root, 'Spaced Repetition'), { recursive: true });
    fs.writeFileSync(path.join(root, 'Spaced Repetition', 'schedule-data.sr.md'), JSON.stringify(data));
  } else {
    fs.writeFileSync(path.join(root, '.obsidian', 'plugins', 'obsidian-spaced-repetition', 'data.json'), JSON.stringify({ settings: {}, scheduleData: data }));
  }
  return root;
}

const NOTE = [
  '# Chemistry', '',
  'Atomic number of carbon::6', '^sr-data-id-aB3dEf9', '',
  'Noble gas with symbol Ne:::Neon', '^sr-data-id-Zz81kLm', '',
  'Carbon has ==6== protons and ==6== neutrons.', '^sr-data-id-cl0ze', '',
  'Symbol of tungsten::W', '^sr-data-id-notinfile', '',
].join('\n');

const DATA = {
  version: 1, noteSchedules: {},
  cardSchedules: {
    aB3dEf9: [sm2('2026-12-20', 30, 250)],
    Zz81kLm: [sm2('2026-12-05', 4, 230), null],
    cl0ze: [sm2('2000-01-01', 1, 250), sm2('2026-12-09', 9, 270)],
  },
};

describe('parseSrDataFile', () => {
  it('reads SM-2 and FSRS entries as (due day, interval, ease); null and the 2000-01-01 placeholder are new cards', () => {
    const parsed = parseSrDataFile(JSON.stringify({
      version: 1, noteSchedules: { n1: null },
      cardSchedules: {
        a: [sm2('2026-12-20', 30, 250), null, sm2('2000-01-01', 1, 250)],
        b: [{ algorithm: 'FSRS', scheduleData: { dueDate: '2026-12-10T12:00:00.000Z', interval: 12, stability: 12.5, difficulty: 1, state: 2 } }],
        c: [sm2('20-12-2026', 3, 250)],
      },
    }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.cards.get('a')).toEqual([{ due: '2026-12-20', intervalDays: 30, ease: 2.5 }, null, null]);
    // difficulty 1 → the plugin's difficultyToEase gives its highest ease, 370.
    expect(parsed.cards.get('b')).toEqual([{ due: '2026-12-10', intervalDays: 12, ease: 3.7 }]);
    expect(parsed.cards.get('c')).toEqual([{ due: '2026-12-20', intervalDays: 3, ease: 2.5 }]);
    expect(parsed.noteSchedules).toBe(1);
    expect(parsed.unreadable).toBe(0);
  });

  it("takes data.json's scheduleData; refuses what is not the format; counts unreadable entries", () => {
    const inPlugin = parseSrDataFile(JSON.stringify({ settings: {}, scheduleData: { version: 1, noteSchedules: {}, cardSchedules: { x: [sm2('2026-12-20', 3, 250)] } } }));
    expect(inPlugin.ok && inPlugin.cards.size).toBe(1);
    expect(parseSrDataFile('not json')).toEqual({ ok: false, message: 'not valid JSON' });
    expect(parseSrDataFile('{"settings":{}}')).toEqual({ ok: false, message: 'no cardSchedules in it' });
    const bad = parseSrDataFile(JSON.stringify({ cardSchedules: { x: [sm2('2026-02-30', 3, 250), sm2('2026-12-01', -1, 250), { nonsense: 1 }], 'a/../b': [] } }));
    expect(bad.ok && [bad.unreadable, bad.cards.get('x')]).toEqual([4, [null, null, null]]);
  });
});

describe('importing a vault that keeps schedules in the schedule-data file', () => {
  it('each ^sr-data-id card takes its schedules by position; ids not in the file start new; the file is not a note', () => {
    const root = vault(NOTE, DATA);
    const result = importNotes(temp.col(), [root]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.files).toBe(1);
    expect(result.srSchedules).toBe(3);
    expect(result.srFromDataFile).toBe(3);
    expect(result.srDataFiles).toEqual([path.join(root, 'Spaced Repetition', 'schedule-data.sr.md')]);
    const cards = temp.col().cards({});
    const byFront = new Map(cards.map((card) => [card.front, card]));
    expect(byFront.get('Atomic number of carbon')!.memory).toMatchObject({ state: 'review', scheduledDays: 30 });
    expect(new Date(byFront.get('Atomic number of carbon')!.memory.due).getDate()).toBe(20);
    expect(byFront.get('Noble gas with symbol Ne')!.memory).toMatchObject({ state: 'review', scheduledDays: 4 });
    expect(byFront.get('Neon')!.memory.state).toBe('new');
    const clozes = cards.filter((c) => c.kind === 'cloze').sort((a, b) => a.front.localeCompare(b.front));
    expect(clozes.map((c) => c.memory.state).sort()).toEqual(['new', 'review']);
    expect(clozes.find((c) => c.memory.state === 'review')!.memory.scheduledDays).toBe(9);
    expect(byFront.get('Symbol of tungsten')!.memory.state).toBe('new');
    // The block id is not card text.
    expect(cards.some((c) => `${c.front}${c.back}`.includes('sr-data-id'))).toBe(false);
  });

  it("reads the schedules from the plugin's data.json too, also when only a subfolder is imported", () => {
    const root = vault(NOTE, DATA, 'plugin');
    const result = importNotes(temp.col(), [path.join(root, 'notes')]);
    expect(result.srSchedules).toBe(3);
    expect(result.srDataFiles).toEqual([path.join(root, '.obsidian', 'plugins', 'obsidian-spaced-repetition', 'data.json')]);
  });

  it('a damaged schedule-data file is a warning naming it; the cards import as new', () => {
    const root = vault(NOTE, DATA);
    fs.writeFileSync(path.join(root, 'Spaced Repetition', 'schedule-data.sr.md'), '{"cardSchedules": [');
    const result = importNotes(temp.col(), [root]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ file: path.join(root, 'Spaced Repetition', 'schedule-data.sr.md'), line: 0, message: 'spaced-repetition schedule data: not valid JSON' }]);
    expect(result.srSchedules).toBe(0);
    expect(temp.col().cards({}).every((c) => c.memory.state === 'new')).toBe(true);
  });
});

describe('the Markdown-wrapped variant', () => {
  it('reads JSON from a ```json block and bare {dueDate, interval, ease} entries', () => {
    const parsed = parseSrDataFile('# Header\n\n```json\n{"version":1,"cardSchedules":{"h1":[{"dueDate":"2026-12-07","interval":2,"ease":220}]}}\n```\n');
    expect(parsed.ok && parsed.cards.get('h1')).toEqual([{ due: '2026-12-07', intervalDays: 2, ease: 2.2 }]);
  });
});

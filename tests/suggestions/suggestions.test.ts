import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { collectionStats } from '../../src/collection/stats.js';
import { buildBackup } from '../../src/collection/export.js';
import { restoreBackup } from '../../src/collection/restore.js';
import { decide, listSuggestions, undoDecision } from '../../src/collection/suggestions.js';
import { Collection } from '../../src/collection/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);

const PROSE_QUESTION = 'How does round robin scheduling share the processor?';
const PROSE_ANSWER = 'Each process runs for one fixed time slice in turn, then goes to the back of the ready queue.';
const OTHER_QUESTION = 'Why does a shorter time slice make the system feel more responsive?';
const OTHER_ANSWER = 'Waiting processes get the processor sooner, at the cost of more context switches.';

/** A note with two explicit cards and two questions answered in prose (`cards: both`). */
function noteText(extra = '', answer = PROSE_ANSWER): string {
  return [
    '---', 'deck: OS', 'cards: both', '---', '# Scheduling', '',
    'What is a process?::A program in execution.', '',
    'What is a thread?::A unit of execution inside a process.', '',
    PROSE_QUESTION, '', answer, '',
    OTHER_QUESTION, '', OTHER_ANSWER, '',
    extra,
  ].join('\n');
}

function writeNote(text: string, name = 'os.md'): string {
  const file = path.join(temp.dir(), 'notes', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function fronts(cards: Array<{ front: string }>): string[] {
  return cards.map((c) => c.front).sort();
}

function suggestionFor(question: string) {
  const found = listSuggestions(temp.col()).find((c) => c.front === question);
  if (!found) throw new Error(`no suggestion "${question}" among ${fronts(listSuggestions(temp.col())).join(' | ')}`);
  return found;
}

describe('suggestions (cards found in prose)', () => {
  it('never enter the queue, due counts, deck counts or stats until accepted', () => {
    const col = temp.col();
    const file = writeNote(noteText());
    const result = importNotes(col, [file]);
    expect(result.errors).toEqual([]);
    const suggestions = listSuggestions(col);
    expect(fronts(suggestions)).toEqual([PROSE_QUESTION, OTHER_QUESTION].sort());
    expect(result.suggestions).toBe(2);
    expect(suggestions.every((c) => c.status === 'suggested')).toBe(true);

    const queue = col.queue();
    expect(fronts(queue.cards)).toEqual(['What is a process?', 'What is a thread?']);
    expect(queue.counts.new).toBe(2);
    expect(fronts(col.sessionQueue().main)).toEqual(['What is a process?', 'What is a thread?']);
    expect(col.decks()).toEqual([expect.objectContaining({ name: 'OS', total: 2, new: 2, dueToday: 2, suggestions: 2 })]);
    expect(collectionStats(col).counts).toMatchObject({ total: 2, new: 2 });
    // They are listed by `engram cards`, marked as suggestions.
    expect(col.cards({}).filter((c) => c.status === 'suggested')).toHaveLength(2);
  });

  it('an accepted suggestion is an ordinary card: in the queue, answered, kept across re-imports', () => {
    const col = temp.col();
    const file = writeNote(noteText());
    importNotes(col, [file]);
    const card = suggestionFor(PROSE_QUESTION);
    const result = decide(col, [card.id], 'accept');
    expect(result.changed).toEqual([{ id: card.id, from: 'suggested' }]);
    expect(col.queue().cards.map((c) => c.id)).toContain(card.id);
    expect(col.decks()[0]).toMatchObject({ total: 3, new: 3, suggestions: 1 });
    col.answer(card.id, 'good');
    // An edited answer keeps the card (same question) and its acceptance.
    writeNote(noteText('', `${PROSE_ANSWER} Typical slices are 10 to 100 ms.`));
    importNotes(col, [file]);
    const after = col.getCard(card.id);
    expect(after.status).toBe('accepted');
    expect(after.back).toContain('10 to 100 ms');
    expect(col.reviewsOf(card.id)).toHaveLength(1);
  });

  it('a rejected suggestion stays rejected while its text is unchanged, and comes back when it changes', () => {
    const col = temp.col();
    const file = writeNote(noteText());
    importNotes(col, [file]);
    const card = suggestionFor(PROSE_QUESTION);
    decide(col, [card.id], 'reject');
    expect(listSuggestions(col).map((c) => c.id)).not.toContain(card.id);
    expect(col.cards({}).map((c) => c.id)).not.toContain(card.id);

    // The note changes elsewhere: it is parsed again, and the rejected text is still rejected.
    writeNote(noteText('What is a context switch?::Saving one process and loading another.'));
    const again = importNotes(col, [file]);
    expect(again.cards.added).toBe(1);
    expect(col.getCard(card.id).status).toBe('rejected');
    expect(fronts(listSuggestions(col))).toEqual([OTHER_QUESTION]);
    expect(col.queue().cards.map((c) => c.id)).not.toContain(card.id);

    // Its answer is rewritten: a new suggestion to decide on.
    writeNote(noteText('', 'Every ready process gets the processor for one quantum, in circular order.'));
    importNotes(col, [file]);
    expect(fronts(listSuggestions(col))).toEqual([PROSE_QUESTION, OTHER_QUESTION].sort());
    expect(col.queue().cards.map((c) => c.front)).not.toContain(PROSE_QUESTION);
  });

  it('decisions are all or nothing: a bad id or rejecting a queued card changes nothing', () => {
    const col = temp.col();
    importNotes(col, [writeNote(noteText())]);
    const card = suggestionFor(PROSE_QUESTION);
    expect(() => decide(col, [card.id, 9999], 'accept')).toThrow('no card with id 9999');
    expect(col.getCard(card.id).status).toBe('suggested');
    const explicit = col.queue().cards[0]!;
    expect(() => decide(col, [card.id, explicit.id], 'reject')).toThrow(`card ${explicit.id} is not a suggestion`);
    expect(col.getCard(card.id).status).toBe('suggested');
    // Accepting twice is not an error: the second time changes nothing.
    decide(col, [card.id], 'accept');
    expect(decide(col, [card.id], 'accept')).toEqual({ decision: 'accept', changed: [], unchanged: [card.id] });
  });

  it('undo puts decided cards back to suggestions, but not a card answered since', () => {
    const col = temp.col();
    importNotes(col, [writeNote(noteText())]);
    const card = suggestionFor(PROSE_QUESTION);
    const accepted = decide(col, [card.id], 'accept');
    undoDecision(col, accepted);
    expect(col.getCard(card.id).status).toBe('suggested');
    const again = decide(col, [card.id], 'accept');
    col.answer(card.id, 'good');
    expect(() => undoDecision(col, again)).toThrow('answered since');
    expect(col.getCard(card.id).status).toBe('accepted');
  });

  it('accepts or rejects every suggestion of one note', () => {
    const col = temp.col();
    const a = writeNote(noteText(), 'a.md');
    const b = writeNote(noteText(), 'b.md');
    importNotes(col, [a, b]);
    expect(listSuggestions(col)).toHaveLength(4);
    const ofA = listSuggestions(col, { note: a });
    expect(ofA).toHaveLength(2);
    expect(ofA.every((c) => c.source?.file === a)).toBe(true);
    decide(col, ofA.map((c) => c.id), 'reject');
    expect(listSuggestions(col).every((c) => c.source?.file === b)).toBe(true);
    expect(() => listSuggestions(col, { note: path.join(temp.dir(), 'missing.md') })).toThrow('no imported note');
  });
});

describe('the proseCards option and the import flag', () => {
  it('auto puts prose cards straight into the queue; off imports none', () => {
    const col = temp.col();
    const file = writeNote(noteText());
    importNotes(col, [file]);
    col.setOption('OS', 'proseCards', 'auto');
    expect(() => col.setOption('OS', 'proseCards', 'sometimes')).toThrow('expected suggest, auto or off');
    expect(col.getOptions('OS')[0]!.options.proseCards).toBe('auto');

    const other = writeNote(noteText().replace('deck: OS', 'deck: OS'), 'other.md');
    const result = importNotes(col, [other]);
    expect(result.suggestions).toBe(2); // the first note's suggestions still wait
    expect(listSuggestions(col, { note: other })).toEqual([]);
    expect(col.queue().cards.filter((c) => c.source?.file === other)).toHaveLength(4);

    col.setOption('OS', 'proseCards', 'off');
    const third = writeNote(noteText(), 'third.md');
    importNotes(col, [third]);
    expect(col.cards({}).filter((c) => c.source?.file === third).map((c) => c.front).sort()).toEqual(['What is a process?', 'What is a thread?']);
  });

  it('the import flag overrides the deck option, and re-reads unchanged notes when given', () => {
    const col = temp.col();
    const file = writeNote(noteText());
    importNotes(col, [file]);
    expect(listSuggestions(col)).toHaveLength(2);
    // Unchanged note, but the flag asks for auto: the waiting suggestions enter the queue.
    const auto = importNotes(col, [file], { proseCards: 'auto' });
    expect(auto.suggestions).toBe(0);
    expect(auto.cards).toMatchObject({ updated: 2, unchanged: 2 });
    expect(col.queue().cards).toHaveLength(4);
    expect(col.getOptions('OS')[0]!.options.proseCards).toBe('suggest');

    const fresh = writeNote(noteText(), 'fresh.md');
    importNotes(col, [fresh], { proseCards: 'off' });
    expect(col.cards({}).filter((c) => c.source?.file === fresh)).toHaveLength(2);
    // Without the flag the deck's own option (suggest) applies again.
    importNotes(col, [fresh]);
    expect(listSuggestions(col, { note: fresh })).toHaveLength(2);
  });

  it('frontmatter `cards: explicit` still turns prose cards off for a note', () => {
    const col = temp.col();
    const file = writeNote(noteText().replace('cards: both', 'cards: explicit'));
    importNotes(col, [file]);
    expect(listSuggestions(col)).toEqual([]);
    expect(col.cards({})).toHaveLength(2);
  });

  it('a dry run marks suggestions in its preview', () => {
    const col = temp.col();
    const result = importNotes(col, [writeNote(noteText())], { dryRun: true });
    expect(result.preview.filter((p) => p.status === 'suggested').map((p) => p.front).sort()).toEqual([PROSE_QUESTION, OTHER_QUESTION].sort());
    expect(result.suggestions).toBe(2);
    expect(col.cards({})).toEqual([]);
  });

  it('the stats forecast and counts leave suggestions out', () => {
    const col = temp.col();
    importNotes(col, [writeNote(noteText())]);
    const [explicit] = col.queue().cards;
    col.answer(explicit!.id, 'easy');
    const dueIn = (stats: ReturnType<typeof collectionStats>) => stats.forecast.reduce((sum, day) => sum + day.due, 0);
    const stats = collectionStats(col);
    expect(stats.counts.total).toBe(2);
    expect(dueIn(stats)).toBe(1);
    // A card in review state that is (somehow) a suggestion is left out of the forecast as from the queue.
    col.store.setCardStatus(explicit!.id, 'suggested', T0);
    expect(dueIn(collectionStats(col))).toBe(0);
    expect(collectionStats(col).counts.total).toBe(1);
  });
});

describe('export and restore', () => {
  it('keep each card\'s status, so suggestions and rejections survive a backup', () => {
    const col = temp.col();
    importNotes(col, [writeNote(noteText())]);
    decide(col, [suggestionFor(PROSE_QUESTION).id], 'reject');
    const doc = buildBackup(col);
    expect(doc.cards.map((c) => c.status).sort()).toEqual(['accepted', 'accepted', 'rejected', 'suggested']);
    const file = path.join(temp.dir(), 'backup.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const restored = Collection.open(path.join(temp.dir(), 'restored.db'));
    try {
      restoreBackup(restored, file);
      expect(restored.decks()[0]).toMatchObject({ total: 2, suggestions: 1 });
      expect(fronts(listSuggestions(restored))).toEqual([OTHER_QUESTION]);
      // An export from before suggestions existed has no status: every card was in the queue.
      const old = path.join(temp.dir(), 'old.json');
      fs.writeFileSync(old, JSON.stringify({ ...doc, cards: doc.cards.map(({ status: _status, ...card }) => card) }));
      const fromOld = Collection.open(path.join(temp.dir(), 'old.db'));
      restoreBackup(fromOld, old);
      expect(fromOld.decks()[0]).toMatchObject({ total: 4, suggestions: 0 });
      fromOld.close();
    } finally {
      restored.close();
    }
  });
});

describe('migration 6 on an existing database', () => {
  it('prose cards never answered become suggestions; answered ones and explicit ones stay in the queue', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-mig6-'));
    const file = path.join(dir, 'old.db');
    try {
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, 5)) old.exec(sql);
      old.pragma('user_version = 5');
      old.prepare(`INSERT INTO decks (id, name, created_at) VALUES (1, 'OS', 0)`).run();
      const insert = old.prepare(`INSERT INTO cards (id, deck_id, kind, front, back, item_key, state, due, reps, new_position, created_at, modified_at)
        VALUES (?, 1, ?, ?, 'b', ?, ?, 0, ?, ?, 0, 0)`);
      insert.run(1, 'basic', 'explicit', 'n#basic:explicit', 'new', 0, 1);
      insert.run(2, 'qa', 'prose, never answered', 'n#qa:prose', 'new', 0, 2);
      insert.run(3, 'qa', 'prose, answered', 'n#qa:answered', 'review', 1, 3);
      insert.run(4, 'definition', 'term', 'n#definition:term', 'new', 0, 4);
      insert.run(5, 'reversed', 'its definition', 'n#definition:term', 'new', 0, 5);
      insert.run(6, 'reversed', 'explicit reversed', 'n#basic:x', 'new', 0, 6);
      insert.run(7, 'heading', 'What is X?', 'n#heading:x', 'new', 0, 7);
      old.prepare(`INSERT INTO reviews (card_id, grade, reviewed_at, elapsed_days, state_before, state_after, before) VALUES (3, 'good', 0, 0, 'new', 'review', '{}')`).run();
      old.close();

      const col = Collection.open(file);
      const status = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((id) => [id, col.getCard(id).status]));
      expect(status).toEqual({ 1: 'accepted', 2: 'suggested', 3: 'accepted', 4: 'suggested', 5: 'suggested', 6: 'accepted', 7: 'suggested' });
      col.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('labels shared across notes', () => {
  it('a prose front made by more than three notes of one import is dropped; explicit cards and rarer fronts stay', () => {
    const label = (term: string) => `# ${term}\n\n**Hyperparameters**: the learning rate and the size of each ${term.toLowerCase()} layer.\n\n**${term}**: A technique that every later chapter of these notes builds upon.\n`;
    const terms = ['Tensor fusion', 'Gated fusion', 'Bilinear pooling', 'Low-rank fusion'];
    terms.forEach((term, k) => writeNote(label(term), `n${k}.md`));
    writeNote('# Extra\n\nWhat are Hyperparameters?::Settings chosen before training, not learned.\n', 'explicit.md');
    importNotes(temp.col(), [path.join(temp.dir(), 'notes')], { proseCards: 'auto' });
    const got = temp.col().cards({}).map((card) => card.front);
    // Only the explicit card keeps the shared front.
    expect(got.filter((f) => f === 'What are Hyperparameters?')).toHaveLength(1);
    for (const term of terms) expect(got).toContain(`What is ${term}?`);
  });
});

/** Crafted JSON backups for `engram import-backup`: each refused with one line, exit 1, nothing written. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { NOW, expectRefused } from './helpers.js';

// One real collection (an imported note, one answer) and its export, made once for the file.
let source: TempEnv;
let exported: any;
beforeAll(() => {
  source = tempEnv();
  source.write('notes/n.md', 'Question one::Answer one\n');
  expect(source.run(['import', path.join(source.dir, 'notes')], { now: NOW }).code).toBe(0);
  const id = source.json(['cards'])[0].id;
  source.json(['answer', String(id), 'good'], { now: NOW });
  exported = JSON.parse(source.run(['export'], { now: NOW }).stdout);
});
afterAll(() => source.cleanup());

let env: TempEnv;
let fresh = '';
beforeEach(() => {
  env = tempEnv();
  fresh = path.join(env.dir, 'fresh.db');
});
afterEach(() => env.cleanup());

const crafted = (edit: (doc: any) => void): string => {
  const doc = structuredClone(exported);
  edit(doc);
  return env.write('crafted.json', JSON.stringify(doc));
};

const restore = (file: string) => ['--db', fresh, 'import-backup', file];
const settle = () => ['--db', fresh, 'decks'];

describe('hostile backups', () => {
  const cases: Array<[string, (doc: any) => void, RegExp]> = [
    ['a source path vi reads as a command', (doc) => { doc.cards[0].source.file = '+:!touch /tmp/engram-pwned'; }, /cards\[0\]\.source\.file: '\+:!touch \/tmp\/engram-pwned' is not an absolute path/],
    ['a source path that is an option', (doc) => { doc.cards[0].source.file = '-c'; }, /cards\[0\]\.source\.file: .*not an absolute path/],
    ['a source path with an escape sequence', (doc) => { doc.cards[0].source.file = '/n\x1b]0;x\x07.md'; }, /cards\[0\]\.source\.file: the path contains control characters/],
    ['a note path that is relative', (doc) => { doc.notes[0].path = 'n.md'; doc.cards[0].note = 'n.md'; }, /notes\[0\]\.path: 'n\.md' is not an absolute path/],
    ['a source line of 0', (doc) => { doc.cards[0].source.line = 0; }, /cards\[0\]\.source\.line: /],
    ['a review in the year 287,000', (doc) => { doc.reviews[0].reviewedAt = 9e15; }, /reviews\[0\]\.reviewedAt: 9000000000000000 is not a time between 1970 and 2200/],
    ['a due date before 1970', (doc) => { doc.cards[0].due = -86_400_000; }, /cards\[0\]\.due: -86400000 is not a time between 1970 and 2200/],
    ['an undo snapshot due in the year 287,000', (doc) => { doc.reviews[0].before.memory.due = 9e15; }, /reviews\[0\]\.before\.memory\.due: .*1970 and 2200/],
    ['a time that is not a whole number', (doc) => { doc.cards[0].createdAt = 1.5; }, /cards\[0\]\.createdAt: /],
    ['a review of a card not in the file', (doc) => { doc.reviews[0].card = 999_999; }, /reviews\[0\]\.card: no card with id 999999 in the file/],
    ['a card in a deck not in the file', (doc) => { doc.cards[0].deck = 'Nowhere'; }, /cards\[0\]\.deck: no deck named 'Nowhere'/],
    ['a card id twice', (doc) => { doc.cards.push({ ...doc.cards[0] }); }, /cards\[1\]\.id: card id \d+ appears twice/],
    ['a future backup version', (doc) => { doc.engram = 2; }, /backup version 2 is not supported/],
    ['an unknown grade', (doc) => { doc.reviews[0].grade = 'perfect'; }, /reviews\[0\]\.grade: /],
  ];
  for (const [name, edit, message] of cases) {
    it(name, () => {
      const file = crafted(edit);
      expectRefused(env, restore(file), new RegExp(`crafted\\.json: not a valid engram backup: ${message.source}`), { settle: settle() });
    });
  }

  it('not JSON at all (binary)', () => {
    const file = env.write('crafted.json', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe]));
    expectRefused(env, restore(file), /crafted\.json: not a valid engram backup: not JSON/, { settle: settle() });
  });

  it('JSON nested a million levels deep', () => {
    const file = env.write('crafted.json', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expectRefused(env, restore(file), /crafted\.json: not a valid engram backup: /, { settle: settle() });
  });

  it('/dev/zero', () => {
    expectRefused(env, restore('/dev/zero'), /^engram: \/dev\/zero: not a regular file\n$/, { settle: settle() });
  });

  it('a FIFO', () => {
    const fifo = path.join(env.dir, 'backup.fifo');
    execFileSync('mkfifo', [fifo]);
    expectRefused(env, restore(fifo), /backup\.fifo: not a regular file/, { settle: settle() });
  });

  it('a good backup into a database that already has cards', () => {
    const file = crafted(() => {});
    fs.copyFileSync(source.db, env.db);
    expectRefused(env, ['import-backup', file], /already has 1 deck\(s\) and 1 card\(s\); import-backup restores into an empty database only/);
  });
});

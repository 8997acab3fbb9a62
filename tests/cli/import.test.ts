import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';

function importJson(args: string[]) {
  const r = env.run(['import', ...args, '--json'], { now: NOW });
  return { code: r.code, result: JSON.parse(r.stdout), stderr: r.stderr };
}

function cardsByFront(): Map<string, { id: number; back: string; state: string }> {
  return new Map(env.json(['cards']).map((c: { front: string }) => [c.front, c]));
}

const NOTE = `---
deck: Identity
---
# Topic

## Section One

What is the first fact?::The first answer.

What is the second fact?::The second answer.

## Section Two

What is the third fact?::The third answer.
`;

describe('engram import', () => {
  it('reports exactly the documented JSON and does no work on an unchanged re-import', () => {
    env.write('notes/a.md', NOTE);
    const first = importJson([path.join(env.dir, 'notes')]);
    expect(first.code).toBe(0);
    expect(first.result).toEqual({ files: 1, cards: { added: 3, updated: 0, unchanged: 0, retired: 0 }, papers: 0, errors: [], warnings: [] });
    const again = importJson([path.join(env.dir, 'notes')]);
    expect(again.result).toEqual({ files: 1, cards: { added: 0, updated: 0, unchanged: 3, retired: 0 }, papers: 0, errors: [], warnings: [] });
    expect(env.json(['decks'])).toEqual([{ name: 'Identity', total: 3, new: 3, learning: 0, dueToday: 3, suspended: 0, quizCards: 0 }]);
  });

  it('a dry run shows the cards and writes nothing', () => {
    const file = env.write('notes/a.md', NOTE);
    const dry = importJson([file, '--dry-run']);
    expect(dry.result.cards.added).toBe(3);
    expect(dry.result.preview.map((c: { front: string; source: { line: number } }) => [c.front, c.source.line])).toEqual([
      ['What is the first fact?', 8], ['What is the second fact?', 10], ['What is the third fact?', 14],
    ]);
    expect(dry.result.preview[2].breadcrumb).toEqual(['Topic', 'Section Two']);
    expect(env.json(['cards'])).toEqual([]);
    expect(env.json(['decks'])).toEqual([]);
  });

  it('keeps ids and history through edits, typo fixes, moves, heading renames, deletion and restore', () => {
    const file = env.write('notes/a.md', NOTE);
    importJson([file]);
    const before = cardsByFront();
    const first = before.get('What is the first fact?')!.id;
    const second = before.get('What is the second fact?')!.id;
    const third = before.get('What is the third fact?')!.id;
    for (const id of [first, second, third]) env.json(['answer', String(id), 'good'], { now: NOW });

    // Edit an answer, fix a typo in a question, move the third card to the top, rename a heading.
    const edited = `---
deck: Identity
---
# Topic

## Section 1 (renamed)

What is the third fact?::The third answer.

What is the frist fact?::The first answer.

What is the second fact?::The second answer, now longer and better.

## Section Two
`;
    fs.writeFileSync(file, edited);
    const r = importJson([file]);
    expect(r.result.cards).toEqual({ added: 0, updated: 3, unchanged: 0, retired: 0 });
    expect(r.stderr).toContain(`relinked card ${first}`);
    const after = cardsByFront();
    expect(after.get('What is the frist fact?')!.id).toBe(first);
    expect(after.get('What is the second fact?')!.id).toBe(second);
    expect(after.get('What is the second fact?')!.back).toBe('The second answer, now longer and better.');
    expect(after.get('What is the third fact?')!.id).toBe(third);
    for (const id of [first, second, third]) expect(env.json(['show', String(id)]).reviews).toHaveLength(1);
    expect(env.json(['show', String(third)]).source.line).toBe(8);

    // Delete the second card: retired, out of the queue, history kept.
    fs.writeFileSync(file, edited.replace('What is the second fact?::The second answer, now longer and better.\n', ''));
    expect(importJson([file]).result.cards.retired).toBe(1);
    const retired = env.json(['show', String(second)]);
    expect(retired.retired).toBe(true);
    expect(env.json(['due'], { now: '2026-12-09T09:00:00Z' }).cards.map((c: { id: number }) => c.id)).not.toContain(second);

    // Restore it: same id, history back.
    fs.writeFileSync(file, edited);
    expect(importJson([file]).result.cards.updated).toBe(1);
    const restored = env.json(['show', String(second)]);
    expect(restored.retired).toBe(false);
    expect(restored.reviews).toHaveLength(1);
  });

  it('does not relink a card whose question changed into a different fact', () => {
    const file = env.write('notes/a.md', '# T\n\nWhat is the capital of France?::Paris\n');
    importJson([file]);
    const id = cardsByFront().get('What is the capital of France?')!.id;
    fs.writeFileSync(file, '# T\n\nWhat is the population of Peru?::About 34 million\n');
    const r = importJson([file]);
    expect(r.result.cards).toEqual({ added: 1, updated: 0, unchanged: 0, retired: 1 });
    expect(cardsByFront().get('What is the population of Peru?')!.id).not.toBe(id);
  });

  it('buries the sibling of a two-way card until the next day', () => {
    const file = env.write('notes/a.md', '# T\n\nmitochondria:::powerhouse of the cell\n');
    importJson([file]);
    const due = env.json(['due'], { now: NOW });
    expect(due.cards).toHaveLength(1);
    env.json(['answer', String(due.cards[0].id), 'good'], { now: NOW });
    const later = env.json(['due'], { now: '2026-12-01T09:30:00Z' }).cards;
    expect(later.map((c: { state: string }) => c.state)).toEqual(['learning']);
    const tomorrow = env.json(['due'], { now: '2026-12-02T05:00:00Z' }).cards;
    expect(tomorrow.some((c: { state: string; front: string }) => c.state === 'new' && c.front === 'powerhouse of the cell')).toBe(true);
  });
});

describe('bad input', () => {
  it('never executes ---js frontmatter', () => {
    const marker = path.join(env.dir, 'pwned');
    const file = env.write('notes/evil.md', `---js\n{ deck: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'Evil') }\n---\nq::a\n`);
    const r = importJson([file]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(marker)).toBe(false);
    expect(r.result.errors).toHaveLength(1);
    expect(r.result.errors[0].file).toBe(file);
    expect(r.result.errors[0].message).toMatch(/YAML only|not allowed/);
    expect(env.json(['cards'])).toEqual([]);
  });

  it('reports bad YAML with file and line and keeps the cards the file had', () => {
    const file = env.write('notes/a.md', NOTE);
    importJson([file]);
    fs.writeFileSync(file, '---\ndeck: Identity\ntags: [a, b\n---\nnew::card\n');
    const r = importJson([file]);
    expect(r.code).toBe(1);
    expect(r.result.errors).toEqual([{ file, line: expect.any(Number), message: expect.any(String) }]);
    expect(r.result.errors[0].line).toBeGreaterThanOrEqual(2);
    expect(r.result.errors[0].line).toBeLessThanOrEqual(4);
    expect(env.json(['cards']).map((c: { front: string }) => c.front).sort()).toEqual([
      'What is the first fact?', 'What is the second fact?', 'What is the third fact?',
    ]);
    const human = env.run(['import', file], { now: NOW });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(new RegExp(`^engram: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `, 'm'));
  });

  it('skips binary, invalid UTF-8 and oversized files, imports the rest, exits 1', () => {
    env.write('notes/good.md', 'q1::a1\n');
    env.write('notes/binary.md', Buffer.from([0x71, 0x3a, 0x3a, 0x61, 0x00, 0x01, 0x02]));
    env.write('notes/latin1.md', Buffer.concat([Buffer.from('ok::fine\ncaf'), Buffer.from([0xe9]), Buffer.from('::x\n')]));
    env.write('notes/huge.md', `${'x'.repeat(5 * 1024 * 1024)}\nq::a\n`);
    env.write('notes/empty.md', '');
    const r = importJson([path.join(env.dir, 'notes')]);
    expect(r.code).toBe(1);
    const errors = Object.fromEntries(r.result.errors.map((e: { file: string; line: number; message: string }) => [path.basename(e.file), e]));
    expect(Object.keys(errors).sort()).toEqual(['binary.md', 'huge.md', 'latin1.md']);
    expect(errors['binary.md'].message).toMatch(/binary/);
    expect(errors['latin1.md'].message).toMatch(/UTF-8/);
    expect(errors['latin1.md'].line).toBe(2);
    expect(errors['huge.md'].message).toMatch(/5 MB/);
    expect(r.result.cards.added).toBe(1);
    expect(env.json(['cards']).map((c: { front: string }) => c.front)).toEqual(['q1']);
  });

  it('survives a symlink loop and skips hidden folders and node_modules', () => {
    env.write('notes/a.md', 'q1::a1\n');
    env.write('notes/.obsidian/hidden.md', 'hidden::no\n');
    env.write('notes/node_modules/pkg/readme.md', 'dep::no\n');
    fs.symlinkSync(path.join(env.dir, 'notes'), path.join(env.dir, 'notes', 'loop'));
    const r = importJson([path.join(env.dir, 'notes')]);
    expect(r.code).toBe(0);
    expect(r.result.files).toBe(1);
    expect(env.json(['cards']).map((c: { front: string }) => c.front)).toEqual(['q1']);
  });

  it('names a missing path', () => {
    const r = env.run(['import', path.join(env.dir, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope');
    expect(r.stderr).toContain('no such file or folder');
  });
});

describe('the real source notes', () => {
  const notes = path.join(ROOT, 'tests', 'fixtures', 'source-notes');
  it('give cards for every section, no empty sides, and at least 40 papers', () => {
    const r = importJson([notes, '--dry-run']);
    expect(r.code).toBe(0);
    const preview: Array<{ front: string; back: string; breadcrumb: string[] }> = r.result.preview;
    expect(preview.length).toBeGreaterThan(40);
    for (const card of preview) {
      expect(card.front.trim().length).toBeGreaterThan(1);
      expect(card.back.trim().length).toBeGreaterThan(1);
    }
    const text = fs.readFileSync(path.join(notes, 'challenges-in-multimodality.md'), 'utf8');
    const sections = [...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim());
    const covered = new Set(preview.flatMap((c) => c.breadcrumb));
    const missing = sections.filter((s) => !covered.has(s));
    // "Summary" only lists the three paradigms already carded above it.
    expect(missing.filter((s) => s !== 'Summary')).toEqual([]);
    expect(r.result.papers).toBeGreaterThanOrEqual(40);
  });
});

describe('engram import warnings', () => {
  it('an explicit card that cannot be made is a warning (human and --json), the rest import and the exit code is 0', () => {
    const file = env.write('notes/chem.md', '# Chemistry\n\nAtomic number of carbon::6\nSymbol of tungsten :: W\n\nWhat is fusion?::\n\nH::hydrogen\nH :: hydrogen\n');
    const r = importJson([file]);
    expect(r.code).toBe(0);
    expect(r.result.cards.added).toBe(3);
    expect(r.result.errors).toEqual([]);
    expect(r.result.warnings).toEqual([
      { file, line: 6, message: "empty card: nothing after '::'" },
      { file, line: 9, message: 'duplicate card: the same question and answer as line 8' },
    ]);
    // Reported again on the next import, until the note is fixed.
    const human = env.run(['import', file], { now: NOW });
    expect(human.code).toBe(0);
    expect(human.stderr.trim().split('\n')).toEqual([
      `engram: warning: ${file}:6: empty card: nothing after '::'`,
      `engram: warning: ${file}:9: duplicate card: the same question and answer as line 8`,
    ]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

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

// Card identity, dry runs, siblings and bad files are tested in-process in
// tests/collection/import-identity.test.ts; here, the command's contract.
describe('engram import', () => {
  it('prints exactly the documented JSON, exit 0, and says on stderr which card it relinked', () => {
    const file = env.write('notes/a.md', NOTE);
    const first = importJson([path.join(env.dir, 'notes')]);
    expect(first.code).toBe(0);
    expect(first.result).toEqual({ files: 1, cards: { added: 3, updated: 0, unchanged: 0, retired: 0 }, papers: 0, errors: [], warnings: [], suggestions: 0 });
    const id = cardsByFront().get('What is the first fact?')!.id;
    fs.writeFileSync(file, NOTE.replace('What is the first fact?', 'What is the frist fact?'));
    const again = importJson([file]);
    expect(again.result).toEqual({ files: 1, cards: { added: 0, updated: 1, unchanged: 2, retired: 0 }, papers: 0, errors: [], warnings: [], suggestions: 0 });
    expect(again.stderr).toContain(`relinked card ${id}`);
  });

  it('a dry run adds preview, relinked, moved, removed and warnings to the JSON, and writes nothing', () => {
    const file = env.write('notes/a.md', NOTE);
    const dry = importJson([file, '--dry-run']);
    expect(Object.keys(dry.result).sort()).toEqual(['cards', 'errors', 'files', 'moved', 'papers', 'preview', 'relinked', 'removed', 'suggestions', 'warnings']);
    expect(dry.result.preview[0]).toEqual({
      id: null, action: 'add', deck: 'Identity', kind: 'basic', front: 'What is the first fact?', back: 'The first answer.',
      source: { file, line: 8 }, breadcrumb: ['Topic', 'Section One'], status: 'accepted',
    });
    const human = env.run(['import', file, '--dry-run'], { now: NOW });
    expect(human.stdout).toContain('would import 1 file: 3 added, 0 updated, 0 unchanged, 0 retired; 0 papers');
    expect(human.stdout).toContain('dry run: nothing was written');
    expect(env.json(['cards'])).toEqual([]);
  });
});

describe('bad input', () => {
  it('a file with errors: JSON names file and line, the human line too, exit 1', () => {
    const file = env.write('notes/a.md', '---\ndeck: Identity\ntags: [a, b\n---\nnew::card\n');
    const r = importJson([file]);
    expect(r.code).toBe(1);
    expect(r.result.errors).toEqual([{ file, line: expect.any(Number), message: expect.any(String) }]);
    const human = env.run(['import', file], { now: NOW });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(new RegExp(`^engram: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `, 'm'));
  });

  it('names a missing path', () => {
    const r = env.run(['import', path.join(env.dir, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope');
    expect(r.stderr).toContain('no such file or folder');
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

/**
 * Issue 12, item 1: a card's source path reaches the user's editor (`o` in the review). A path
 * such as `+:!touch x` is a command to vi, so only absolute paths come in (import-backup), only
 * an existing regular file is ever opened, and `--` ends the options of editors that accept it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorArgv, openEditor } from '../../src/tui/editor.js';
import { sourcePathProblem } from '../../src/core/index.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';

describe('editor argv', () => {
  for (const editor of ['vi', 'vim', '/usr/bin/nvim', 'nano', 'emacs', 'emacsclient -t']) {
    it(`${editor}: the line number, then --, then the path`, () => {
      const argv = editorArgv(editor, '/notes/a.md', 7);
      expect(argv.slice(-3)).toEqual(['+7', '--', '/notes/a.md']);
    });
  }

  it('editors that take file:line get an absolute path, which no option parser reads as an option', () => {
    expect(editorArgv('code', '/notes/a.md', 3)).toEqual(['code', '--wait', '--goto', '/notes/a.md:3']);
  });
});

describe('openEditor only opens an existing regular file', () => {
  let dir = '';
  let log = '';
  let saved: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-editor-'));
    log = path.join(dir, 'argv.log');
    const fake = path.join(dir, 'fake-editor.sh');
    fs.writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\n`, { mode: 0o755 });
    saved = process.env['VISUAL'];
    process.env['VISUAL'] = fake;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env['VISUAL'];
    else process.env['VISUAL'] = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const file of ['+:!touch /tmp/x', '-c', 'relative.md', '/no/such/note.md']) {
    it(`refuses ${JSON.stringify(file)} without starting the editor`, () => {
      const opened = openEditor(file, 1);
      expect(opened.ok).toBe(false);
      expect(opened.message).toMatch(/not an existing note file|not an absolute path/);
      expect(fs.existsSync(log)).toBe(false);
    });
  }

  it('refuses a folder', () => {
    expect(openEditor(dir, 1).ok).toBe(false);
    expect(fs.existsSync(log)).toBe(false);
  });

  it('opens a real note file', () => {
    const note = path.join(dir, 'note.md');
    fs.writeFileSync(note, 'Q::A\n');
    expect(openEditor(note, 1)).toEqual({ ok: true, message: '' });
    expect(fs.readFileSync(log, 'utf8')).toBe(`${note}\n`);
  });
});

describe('sourcePathProblem', () => {
  it('accepts absolute paths and refuses the rest', () => {
    expect(sourcePathProblem('/home/u/notes/a.md')).toBeNull();
    expect(sourcePathProblem('+:!touch /tmp/x')).toMatch(/absolute/);
    expect(sourcePathProblem('-R')).toMatch(/absolute/);
    expect(sourcePathProblem('notes/a.md')).toMatch(/absolute/);
    expect(sourcePathProblem('/a\0b')).toMatch(/control/);
    expect(sourcePathProblem('/a\nb')).toMatch(/control/);
    expect(sourcePathProblem('')).toMatch(/absolute/);
  });
});

describe('engram import-backup refuses a source path that is not an absolute path', () => {
  const exported = (edit: (doc: any) => void) => {
    env.write('n/a.md', 'Q one::A one\n');
    expect(env.run(['import', path.join(env.dir, 'n')], { now: NOW }).code).toBe(0);
    const doc = JSON.parse(env.run(['export'], { now: NOW }).stdout);
    edit(doc);
    return env.write('edited.json', JSON.stringify(doc));
  };

  it('cards[].source.file "+:!touch …"', () => {
    const file = exported((doc) => {
      doc.cards[0].source.file = '+:!touch /tmp/engram-pwned';
    });
    const fresh = path.join(env.dir, 'fresh.db');
    const r = env.run(['--db', fresh, 'import-backup', file], { now: NOW });
    expect(r.stderr).toMatch(/^engram: .*edited\.json: not a valid engram backup: cards\[0\]\.source\.file: .*absolute.*\n$/);
    expect(r.code).toBe(1);
    expect(env.json(['--db', fresh, 'cards'])).toEqual([]);
  });

  it('notes[].path relative', () => {
    const file = exported((doc) => {
      doc.notes[0].path = 'a.md';
      doc.cards[0].note = 'a.md';
    });
    const r = env.run(['--db', path.join(env.dir, 'fresh.db'), 'import-backup', file], { now: NOW });
    expect(r.stderr).toMatch(/notes\[0\]\.path: .*absolute/);
    expect(r.code).toBe(1);
  });

  it('a real export still restores', () => {
    const file = exported(() => {});
    expect(env.json(['--db', path.join(env.dir, 'fresh.db'), 'import-backup', file], { now: NOW })).toMatchObject({ cards: 1 });
  });
});

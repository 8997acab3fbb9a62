/**
 * Issue 12, item 12: links in an imported folder that lead outside it are refused; "imported N
 * files" counts only files read and imported, the skipped ones apart; a deck whose name holds
 * control characters can be chosen by the name `engram decks` shows.
 */
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

describe('links in an imported folder', () => {
  it('a note or folder link that leads outside is refused with one line each; links inside still work', () => {
    env.write('outside/secret.md', 'Secret question::secret answer\n');
    env.write('outside/sub/other.md', 'Other question::other answer\n');
    env.write('vault/own.md', 'Own question::own answer\n');
    env.write('vault/real/inner.md', 'Inner question::inner answer\n');
    const vault = path.join(env.dir, 'vault');
    fs.symlinkSync(path.join(env.dir, 'outside/secret.md'), path.join(vault, 'evil.md'));
    fs.symlinkSync(path.join(env.dir, 'outside/sub'), path.join(vault, 'elsewhere'));
    fs.symlinkSync(path.join(vault, 'real'), path.join(vault, 'alias'));
    const r = env.run(['import', vault], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `engram: ${path.join(vault, 'elsewhere')}: is a link that leads outside the imported folder; skipped`,
      `engram: ${path.join(vault, 'evil.md')}: is a link that leads outside the imported folder; skipped`,
    ]);
    expect(r.stdout).toMatch(/^imported 2 files \(2 skipped\): 2 added/);
    expect(env.json(['cards']).map((c: { front: string }) => c.front).sort()).toEqual(['Inner question', 'Own question']);
  });
});

describe('note file names', () => {
  it('a file name with control characters is refused (backups and the editor refuse such paths), the rest import', () => {
    env.write('notes/good.md', 'Good question::good answer\n');
    env.write('notes/evil\x1b]0;x\x07.md', 'Evil question::evil answer\n');
    const r = env.run(['import', path.join(env.dir, 'notes')], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^engram: .*\/notes\/evil\.md: the path contains control characters; rename the file to import it\n$/);
    expect(env.json(['cards']).map((c: { front: string }) => c.front)).toEqual(['Good question']);
    // What was imported survives its own backup.
    const backup = env.write('b.json', env.run(['export'], { now: NOW }).stdout);
    expect(env.run(['--db', path.join(env.dir, 'r.db'), 'import-backup', backup], { now: NOW }).code).toBe(0);
  });
});

describe('the imported files count', () => {
  it('counts files read and imported; files that failed are skipped, said apart', () => {
    env.write('notes/good.md', 'Good question::good answer\n');
    env.write('notes/binary.md', Buffer.from([0x51, 0x3a, 0x3a, 0x00, 0x41]));
    env.write('notes/bad-yaml.md', '---\ndeck: [unclosed\n---\nQ::A\n');
    const dir = path.join(env.dir, 'notes');
    const json = env.run(['import', dir, '--json'], { now: NOW });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 1, cards: { added: 1 } });
    const human = env.run(['import', dir], { now: NOW });
    expect(human.stdout).toMatch(/^imported 1 file \(2 skipped\): 0 added, 0 updated, 1 unchanged/);
  });
});

describe('a deck whose name holds control characters', () => {
  it('is chosen by the name engram decks shows', () => {
    expect(env.run(['add', '--deck', 'D', '--front', 'q', '--back', 'a'], { now: NOW }).code).toBe(0);
    const doc = JSON.parse(env.run(['export'], { now: NOW }).stdout);
    const hostile = 'Evil\x1b[31mRed\x07';
    doc.decks[0].name = hostile;
    doc.cards[0].deck = hostile;
    const file = env.write('b.json', JSON.stringify(doc));
    const db = path.join(env.dir, 'restored.db');
    expect(env.run(['--db', db, 'import-backup', file], { now: NOW }).code).toBe(0);
    const shown = env.run(['--db', db, 'decks'], { now: NOW }).stdout;
    expect(shown).toContain('EvilRed');
    expect(shown).not.toContain('\x1b');
    const cards = env.run(['--db', db, 'cards', '--deck', 'EvilRed', '--json'], { now: NOW });
    expect(cards.stderr).toBe('');
    expect(JSON.parse(cards.stdout)).toHaveLength(1);
    for (const command of [['due'], ['stats'], ['config']]) {
      const r = env.run(['--db', db, ...command, '--deck', 'EvilRed', '--json'], { now: NOW });
      expect({ command, stderr: r.stderr, code: r.code }).toEqual({ command, stderr: '', code: 0 });
    }
    const missing = env.run(['--db', db, 'cards', '--deck', 'Evil'], { now: NOW });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("engram: no deck named 'Evil' (decks: EvilRed)\n");
  });
});

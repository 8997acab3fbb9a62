/**
 * Text from strangers (deck names from a backup or an Anki package, card text) must not drive
 * the terminal in plain output or in error messages, and an error stays one line.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { buildBackup } from '../../src/collection/export.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';
const HOSTILE = '\x1b]0;PWNED\x07Evil\x1b[2J';
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('untrusted deck names and error messages', () => {
  it('an import-backup error that echoes a deck name prints it without control sequences, on one line', () => {
    const doc = withCollectionAt(env.db, NOW, (col) => {
      col.addCard('D', 'q', 'a');
      return JSON.parse(JSON.stringify(buildBackup(col))) as { cards: Array<{ deck: string }> };
    });
    doc.cards[0]!.deck = `${HOSTILE}\nsecond line`;
    const file = env.write('evil.json', JSON.stringify(doc));
    const r = env.run(['--db', `${env.dir}/fresh.db`, 'import-backup', file], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^engram: .*evil\.json: not a valid engram backup: cards\[0\]\.deck: no deck named '.*Evil.*second line' in the file\n$/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(fs.existsSync(`${env.dir}/fresh.db`) ? withCollectionAt(`${env.dir}/fresh.db`, NOW, (col) => col.cards({})).length : 0).toBe(0);
  });

  it('engram cards and engram due print a deck name without its control sequences', () => {
    withCollectionAt(env.db, NOW, (col) => col.addCard(HOSTILE, 'q', 'a'));
    for (const command of ['cards', 'due']) {
      const r = env.run([command], { now: NOW });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Evil');
      expect(r.stdout).not.toMatch(CONTROL);
    }
  });

  it('engram quiz papers names a hostile deck without its control sequences', () => {
    withCollectionAt(env.db, NOW, (col) => col.addCard(HOSTILE, 'q', 'a'));
    const r = env.run(['quiz', 'papers', '--deck', HOSTILE], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No papers with an idea in deck');
    expect(r.stdout).not.toMatch(CONTROL);
  });

  it('commander echoes an unknown option without its control sequences', () => {
    const r = env.run([`--bogus${HOSTILE}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus");
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it('--json output escapes DEL and 8-bit controls, and still parses to the original text', () => {
    const front = 'csi \u009b31m red \u007f del';
    withCollectionAt(env.db, NOW, (col) => col.addCard('Plain', front, 'a'));
    const r = env.run(['cards', '--json'], { now: NOW });
    expect(r.stdout).not.toMatch(/[\u007f-\u009f]/);
    expect(r.stdout).toContain('\\u009b');
    expect(JSON.parse(r.stdout)[0].front).toBe(front);
  });
});

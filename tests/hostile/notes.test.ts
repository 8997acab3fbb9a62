/**
 * Crafted notes and example references for `engram import`. A refused note: one line naming the
 * file (and line), exit 1, every file unchanged. A refused example reference: the card comes
 * without it, and nothing of the file it pointed at reaches the database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { NOW, expectRefused, runner } from './helpers.js';

let env: TempEnv;
let vault = '';
beforeEach(() => {
  env = tempEnv();
  vault = path.join(env.dir, 'vault');
  fs.mkdirSync(vault);
  expect(env.run(['add', '--deck', 'Mine', '--front', 'q', '--back', 'a'], { now: NOW }).code).toBe(0);
});
afterEach(() => env.cleanup());

const skippedOne = /^imported 0 files \(1 skipped\): 0 added, 0 updated, 0 unchanged, 0 retired; 0 papers\n$/;

describe('hostile notes', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['a binary note', Buffer.from('Q::A\n\x00\x01\x02'), /evil\.md:2: binary file \(contains NUL bytes\), skipped/],
    ['a note that is not UTF-8', Buffer.from([0x51, 0x3a, 0x3a, 0x41, 0x0a, 0xff, 0xfe, 0x0a]), /evil\.md:2: not valid UTF-8, skipped/],
    ['executable ---js frontmatter', '---js\n{ deck: require("fs").writeFileSync("/tmp/pwned", "x") }\n---\nQ::A\n', /evil\.md:1: .*(js|JavaScript|executable)/i],
    ['YAML that is not closed', '---\ndeck: [unclosed\n---\nQ::A\n', /evil\.md:\d+: /],
    ['a note over 5 MB', `Q::A\n${'x'.repeat(5 * 1024 * 1024 + 10)}\n`, /evil\.md: file is 5\.0 MB, over the 5 MB limit/],
  ];
  for (const [name, content, message] of cases) {
    it(name, () => {
      const file = path.join(vault, 'evil.md');
      fs.writeFileSync(file, content);
      expectRefused(env, ['import', vault], message, { stdout: skippedOne });
    });
  }

  it('a note that is a link leading outside the folder', () => {
    env.write('secret/keys.md', 'Private key::hunter2\n');
    fs.symlinkSync(path.join(env.dir, 'secret', 'keys.md'), path.join(vault, 'evil.md'));
    expectRefused(env, ['import', vault], /evil\.md: is a link that leads outside the imported folder; skipped/, { stdout: skippedOne });
  });

  it('a folder link leading outside the folder', () => {
    env.write('secret/keys.md', 'Private key::hunter2\n');
    fs.symlinkSync(path.join(env.dir, 'secret'), path.join(vault, 'evil'));
    expectRefused(env, ['import', vault], /evil: is a link that leads outside the imported folder; skipped/, { stdout: skippedOne });
  });

  it('a FIFO named like a note', () => {
    const fifo = path.join(vault, 'evil.md');
    execFileSync('mkfifo', [fifo]);
    expectRefused(env, ['import', fifo], /evil\.md: not a file or folder/, { stdout: skippedOne });
  });
});

describe('hostile example references', () => {
  const SECRET = 'const secret = "hunter2-do-not-import";\n';
  const refs: Array<[string, (dir: string) => string, RegExp]> = [
    ['an absolute path', () => path.join(env.dir, 'secret', 'leak.ts'), /is absolute/],
    ['a path that climbs out with ..', () => '../secret/leak.ts', /goes up with '\.\.'/],
    ['a link leading outside the folder', (dir) => {
      fs.symlinkSync(path.join(env.dir, 'secret', 'leak.ts'), path.join(dir, 'link.ts'));
      return 'link.ts';
    }, /is a link that leads outside the note's folder; refused/],
    ['a file that is not .ts or .js', (dir) => {
      fs.writeFileSync(path.join(dir, 'leak.sh'), SECRET);
      return 'leak.sh';
    }, /is not a \.ts or \.js file/],
    ['an example over 64 KB', (dir) => {
      fs.writeFileSync(path.join(dir, 'big.ts'), `${SECRET}${'// pad\n'.repeat(10_000)}`);
      return 'big.ts';
    }, /is \d+ KB, over the 64 KB limit/],
  ];
  for (const [name, place, message] of refs) {
    it(name, () => {
      env.write('secret/leak.ts', SECRET);
      const ref = place(vault);
      fs.writeFileSync(path.join(vault, 'note.md'), `What leaks?\n?\nNothing.\nexample: ${ref}\n`);
      const secretBefore = fs.readFileSync(path.join(env.dir, 'secret', 'leak.ts'));
      const r = runner(env)(['import', vault]);
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
      expect(r.stderr).toMatch(new RegExp(`^engram: ${path.join(vault, 'note.md').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4: .*${message.source}.*\\n$`));
      expect(r.code).toBe(1);
      // The card is imported without the example; nothing of the refused file is stored.
      const cards = env.json(['cards', '--deck', 'vault']);
      expect(cards).toHaveLength(1);
      expect(runner(env)(['export']).stdout).not.toContain('hunter2');
      for (const file of fs.readdirSync(env.dir).filter((f) => f.startsWith('engram.db'))) {
        expect(fs.readFileSync(path.join(env.dir, file)).includes('hunter2')).toBe(false);
      }
      expect(fs.readFileSync(path.join(env.dir, 'secret', 'leak.ts'))).toEqual(secretBefore);
    });
  }
});

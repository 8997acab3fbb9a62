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
const CODE = 'export function main(): void {\n  console.log("fused", 1 + 2);\n}\n';

function importDeck(): { code: number; result: { errors: Array<{ file: string; line: number; message: string }> } } {
  const r = env.run(['import', path.join(env.dir, 'deck'), '--json'], { now: NOW });
  return { code: r.code, result: JSON.parse(r.stdout) };
}

function exampleOf(front: string): { code: string; path: string | null } | null {
  const card = env.json(['cards']).find((c: { front: string }) => c.front === front);
  expect(card, `card "${front}"`).toBeDefined();
  return env.json(['show', String(card.id)]).example;
}

describe('example files attached with `example:` lines', () => {
  it('stores the file\'s code with the card, and re-imports when only the example file changes', () => {
    env.write('deck/examples/fuse.ts', CODE);
    env.write('deck/fusion.md', 'What does fusion do?::Joins modalities.\nexample: examples/fuse.ts\n');
    expect(importDeck().code).toBe(0);
    expect(exampleOf('What does fusion do?')).toMatchObject({ code: CODE, path: 'examples/fuse.ts' });

    env.write('deck/examples/fuse.ts', CODE.replace('1 + 2', '40 + 2'));
    const again = importDeck();
    expect(again.code).toBe(0);
    expect(exampleOf('What does fusion do?')?.code).toContain('40 + 2');
  });

  it.each([
    ['../outside.ts', /goes up with '\.\.'/],
    ['/etc/hostname.ts', /absolute/],
    ['examples/missing.ts', /not found/],
    ['examples/notes.txt', /not a \.ts or \.js file/],
  ])('refuses %s at the example line, keeps the card, and exits 1', (target, message) => {
    env.write('outside.ts', 'console.log("secret")');
    env.write('deck/examples/notes.txt', 'x');
    env.write('deck/fusion.md', `# Fusion\n\nWhat does fusion do?::Joins modalities.\nexample: ${target}\n`);
    const r = importDeck();
    expect(r.code).toBe(1);
    expect(r.result.errors).toEqual([{ file: path.join(env.dir, 'deck/fusion.md'), line: 4, message: expect.stringMatching(message) }]);
    expect(exampleOf('What does fusion do?')).toBeNull();
    // Not forgotten: the next import reports it again.
    expect(importDeck().result.errors).toHaveLength(1);
  });

  it('refuses a symlink that leads out of the note\'s folder', () => {
    env.write('secret.ts', 'console.log("secret")');
    env.write('deck/fusion.md', 'What does fusion do?::Joins modalities.\nexample: examples/link.ts\n');
    fs.mkdirSync(path.join(env.dir, 'deck/examples'), { recursive: true });
    fs.symlinkSync(path.join(env.dir, 'secret.ts'), path.join(env.dir, 'deck/examples/link.ts'));
    const r = importDeck();
    expect(r.code).toBe(1);
    expect(r.result.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/outside the note's folder/) });
    expect(exampleOf('What does fusion do?')).toBeNull();
  });

  it('a human-readable import names file and line on one line', () => {
    env.write('deck/fusion.md', 'What does fusion do?::Joins modalities.\nexample: ../x.ts\n');
    const r = env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(env.dir, 'deck/fusion.md')}:2: example path '../x.ts' goes up with '..'`);
  });

  it('warns, without failing the import, about an example line under no card', () => {
    env.write('deck/examples/fuse.ts', CODE);
    env.write('deck/fusion.md', '# Fusion\n\nexample: examples/fuse.ts\n\nWhat does fusion do?::Joins modalities.\n');
    const r = env.run(['import', path.join(env.dir, 'deck')], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(`engram: warning: ${path.join(env.dir, 'deck/fusion.md')}:3: 'example:' line is not directly under a card: put it on the line after the card's answer, with no blank line between`);
  });
});

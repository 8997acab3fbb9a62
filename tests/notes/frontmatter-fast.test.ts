/**
 * readFrontmatter hands gray-matter the frontmatter block only and cuts the body itself: the
 * data, body and body line must be what gray-matter gives for the whole note, and a YAML error
 * must name the same line. Checked on the bundled deck, the shared source note and random notes.
 * Simple `key: word` and `key: [a, b]` lines are read without gray-matter (simpleYamlMapping):
 * wherever that path answers, its data must be gray-matter's.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { readFrontmatter, simpleYamlMapping } from '../../src/notes/frontmatter.js';
import { prng } from '../helpers/prng.js';

function realNotes(): string[] {
  return ['decks/multimodality', '/work/shared/source-notes']
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n')));
}

const YAML_LINES = [
  'deck: Biology', 'tags: [a, b]', 'tags: a, b', 'cards: auto', 'n: 12', 'date: 2024-01-02', '# a comment', '', '  indented: x', 'list:', '  - one',
  '  - two', 'bad: [unclosed', 'key: "quoted: value"', 'x: ---', '---not-a-close', 'y: |', '  block text', 'z: null', ': odd',
  'tags: [bench, t3]', 'papers: true', 'flag: False', 'deck: Papers cited', 'tags: []', 'deck: Biology',
];

/** Lines the simple path reads and lines just outside it (each must agree with gray-matter either way). */
const SIMPLE_LINES = [
  'deck: Biology', 'deck: Papers cited', 'deck: a - b', 'deck: a -b', 'deck: a/b.c', 'deck: v1.0', 'deck: e5', 'deck: t3', 'deck: Infinity', 'deck: NaN',
  'papers: true', 'papers: True', 'papers: TRUE', 'papers: tRUE', 'papers: false', 'papers: False', 'papers: FALSE', 'papers: yes', 'papers: no',
  'papers: on', 'papers: off', 'papers: y', 'papers: n', 'z: null', 'z: Null', 'z: NULL', 'z: nULL', 'z: ~', 'z:', 'z: ', 'n: 12', 'n: 1.5', 'n: .inf',
  'n: 0x1F', 'n: 2024-01-02', 'tags: [a, b]', 'tags: [bench, t3]', 'tags: []', 'tags: [a b, c]', 'tags: [a,b]', 'tags: [a, true]', 'tags: [a, null]',
  'tags: [a, 12]', 'tags: [a, [b]]', 'tags: [a, b] c', 'tags: [a, b ]', 'tags: [ a, b]', 'tags: [a,  b]', 'k: a:b', 'k: a: b', 'k: a #c', 'k: a#c',
  'k: a  b', 'k: a ', 'k:  a', 'k: "a"', "k: 'a'", 'k: !x a', 'k: &a b', 'k: *a', 'k: |', 'k: >', 'k: @a', 'k: a,b', 'k: {a: b}', 'k: -a', 'k: - a',
  'constructor: x', 'toString: [a]', 'key-with-dash: x', 'key_under: x', 'Key9: x', '9key: x', '_k: x', 'k k: x', 'k : x', ' k: x', '# note', '',
];
const BODY_LINES = ['# Title', '', 'front::back', '---', '----', '--- ', '...', 'text with --- inside', 'Q: a', 'A: b', '\r', '---x'];

function randomNote(random: () => number): string {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const open = random() < 0.9 ? '---' : pick(['--- ', '---yaml', '----', 'text']);
  const yaml = Array.from({ length: Math.floor(random() * 6) }, () => pick(YAML_LINES));
  const close = random() < 0.85 ? '---' : pick(['---x', '--- ', '----', '...']);
  const body = Array.from({ length: Math.floor(random() * 8) }, () => pick(BODY_LINES));
  const lines = [open, ...yaml, close, ...body];
  return lines.join('\n') + (random() < 0.5 ? '\n' : '');
}

/** What readFrontmatter gave when gray-matter read the whole note. */
function reference(text: string): { data: unknown; body: string } | { errorLine: number | null } {
  try {
    const parsed = matter(text, {});
    return { data: parsed.data, body: parsed.content };
  } catch (err) {
    const line = (err as { mark?: { line?: number } }).mark?.line;
    return { errorLine: typeof line === 'number' ? line + 1 : null };
  }
}

describe('readFrontmatter: gray-matter on the block only', () => {
  it('gives whole-note gray-matter data, body and error lines', () => {
    const random = prng(15);
    const texts = [...realNotes(), ...Array.from({ length: 3000 }, () => randomNote(random))];
    let compared = 0;
    let errors = 0;
    for (const text of texts) {
      const got = readFrontmatter(text, 'note.md');
      // Only notes that reach gray-matter: an open `---` (not `----`), a YAML language, a closing line.
      if (!text.startsWith('---') || text.charAt(3) === '-' || !/^(yaml|yml)?$/i.test(text.slice(3, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).trim())) continue;
      if (text.indexOf('\n---', 3) === -1) continue;
      const want = reference(text);
      compared++;
      if ('errorLine' in want) {
        errors++;
        expect(got.ok, text).toBe(false);
        if (!got.ok && want.errorLine !== null) expect(got.problem.line, text).toBe(Math.min(Math.max(want.errorLine, 1), text.slice(0, text.indexOf('\n---', 3) + 4).split('\n').length));
        continue;
      }
      const mapping = typeof want.data === 'object' && want.data !== null && !Array.isArray(want.data);
      expect(got.ok, text).toBe(mapping);
      if (!got.ok) continue;
      expect(got.data, text).toEqual(want.data);
      expect(got.body, text).toBe(want.body);
      expect(got.bodyLine, text).toBe(1 + (text.slice(0, text.length - want.body.length).match(/\n/g)?.length ?? 0));
    }
    expect(compared).toBeGreaterThan(1000);
    expect(errors).toBeGreaterThan(50);
  });

  it('reads simple lines as gray-matter does, and hands it everything else', () => {
    const random = prng(16);
    const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
    let simple = 0;
    let handed = 0;
    for (let i = 0; i < 4000; i++) {
      // Mostly one or two lines, so many blocks are wholly simple; some longer.
      const lines = Array.from({ length: 1 + Math.floor(random() * random() * 5) }, () => pick(SIMPLE_LINES));
      const head = ['---', ...lines, '---'].join('\n');
      const fast = simpleYamlMapping(lines);
      let want: { data: unknown } | { error: true };
      try {
        want = { data: matter(head, {}).data };
      } catch {
        want = { error: true };
      }
      if (fast === null) {
        handed++;
        continue;
      }
      simple++;
      expect(want, head).toEqual({ data: fast });
      expect(Object.getPrototypeOf(fast), head).toBe(Object.prototype);
      // And the whole note through readFrontmatter.
      const note = readFrontmatter(`${head}\n# Body\n`, 'note.md');
      expect(note.ok && note.data, head).toStrictEqual(fast);
    }
    expect(simple).toBeGreaterThan(500);
    expect(handed).toBeGreaterThan(500);
  });
});

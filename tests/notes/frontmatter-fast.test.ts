/**
 * readFrontmatter hands gray-matter the frontmatter block only and cuts the body itself: the
 * data, body and body line must be what gray-matter gives for the whole note, and a YAML error
 * must name the same line. Checked on the bundled deck, the shared source note and random notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/notes/frontmatter.js';
import { prng } from '../helpers/prng.js';

function realNotes(): string[] {
  return ['decks/multimodality', '/work/shared/source-notes']
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n')));
}

const YAML_LINES = [
  'deck: Biology', 'tags: [a, b]', 'tags: a, b', 'cards: auto', 'n: 12', 'date: 2024-01-02', '# a comment', '', '  indented: x', 'list:', '  - one',
  '  - two', 'bad: [unclosed', 'key: "quoted: value"', 'x: ---', '---not-a-close', 'y: |', '  block text', 'z: null', ': odd',
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
});

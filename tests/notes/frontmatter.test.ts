import { afterEach, describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
import { brief, note, parsed } from './helpers.js';

const globals = globalThis as { __engramPwned?: unknown };

describe('frontmatter', () => {
  afterEach(() => {
    delete globals.__engramPwned;
  });

  it('reads deck, tags (list or string) and passes other keys as options', () => {
    const result = parsed(note('---', 'deck: Biology', 'tags: [cells, "#bio"]', 'author: me', 'cards: auto', '---', 'a text'));
    expect(result).toMatchObject({ file: 'note.md', deck: 'Biology', tags: ['cells', 'bio'], options: { author: 'me', cards: 'auto' } });
    expect(parsed(note('---', 'tags: cells, bio', '---')).tags).toEqual(['cells', 'bio']);
  });

  it('note tags are frontmatter tags plus inline tags, and every card carries them', () => {
    const result = parsed(note('---', 'tags: [bio]', '---', 'Some #cells text', 'front::back #Bio'));
    expect(result.tags).toEqual(['bio', 'cells']);
    expect(result.cards[0]?.tags).toEqual(['bio', 'cells']);
  });

  it('card lines are lines of the original file, frontmatter included', () => {
    expect(brief(note('---', 'deck: x', 'tags: [a]', '---', '', 'front::back'))).toEqual([{ kind: 'basic', front: 'front', back: 'back', line: 6 }]);
  });

  it('an empty frontmatter block still shifts lines', () => {
    expect(brief(note('---', '---', 'front::back'))[0]?.line).toBe(3);
  });

  it('a ---js block is refused and its code is never run', () => {
    const text = note('---js', '{ deck: (globalThis.__engramPwned = "ran") }', '---', 'front::back');
    const result = parseNote(text, 'evil.md');
    expect(result).toEqual({ note: null, errors: [{ file: 'evil.md', line: 1, message: "frontmatter language 'js' is not allowed (YAML only)" }], warnings: [] });
    expect(globals.__engramPwned).toBeUndefined();
  });

  it('---javascript and ---coffee are refused too', () => {
    for (const lang of ['javascript', 'coffee', 'JS']) {
      const result = parseNote(note(`---${lang}`, '{ x: (globalThis.__engramPwned = 1) }', '---'), 'n.md');
      expect(result.note).toBeNull();
      expect(result.errors[0]?.message).toBe(`frontmatter language '${lang}' is not allowed (YAML only)`);
    }
    expect(globals.__engramPwned).toBeUndefined();
  });

  it('invalid YAML rejects the note with the file line of the error', () => {
    const result = parseNote(note('---', 'deck: x', 'tags: a: b', '---', 'front::back'), 'bad.md');
    expect(result.note).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'bad.md', line: 3 });
    expect(result.errors[0]?.message).toMatch(/^invalid YAML in frontmatter: /);
  });

  it('frontmatter that is not a mapping, or is never closed, rejects the note', () => {
    expect(parseNote(note('---', '- a', '- b', '---'), 'n.md').errors[0]?.message).toMatch(/must be a YAML mapping/);
    expect(parseNote(note('---', 'deck: x', 'front::back'), 'n.md')).toEqual({
      note: null,
      errors: [{ file: 'n.md', line: 1, message: "frontmatter is not closed by a '---' line" }],
      warnings: [],
    });
  });

  it('a wrongly typed key is a warning with the key line, and the note is kept', () => {
    const result = parseNote(note('---', 'title: t', 'deck: [a, b]', '---', 'front::back'), 'n.md');
    expect(result.note?.deck).toBeNull();
    expect(result.note?.cards).toHaveLength(1);
    expect(result.warnings).toEqual([{ file: 'n.md', line: 3, message: "'deck' must be a string; ignored" }]);
  });

  it('CRLF line endings and a BOM are ignored', () => {
    const text = '\uFEFF---\r\ndeck: x\r\n---\r\nQuestion\r\n?\r\nAnswer\r\n';
    const result = parsed(text);
    expect(result.deck).toBe('x');
    expect(result.cards.map(({ front, back, line }) => ({ front, back, line }))).toEqual([{ front: 'Question', back: 'Answer', line: 4 }]);
  });
});

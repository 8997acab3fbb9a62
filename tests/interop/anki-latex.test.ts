/**
 * Anki's older LaTeX tags, found in a real package (marekyggdrasil/AnkiCategoryTheory): Anki
 * renders `[$]…[/$]` inline and `[$$]…[/$$]` as display math (and stores the pictures it made
 * as latex-<sha1>.png). Engram draws math itself, so the tags become `$…$` and `$$…$$`.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/interop/anki-html.js';

describe('Anki LaTeX tags', () => {
  it('[$]…[/$] becomes inline math and [$$]…[/$$] display math', () => {
    expect(htmlToText('[$]\\text{Identity Law of } \\textbf{C}[/$]')).toBe('$\\text{Identity Law of } \\textbf{C}$');
    expect(htmlToText('Sum: [$$] \\sum_i x_i [/$$] done')).toBe('Sum: $$\\sum_i x_i$$ done');
    expect(htmlToText('[$]a[/$] and [$]b[/$]')).toBe('$a$ and $b$');
  });

  it('an unclosed tag stays as written', () => {
    expect(htmlToText('[$]x + y')).toBe('[$]x + y');
  });
});

import { describe, expect, it } from 'vitest';
import { loadHighlighter, stripSgr, visibleWidth } from '../../src/tui/render/index.js';
import { MAX_QUOTE_DEPTH, capQuoteDepth, renderMarkdown } from '../../src/tui/render/markdown.js';

const ESC = '\x1b';
/** Everything that is not one of the renderer's own SGR sequences. */
const withoutSgr = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

const RICH_CARD = [
  '# Multiplicative interactions',
  '',
  'The gate $\\sigma(x_A) + (1 - \\sigma)(x_B)$ mixes **two** inputs with *learned* weights; see [[some_paper_slug]] and [[film_paper|the FiLM paper]] for a longer discussion of why this matters.',
  'A soft line break continues the paragraph, and a [link](https://example.com/papers/multiplicative-interactions) too.',
  '',
  '## Details',
  '',
  '- first point about **bold** conditioning that is long enough to need wrapping at forty columns',
  '- second point with `inline code` and $\\mathbb{E}_{x}[f(x)]$',
  '  - nested: $E_{x_B}[f_A(x_a, x_b)$ is also rather long and must wrap as well',
  '- [ ] an open task',
  '',
  '1. first',
  '2. second with a sentence that definitely goes past the forty column limit',
  '',
  '> A quotation that is long enough to be wrapped onto several lines of output.',
  '',
  '| term | meaning |',
  '|------|:-------:|',
  '| $w_0$ | bias term of the linear model |',
  '| $x_A \\times x_B$ | interaction |',
  '',
  '```python',
  'def gate(a, b, s):',
  '    return s * a + (1 - s) * b',
  '```',
  '',
  '---',
  '',
  'Final paragraph with ~~struck~~ text.',
  '',
  '',
].join('\n');

describe('renderMarkdown', () => {
  it('renders a small card exactly (color off)', () => {
    const md =
      '# Gating\n\nThe gate $\\sigma(x_A) + (1 - \\sigma)(x_B)$ mixes **two** inputs, see [[some_paper_slug]].\n\n' +
      '- first *point*\n- second `code $x$`\n\n| a | b |\n|---|---|\n| $x^2$ | [[t\\|alias]] |\n\n```\nplain code\n```\n\n> quoted\n\n\n\n';
    expect(renderMarkdown(md, { width: 40, color: false })).toBe(
      [
        '# Gating',
        '',
        'The gate σ(x_A) + (1 - σ)(x_B) mixes two',
        'inputs, see some paper slug.',
        '',
        '• first point',
        '• second code $x$',
        '',
        '┌────┬───────┐',
        '│ a  │ b     │',
        '├────┼───────┤',
        '│ x² │ alias │',
        '└────┴───────┘',
        '',
        '  plain code',
        '',
        '│ quoted',
      ].join('\n'),
    );
  });

  it('emits no escape sequence at all when color is false', () => {
    const out = renderMarkdown(RICH_CARD, { width: 40, color: false });
    expect(out).not.toContain(ESC);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // …while still rendering the structure.
    expect(out).toContain('# Multiplicative interactions');
    expect(out).toContain('• first point about bold');
    expect(out).toContain('│ term      │         meaning          │');
    expect(out).toContain('│ x_A × x_B │       interaction        │');
    expect(out).toContain('def gate(a, b, s):');
    expect(out).not.toContain('**');
  });

  it('renders code in the plain code style until the highlighter has loaded, then highlights it', async () => {
    const plain = renderMarkdown('```python\ndef f(x):\n    return 1\n```', { width: 40, color: true });
    expect(plain).toBe('  \x1b[33mdef f(x):\x1b[0m\n  \x1b[33m    return 1\x1b[39m');
    await loadHighlighter();
    const out = renderMarkdown('```python\ndef f(x):\n    return 1\n```', { width: 40, color: true });
    expect(out).toContain('\x1b[');
    expect(out).toBe('  \x1b[34mdef\x1b[39m \x1b[33mf\x1b[39m(x):\n      \x1b[34mreturn\x1b[39m \x1b[32m1\x1b[39m');
    expect(renderMarkdown('**bold** and *em*', { width: 40, color: true })).toBe('\x1b[1mbold\x1b[22m and \x1b[3mem\x1b[23m');
    // Code without a known language still gets the code colour.
    expect(renderMarkdown('```\nplain\n```', { width: 40, color: true })).toBe('  \x1b[33mplain\x1b[39m');
  });

  it('renders inline Markdown inside tight list items (marked-terminal does not)', () => {
    const out = renderMarkdown('- item **bold** and *em*\n- two', { width: 40, color: true });
    expect(out).toBe('• item \x1b[1mbold\x1b[22m and \x1b[3mem\x1b[23m\n• two');
  });

  it('strips escape sequences injected by the card text', () => {
    const attack = [
      'Title \x1b]0;pwned\x07 here',
      '',
      'Clip \x1b]52;c;ZXZpbA==\x07 board and \x1b[2J clear \x9b2J and \x9d52;c;AAAA\x07 c1.',
      'Link \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ and DCS \x1bPq#0~\x1b\\ done.',
      'Entities &#27;]52;c;ZXZpbA==&#7; and &#x1b;[2J and &#155;2J too.',
      '',
      '`code \x1b[2J span` and [x](http://a.example/\x1b]52;c;QQ==\x07) and ![img\x1b[2J](p.png)',
      '',
      '| a\x1b[2J | b |',
      '|---|---|',
      '| \x1b]52;c;QQ==\x07cell | ok |',
      '',
      '```js',
      'const s = "\x1b]52;c;ZXZpbA==\x07"; // \x1b[2J',
      '```',
      '',
      '$\\text{\x1b[2J}x$',
    ].join('\n');
    for (const color of [true, false]) {
      const out = renderMarkdown(attack, { width: 60, color });
      expect(out).not.toContain('\x1b]');
      expect(out).not.toContain('\x1b[2J');
      expect(out).not.toContain('\x1bP');
      expect(out).not.toMatch(/[\x07\x9b\x9c\x9d]/);
      // The only escapes left are the renderer's own SGR styles.
      expect(withoutSgr(out)).not.toContain(ESC);
      if (!color) expect(out).not.toContain(ESC);
      // Visible text survives.
      expect(stripSgr(out)).toContain('Clip  board and  clear  and  c1.');
      expect(stripSgr(out)).toContain('click');
    }
  });

  it('keeps lines within the width (40 columns)', () => {
    const out = renderMarkdown(RICH_CARD, { width: 40, color: true });
    const tooWide = out.split('\n').filter((line) => visibleWidth(line) > 40);
    expect(tooWide).toEqual([]);
    // Prose is actually wrapped, not truncated.
    expect(stripSgr(out)).toContain('\nlonger discussion of why this matters. A\n');
  });

  it('keeps every line within the width for many widths', () => {
    for (const width of [8, 12, 20, 33, 57, 80, 120]) {
      for (const color of [true, false]) {
        const out = renderMarkdown(RICH_CARD, { width, color });
        const tooWide = out.split('\n').filter((line) => visibleWidth(line) > width);
        expect(tooWide, `width ${width}`).toEqual([]);
      }
    }
  });

  it('wraps list items with a hanging indent and blockquotes with a bar', () => {
    const out = renderMarkdown(
      '- a list item that is long enough to wrap around\n\n> a quotation long enough to wrap around too',
      { width: 24, color: false },
    );
    expect(out).toBe(
      [
        '• a list item that is',
        '  long enough to wrap',
        '  around',
        '',
        '│ a quotation long',
        '│ enough to wrap around',
        '│ too',
      ].join('\n'),
    );
  });

  it('shrinks wide tables to the width', () => {
    const md = '| key | description |\n|---|---|\n| a | a long description that would not fit in the width |';
    const out = renderMarkdown(md, { width: 30, color: false });
    expect(out.split('\n').every((l) => visibleWidth(l) <= 30)).toBe(true);
    expect(out.split('\n')[0]).toBe('┌─────┬──────────────────────┐');
    expect(out).toContain('│ a   │ a long description   │');
  });

  it('renders math outside code and leaves code alone', () => {
    expect(renderMarkdown('Half is $\\frac{1}{2}$.', { width: 40, color: false })).toBe('Half is 1/2.');
    expect(renderMarkdown('Code `$x^2$` stays, $x^2$ does not.', { width: 60, color: false })).toBe('Code $x^2$ stays, x² does not.');
    expect(renderMarkdown('Costs \\$5 or $5 and $10.', { width: 60, color: false })).toBe('Costs $5 or $5 and $10.');
    expect(renderMarkdown('$$\n\\sum_{i=1}^{n} x_i\n$$', { width: 40, color: false })).toBe('  ∑ᵢ₌₁ⁿ xᵢ');
    expect(renderMarkdown('```\n$x_i$\n```', { width: 40, color: false })).toBe('  $x_i$');
  });

  it('renders wikilinks as readable text', () => {
    expect(renderMarkdown('See [[some_paper_slug]] and [[target|alias]].', { width: 60, color: false })).toBe(
      'See some paper slug and alias.',
    );
    expect(renderMarkdown('Code `[[raw_link]]`', { width: 60, color: false })).toBe('Code [[raw_link]]');
  });

  it('shows links as text plus href, without OSC 8 hyperlinks', () => {
    expect(renderMarkdown('[paper](https://x.example/p)', { width: 60, color: false })).toBe('paper (https://x.example/p)');
    expect(renderMarkdown('<https://x.example/p>', { width: 60, color: false })).toBe('https://x.example/p');
    expect(renderMarkdown('[paper](https://x.example/p)', { width: 60, color: true })).not.toContain('\x1b]8');
  });

  it('decodes entities, keeps line breaks and trims trailing blank lines', () => {
    expect(renderMarkdown('a &amp; b &lt; c &#169;', { width: 40, color: false })).toBe('a & b < c ©');
    expect(renderMarkdown('one  \ntwo\\\nthree', { width: 40, color: false })).toBe('one\ntwo\nthree');
    const out = renderMarkdown('text\n\n\n\n', { width: 40, color: false });
    expect(out).toBe('text');
  });

  it('does not throw on odd input', () => {
    const inputs = ['', '\n\n', '$$', '$', '[[', ']]', '| a |', '```', '- ', '> ', '#', '<div>', '- '.repeat(200) + 'x', '>'.repeat(300) + ' x', '\\'];
    for (const input of inputs) {
      for (const width of [1, 3, 40]) {
        expect(() => renderMarkdown(input, { width, color: true }), JSON.stringify(input)).not.toThrow();
      }
    }
    expect(renderMarkdown('', { width: 40, color: false })).toBe('');
    expect(renderMarkdown('x', { width: Number.NaN, color: false })).toBe('x');
  });

  it('draws block quotes nested deeper than MAX_QUOTE_DEPTH at that depth, fenced code untouched', () => {
    const out = stripSgr(renderMarkdown(`${'>'.repeat(2000)} deep text`, { width: 40, color: false }));
    expect(out).toContain('deep text');
    expect(out.split('\n').map((line) => line.split('│').length - 1)).toEqual([MAX_QUOTE_DEPTH]);
    expect(capQuoteDepth(`${'> '.repeat(12)}x`)).toBe(`${'> '.repeat(MAX_QUOTE_DEPTH)}x`);
    expect(capQuoteDepth(`>>> print(1)\n${'>'.repeat(5)} five`)).toBe(`>>> print(1)\n${'>'.repeat(5)} five`);
    const fenced = `\`\`\`\n${'>'.repeat(20)} prompt\n\`\`\`\n${'>'.repeat(20)} quote`;
    expect(capQuoteDepth(fenced)).toBe(`\`\`\`\n${'>'.repeat(20)} prompt\n\`\`\`\n${'>'.repeat(MAX_QUOTE_DEPTH)} quote`);
  });

  it('is fast after the first call and memoizes repeated renders', () => {
    const card = RICH_CARD.repeat(2); // ~2.5 KB
    const first = renderMarkdown(card, { width: 60, color: true });
    expect(renderMarkdown(card, { width: 60, color: true })).toBe(first);
    const start = performance.now();
    // Distinct cards, so the output memo does not help.
    for (let i = 0; i < 20; i++) renderMarkdown(`${card}\n\nvariant ${i}`, { width: 60, color: true });
    const perCall = (performance.now() - start) / 20;
    expect(perCall).toBeLessThan(100); // generous for loaded CI machines; typically a few ms
  });
});

import { describe, expect, it } from 'vitest';
import { loadMarkdown, needsMarkdown, renderCardText } from '../../src/tui/render/index.js';
import { renderFast } from '../../src/tui/render/render-card.js';
import { renderMarkdown } from '../../src/tui/render/markdown.js';

const PLAIN = [
  'What is the goal of representation fusion?',
  'The gate $\\sigma(x_A) + (1 - \\sigma)(x_B)$ mixes two inputs with learned weights; see [[some_paper_slug]] for why this matters in practice and in theory.',
  'First line\nsoft-wrapped continuation of the same paragraph.\n\nA second paragraph, after a blank line.',
  'Which paper introduced tensor fusion? Zadeh et al., "Tensor Fusion Network for Multimodal Sentiment Analysis", EMNLP 2017',
  'safe\u001b]52;c;ZXZpbA==\u0007 text\u001b[2J here',
];

const MARKDOWN = ['**bold** word', 'use `code` here', '- a list', '# Heading', '> quote', 'a | b\n--|--\n1 | 2', '[link](http://x)', '==cloze==', 'a_b_c', '1. first'];

describe('card rendering', () => {
  it('tells plain sides from Markdown ones', () => {
    for (const text of PLAIN) expect(needsMarkdown(text), text).toBe(false);
    for (const text of MARKDOWN) expect(needsMarkdown(text), text).toBe(true);
  });

  it('renders plain sides exactly as the Markdown renderer does, without loading it', async () => {
    const fast = PLAIN.map((text) => renderCardText(text, { width: 40, color: false }));
    await loadMarkdown();
    PLAIN.forEach((text, i) => {
      expect(fast[i], text).toBe(renderMarkdown(text, { width: 40, color: false }));
      expect(renderCardText(text, { width: 40, color: false })).toBe(fast[i]);
    });
  });

  it('renders Markdown sides with marked-terminal once loaded', async () => {
    await loadMarkdown();
    expect(renderCardText('- **bold** item', { width: 40, color: false })).toBe(renderMarkdown('- **bold** item', { width: 40, color: false }));
    expect(renderCardText('- **bold** item', { width: 40, color: false })).not.toContain('**');
  });
});

describe('the fast path agrees with marked-terminal on real cards', () => {
  it('renders every side of the bundled deck and the source notes the same way, colour on and off', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { parseNote } = await import('../../src/notes/index.js');
    const root = new URL('../../', import.meta.url).pathname;
    const files = [
      ...fs.readdirSync(path.join(root, 'decks/multimodality')).filter((f) => f.endsWith('.md')).map((f) => path.join(root, 'decks/multimodality', f)),
      path.join(root, 'tests/fixtures/source-notes/challenges-in-multimodality.md'),
    ].filter((f) => fs.existsSync(f));
    const sides = files.flatMap((file) => parseNote(fs.readFileSync(file, 'utf8'), file).note?.cards.flatMap((c) => [c.front, c.back]) ?? []);
    sides.push('Question number 0 about **topic** 0?', 'a **b** *c* `d $e$` [[x_y]] $\\sigma$', 'trailing **bold**.', '(*em*)');
    expect(sides.length).toBeGreaterThan(300);
    await loadMarkdown();
    let fast = 0;
    for (const text of sides) {
      for (const color of [true, false]) {
        const quick = renderFast(text, { width: 60, color });
        if (quick === null) continue;
        fast++;
        expect(quick, `${JSON.stringify(text)} color=${color}`).toBe(renderMarkdown(text, { width: 60, color }));
      }
    }
    // Most sides take the fast path, and every one that does matches.
    expect(fast).toBeGreaterThan(sides.length);
    expect(renderFast('a **b** *c* `d $e$` [[x_y]] $\\sigma$', { width: 60, color: true })).not.toBeNull();
    expect(renderFast('- a list item', { width: 60, color: true })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { renderWikilinks, visibleWidth } from '../../src/tui/render/index.js';

describe('renderWikilinks', () => {
  it('renders the target with underscores as spaces', () => {
    expect(renderWikilinks('See [[some_paper_slug]].')).toBe('See some paper slug.');
  });

  it('prefers the alias', () => {
    expect(renderWikilinks('[[target|alias text]]')).toBe('alias text');
    expect(renderWikilinks('[[target\\|escaped alias]]')).toBe('escaped alias');
  });

  it('handles headings, embeds and several links', () => {
    expect(renderWikilinks('[[note_a#Some Heading]]')).toBe('note a › Some Heading');
    expect(renderWikilinks('![[diagram_one]] and [[b]] and [[c|C]]')).toBe('diagram one and b and C');
  });

  it('leaves code and malformed links alone', () => {
    expect(renderWikilinks('`[[raw_link]]` [[x]]')).toBe('`[[raw_link]]` x');
    expect(renderWikilinks('[[unclosed and [single]')).toBe('[[unclosed and [single]');
  });
});

describe('visibleWidth', () => {
  it('counts terminal columns', () => {
    expect(visibleWidth('abc')).toBe(3);
    expect(visibleWidth('\x1b[1mab\x1b[22m')).toBe(2);
    expect(visibleWidth('中文')).toBe(4);
    expect(visibleWidth('x\u0302')).toBe(1);
    expect(visibleWidth('😀')).toBe(2);
    expect(visibleWidth('👨‍👩‍👧')).toBe(2);
    expect(visibleWidth('🇫🇷')).toBe(2);
    expect(visibleWidth('𝔼ₓ')).toBe(2);
  });
});

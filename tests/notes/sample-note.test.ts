import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedCard } from '../../src/core/index.js';
import { parseNote } from '../../src/notes/index.js';

const SAMPLE = new URL('../fixtures/source-notes/challenges-in-multimodality.md', import.meta.url);
const FILE = 'challenges-in-multimodality.md';
const text = readFileSync(SAMPLE, 'utf8');

/** `##` / `###` headings with at least one non-blank line before the next heading. */
function sectionsWithContent(source: string): { title: string; line: number }[] {
  const lines = source.split('\n');
  const sections: { title: string; line: number }[] = [];
  lines.forEach((line, i) => {
    const m = /^#{2,3} (.+)$/.exec(line);
    if (!m) return;
    const end = lines.findIndex((l, j) => j > i && /^#{1,6} /.test(l));
    const body = lines.slice(i + 1, end === -1 ? undefined : end);
    if (body.some((l) => l.trim() !== '')) sections.push({ title: (m[1] ?? '').trim(), line: i + 1 });
  });
  return sections;
}

function find(cards: readonly ParsedCard[], front: string): ParsedCard {
  const card = cards.find((c) => c.front === front);
  expect(card, `no card with front ${JSON.stringify(front)}`).toBeDefined();
  return card as ParsedCard;
}

describe('the sample note (challenges-in-multimodality.md)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const result = parseNote(text, FILE);
  const cards = result.note?.cards ?? [];

  it('parses without problems and prints nothing', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    const again = parseNote(text, FILE);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(again.warnings).toEqual([]);
    expect(again.note).not.toBeNull();
    expect(again).toEqual(result);
  });

  // Precision first (issue 11): a section gives a card only where it states something, so
  // sections of open questions, pointers and lists of names give none. The facts the note states
  // are kept; the "What are the key points of <heading>?" fallback is gone.
  it('keeps the facts the note states, and asks nothing about a bare section name', () => {
    const fronts = cards.map((c) => c.front);
    for (const front of ['What is Fusion?', 'What is Reasoning?', 'What is Translation?', 'What is Quantification?', 'What is Tensor fusion?', 'What is Gated fusion?', 'What is Connectionist Temporal Classification?', 'What is VL-InterpreT?']) {
      expect(fronts).toContain(front);
    }
    expect(fronts.filter((f) => /key points of|^What (?:is|are) (?:Summary|Open challenges|Open Challenges|Alignment)\?$/.test(f))).toEqual([]);
    const sections = sectionsWithContent(text);
    const covered = sections.filter((s) => cards.some((c) => c.breadcrumb.includes(s.title)));
    expect(covered.length).toBeGreaterThan(sections.length / 3);
  });

  it('has no empty, trivial or duplicate cards, and sane positions', () => {
    const lineCount = text.split('\n').length;
    const seen = new Set<string>();
    for (const card of cards) {
      expect(card.front.trim().length).toBeGreaterThanOrEqual(2);
      expect(card.back.trim().length).toBeGreaterThanOrEqual(2);
      expect(card.front).not.toBe(card.back);
      const identity = `${card.front}\u0000${card.back}`;
      expect(seen.has(identity), identity).toBe(false);
      seen.add(identity);
      expect(card.line).toBeGreaterThanOrEqual(1);
      expect(card.endLine).toBeGreaterThanOrEqual(card.line);
      expect(card.endLine).toBeLessThanOrEqual(lineCount);
      expect(card.breadcrumb[0]).toBe('Challenges in Multimodality');
      expect(card.tags).toEqual([]);
      expect(card.deckPath).toBeUndefined();
    }
    expect(cards.length).toBeGreaterThan(40);
  });

  it('turns "What is a very popular approach to fusion?" into a card answered by its bullets', () => {
    const card = find(cards, 'What is a very popular approach to fusion?');
    expect(card).toMatchObject({ kind: 'qa', line: 17, endLine: 23, breadcrumb: ['Challenges in Multimodality', 'Challenge 1: Representation', 'Fusion'] });
    expect(card.back.split('\n')[0]).toBe('- Unimodal encoder approach. As a first step, encode each separately and get a vector for each, then do fusion. This is "basic fusion"');
    expect(card.back).toContain('\n- **Tensor fusion**: You add a $1$');
    expect(card.back).toContain('\n  - See Efficient Low Rank Multimodal Fusion');
  });

  it('turns "### Fusion" and its paragraph into "What is Fusion?"', () => {
    expect(find(cards, 'What is Fusion?')).toMatchObject({
      kind: 'heading',
      back: 'Learn a joint representation that models cross-modal interactions between individual elements of different modalities.',
      line: 9,
      breadcrumb: ['Challenges in Multimodality', 'Challenge 1: Representation', 'Fusion'],
    });
  });

  it('turns **Tensor fusion**: ... into a definition card asked as a question', () => {
    const card = find(cards, 'What is Tensor fusion?');
    expect(card.kind).toBe('definition');
    expect(card.line).toBe(22);
    expect(card.back.startsWith('You add a $1$ to your vector')).toBe(true);
  });

  it('splits a question from its answer on one line', () => {
    expect(find(cards, 'Can we quantify individual cross-modal interactions?')).toMatchObject({
      kind: 'qa',
      back: 'Any non-additive interaction must contribute a second order gradient.',
    });
  });

  it('does not make cards of open questions that the note leaves unanswered', () => {
    expect(cards.some((c) => c.front.startsWith('Real-word datasets'))).toBe(false);
    expect(cards.some((c) => c.front.startsWith('External knowledge?'))).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';

/**
 * A GitBook-style lecture note written for these tests (issue 11): hint and tab tags, generic
 * headings (Overview, Introduction, Example, Solution, Put it all together, Notes, Summary), an
 * emoji-prefixed exercise section with its solution in tabs, "as follows:" lists, a code block and
 * its walkthrough, printed output and a to-do. Its real facts become cards, and nothing else.
 */
const FILE = 'cpu-scheduling.md';
const text = readFileSync(new URL('../fixtures/lecture-notes/cpu-scheduling.md', import.meta.url), 'utf8');
const result = parseNote(text, FILE);
const cards = result.note?.cards ?? [];

describe('a GitBook-style lecture note', () => {
  it('parses without problems', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.note).not.toBeNull();
  });

  it('gives exactly its real facts', () => {
    expect(cards.map((c) => [c.kind, c.front])).toEqual([
      ['definition', 'What is CPU utilization?'],
      ['reversed', 'the fraction of time the processor is busy'],
      ['definition', 'What is Turnaround time?'],
      ['reversed', 'the time from the submission of a process to its completion'],
      ['definition', 'What is Waiting time?'],
      ['reversed', 'the total time a process spends in the ready queue'],
      ['heading', 'What is First-come, first-served?'],
      ['definition', 'What is Convoy effect?'],
      ['heading', 'What is Round robin scheduling?'],
      ['definition', 'What is Time quantum?'],
      ['reversed', 'the length of the time slice, usually 10 to 100 ms'],
      ['qa', 'What happens when the time quantum is very large?'],
      ['heading', 'What is Multilevel feedback queue?'],
      ['definition', 'What is Starvation?'],
    ]);
  });

  it('answers with the fact, never with template markup, and points at the line that states it', () => {
    expect(cards.find((c) => c.front === 'What is Convoy effect?')).toMatchObject({
      back: 'short processes wait behind one long process, which raises the average waiting time.',
      line: 32,
      breadcrumb: ['Lecture 4: CPU Scheduling', 'First-come, first-served'],
    });
    expect(cards.find((c) => c.front === 'What happens when the time quantum is very large?')?.back).toBe('Round robin behaves like first-come, first-served.');
    for (const card of cards) {
      expect(`${card.front}\n${card.back}`).not.toMatch(/\{%|%\}|:::|<!--|TODO|as follows:$/);
      expect(card.origin).toBe('prose');
      expect(card.confidence).toBeGreaterThanOrEqual(0.6);
    }
  });
});

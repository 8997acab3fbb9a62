/**
 * Issue 12 item 5: `engram lint` never finished on a 1 MB line (80 KB: 6.7 s). Every per-line rule
 * of the parser, of lint and of the importer's paper extraction must be linear in the line's
 * length. Growth is measured between a 50 KB and a 200 KB line of the same text: linear work
 * grows about 4×, quadratic work 16×. The bound is loose (a shared, busy machine adds noise);
 * the broken rules grew 16× and more, and two of them never finished at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { Collection } from '../../src/collection/index.js';
import { lintDecks } from '../../src/collection/lint.js';
import { parseNote } from '../../src/notes/index.js';
import { extractPaperRefs } from '../../src/papers/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-long-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Each text defeated one rule before: the line's whole tail was rescanned from every position. */
const LINES: Record<string, (size: number) => string> = {
  'plain prose (lint\'s "Question?::" rule)': (n) => repeatTo('lorem ipsum dolor sit amet ', n),
  'unclosed [[wikilinks': (n) => repeatTo('[[a ', n),
  'unclosed ](link targets': (n) => repeatTo('](a ', n),
  'unclosed {{c1:: clozes': (n) => repeatTo('{{c1::a ', n),
  'unclosed ==highlights': (n) => repeatTo('==a ', n),
  'a run of spaces': (n) => `a${' '.repeat(n - 2)}b`,
  'years (paper citations)': (n) => repeatTo('Smith 2020 ', n),
  'venues and parentheses': (n) => repeatTo('NeurIPS 2020 (ICML ', n),
  'dotted words (URLs)': (n) => repeatTo('a.b.c.d.e.', n),
  'citations beside wikilinks (import pairs them)': (n) => repeatTo('lorem ipsum dolor sit amet, Smith et al 2020 [[link]] `code` $x$ ', n),
};

function note(line: string): string {
  return `# Long line\n\n${line}\n`;
}

/** The fastest of two runs, in ms: a busy machine only ever makes a run slower. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** lint (which parses the note exactly as import does) plus import's paper extraction. */
function checkLine(name: string, text: string): { ms: number; cards: number } {
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}-${text.length}.md`);
  fs.writeFileSync(file, text);
  let cards = 0;
  const ms = fastest(() => {
    const report = lintDecks([file]);
    cards = report.cards;
    extractPaperRefs(text);
  });
  return { ms, cards };
}

describe('a long line takes linear time', () => {
  for (const [name, make] of Object.entries(LINES)) {
    it(`${name}: 50 KB → 200 KB grows about linearly`, () => {
      const small = checkLine(name, note(make(50_000)));
      const large = checkLine(name, note(make(200_000)));
      // A floor keeps timer noise on tiny runs from deciding the ratio.
      const growth = Math.max(large.ms, 200) / Math.max(small.ms, 200);
      expect(growth, `${small.ms.toFixed(0)} ms → ${large.ms.toFixed(0)} ms`).toBeLessThan(10);
      expect(large.cards).toBe(small.cards);
    }, 120_000);
  }

  it('a line of tags followed by text is a text line, found without exponential backtracking', () => {
    const tags = Array.from({ length: 40 }, (_, i) => `#topic${i}abc`).join(' ');
    const result = parseNote(`${tags} then a word\n\nQ::A\n`, 'tags.md');
    expect(result.note?.cards.map((c) => c.front)).toEqual(['Q']);
    expect(result.note?.tags).toHaveLength(40);
  });

  it('a heading with a long run of spaces before closing hashes', () => {
    const result = parseNote(`# Title${' '.repeat(200_000)}x ##\n\nQ::A\n`, 'h.md');
    expect(result.note?.cards[0]?.breadcrumb).toEqual([`Title${' '.repeat(200_000)}x`]);
  });

  it('lint and import both finish on a 1 MB line and agree on its cards', () => {
    const line = `Atomic number of carbon::6 ${repeatTo('and [[a ](b {{c1::c ==d Smith 2020 ', 1_000_000)}`;
    const file = path.join(dir, 'one-megabyte.md');
    fs.writeFileSync(file, note(line));
    const report = lintDecks([file], { maxChars: 2_000_000 });
    expect(report.cards).toBe(1);
    expect(report.findings).toEqual([]);

    const col = Collection.open(path.join(dir, 'engram.db'));
    try {
      const result = importNotes(col, [file]);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.cards.added).toBe(1);
    } finally {
      col.close();
    }
  }, 120_000);
});

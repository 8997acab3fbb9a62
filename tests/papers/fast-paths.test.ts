/**
 * The import's fast paths in src/papers give the answers of the simple code they skip: the
 * whole-text "may cite" test (extractPaperRefs against refsLineByLine) and keyWords' plain-ASCII
 * path (against the NFKD-first reference), on the bundled deck, the shared source note, the bench
 * vault's notes and random texts built from the pieces the tests are about.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPaperRefs, refsLineByLine } from '../../src/papers/extract.js';
import { keyWords } from '../../src/papers/normalize.js';
import { prng } from '../helpers/prng.js';

function realNotes(): string[] {
  const files = ['decks/multimodality', '/work/shared/source-notes']
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f)));
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

const PIECES = [
  'plain words here', 'Wang et al', 'et  al.', 'et', 'al', 'See', 'cf.', 'compare', 'Compare with', '[[deep_fusion]]', '[[a|b]]', '[', '[',
  'ICML', 'NeurIPS', 'Information', 'Fusion', 'ACM', 'MM', 'ACL', 'NAACL', '2019', '1949', '2021', '20', '19', '1999.', 'v2019', '2019%',
  '<!--', '-->', '<!-- a comment -->', '*', '_', '**ACL**', '_ICLR_', '$x$', '$$', '`2019`', '```', '~~~', '\\begin{x}', '\\end{x}',
  '"Deep Multimodal Fusion for Robotics"', '(CVPR 2020)', '(', ')', '-', '.', ',', ':', '#', '## Heading 2018', '---', '\n', '\n', '\n',
  '\r\n', '\t', ' ', ' ', 'Title Case Words Of A Paper', 'Émile Über Straße', 'naïve café', '—', '“quoted ICML 2019”',
];

function randomText(random: () => number): string {
  const n = 1 + Math.floor(random() * 40);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(PIECES[Math.floor(random() * PIECES.length)]!, random() < 0.6 ? ' ' : '');
  return parts.join('');
}

/** The bench vault's note shape (bench/import-vaults.mjs), with numbers that are sometimes years. */
function benchNote(n: number): string {
  const lines = ['---', `tags: [bench, t${n % 7}]`, '---', `# Note ${n}`, ''];
  for (let i = 0; i < 4; i++) lines.push(`What is fact ${i} of note ${n}?::It is the value ${n * 10 + i}, with a short explanation.`, '');
  lines.push(`Explain idea from note ${n}.`, '?', `Second line, with $x_A \\times x_B$ math.`, '', `Q: Which number goes with key ${n}-1?`, `A: Number ${n * 3}.`);
  return lines.join('\n');
}

describe('extractPaperRefs: the whole-text test skips only notes that cite nothing', () => {
  it('agrees with the line-by-line reading on real notes, bench notes and random texts', () => {
    const random = prng(15);
    const texts = [...realNotes(), ...Array.from({ length: 300 }, (_, i) => benchNote(i * 7)), ...Array.from({ length: 3000 }, () => randomText(random))];
    let skipped = 0;
    for (const text of texts) {
      const fast = extractPaperRefs(text);
      expect(fast, text).toEqual(refsLineByLine(text));
      if (fast.length === 0) skipped++;
    }
    // The test can fail: both kinds of text are there.
    expect(skipped).toBeGreaterThan(100);
    expect(texts.length - skipped).toBeGreaterThan(100);
  });

  it('a comment that joins a cue across its blanks still cites (the fast path steps aside)', () => {
    const text = 'Ngiam et<!-- x -->al Multimodal Deep Learning Methods For Audio';
    expect(extractPaperRefs(text)).toEqual(refsLineByLine(text));
  });
});

/** keyWords as it was: NFKD and diacritics dropped for every text. */
function keyWordsReference(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-\u2010-\u2015/]+/g, ' ')
    .replace(/[^a-z0-9\s]/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

describe('keyWords: the plain-ASCII path', () => {
  it('gives the reference words for ASCII and non-ASCII titles and slugs', () => {
    const random = prng(16);
    const texts = [
      'On Deep Multi-view Representation Learning', 'multi_view_fusion', 'Ünïcödé Fusion—Née', 'ﬁne-tuning', 'Ⅻ Roman', 'tab\tand\u00a0nbsp',
      "don't stop", 'A/B 2019', '', '   ', ...realNotes().flatMap((t) => t.split('\n')),
      ...Array.from({ length: 2000 }, () => randomText(random)),
    ];
    for (const text of texts) expect(keyWords(text), text).toEqual(keyWordsReference(text));
  });

  it('reads every ASCII character as the reference does (the one-pass loop)', () => {
    const random = prng(17);
    // Any of the 128 ASCII characters, letters and separators more often, in runs of up to 30.
    const some = 'aZ09 _-/\t\n.';
    const texts = Array.from({ length: 5000 }, () => Array.from({ length: Math.floor(random() * 30) }, () => (
      random() < 0.5 ? some.charAt(Math.floor(random() * some.length)) : String.fromCharCode(Math.floor(random() * 128))
    )).join(''));
    for (let c = 0; c < 128; c++) texts.push(`ab${String.fromCharCode(c)}cd`, String.fromCharCode(c), `x ${String.fromCharCode(c)} y`);
    for (const text of texts) expect(keyWords(text), JSON.stringify(text)).toEqual(keyWordsReference(text));
  });
});

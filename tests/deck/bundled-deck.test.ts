/**
 * The bundled deck (decks/multimodality/0*.md) is what a new user reviews first: every challenge
 * file must keep its coverage, every answer must fit on one screen, and the fusion operators must
 * carry their runnable example files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedCard } from '../../src/core/index.js';
import { parseNote } from '../../src/notes/index.js';
import { excerptLines } from '../../src/notes/example-refs.js';
import { ROOT, tempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { importNotes } from '../../src/collection/import-notes.js';

const DECK = path.join(ROOT, 'decks', 'multimodality');
const EXAMPLES = path.join(DECK, 'examples');

/**
 * Minimum cards per challenge file, a little below the current counts so a lost section shows.
 * Raised in issue 19: predict-the-output cards (fusion, coordination, alignment, reasoning,
 * quantification), split cards (fission, transference) and new coverage cards; then text diagrams
 * (fusion, alignment, generation), equation cards (coordination, alignment) and interpretation cards.
 */
const MIN_CARDS: Record<string, number> = {
  '01-fusion.md': 65,
  '02-coordination.md': 33,
  '03-fission.md': 23,
  '04-alignment.md': 42,
  '05-reasoning.md': 44,
  '06-generation.md': 28,
  '07-transference.md': 46,
  '08-quantification.md': 50,
};

/** One screen: the review shows the answer under the question, so keep it short. */
const MAX_ANSWER_LINES = 8;
const MAX_ANSWER_CHARS = 400;
/** A text diagram (a ```text fence on the back) may take more of the screen, still within lint's limit. */
const MAX_DIAGRAM_LINES = 16;
const MAX_DIAGRAM_CHARS = 900;
/** Diagram lines stay this narrow so the review draws them unwrapped in an 80-column terminal. */
const MAX_DIAGRAM_WIDTH = 72;

/** The text diagrams the deck must have (issue 19): a card whose front matches, with a ```text fence on its back. */
const DIAGRAMS: Array<{ file: string; front: RegExp }> = [
  { file: '01-fusion.md', front: /six core challenges .* as a tree/ },
  { file: '01-fusion.md', front: /early, intermediate and late fusion/ },
  { file: '04-alignment.md', front: /single-stream and a two-stream/ },
  { file: '06-generation.md', front: /DALL-E's two training stages/ },
];

const isDiagram = (back: string): boolean => /^```text$/m.test(back);

/** Each fusion operator, how a card names it, and the example file that computes it. */
const FUSION_OPERATORS: Array<{ name: string; pattern: RegExp; file: string }> = [
  { name: 'additive fusion', pattern: /\badditive fusion\b/i, file: 'additive-fusion.ts' },
  { name: 'bilinear fusion', pattern: /\bbilinear\b/i, file: 'bilinear-fusion.ts' },
  { name: 'tensor fusion', pattern: /\btensor fusion\b/i, file: 'tensor-fusion.ts' },
  { name: 'low-rank fusion', pattern: /\blow-rank fusion\b/i, file: 'low-rank-fusion.ts' },
  { name: 'gated fusion', pattern: /\bgated fusion\b/i, file: 'gated-fusion.ts' },
  { name: 'additive projection', pattern: /\badditive projection\b/i, file: 'additive-projection.ts' },
];

/** The topics of each challenge (issue #6, part 1): each must be named by at least one card of its file. */
const TOPICS: Record<string, RegExp[]> = {
  '01-fusion.md': [/intermediate fusion/i, /additive fusion/i, /multiplicative/i, /bilinear/i, /tensor fusion/i, /low-rank/i, /gated fusion/i, /nonlinear fusion/i, /additive projection/i, /early fusion/i],
  '02-coordination.md': [/objective does deep CCA/i, /objective does DCCAE/i, /cosine/i, /\bCCA\b/, /DCCAE/, /gated coordination/i, /contrastive/i, /\bCLIP\b/],
  '03-fission.md': [/modality-level fission/i, /fine-grained fission/i],
  '04-alignment.md': [/unconditional/i, /single-stream/i, /masked prediction loss/i, /connection/i, /cross-modal attention/i, /graph network/i, /segmentation/i, /dynamic time warping/i, /\bCTC\b/, /HuBERT/, /scaled dot-product/i, /3×3 DTW table/],
  '05-reasoning.md': [/temporal/i, /memory/i, /hierarchical/i, /reinforcement learning/i, /architecture search/i, /neuro-symbolic/i, /logic/i, /causal/i, /external knowledge/i, /open challenges/i, /backdoor/i],
  '06-generation.md': [/summari[sz]ation/i, /translation/i, /creation/i],
  '07-transference.md': [/pretrained/i, /prefix/i, /HighMMT/, /co-learning via representation/i, /co-learning via generation/i, /\bUniT\b/, /VL-BERT/, /VL-T5/],
  '08-quantification.md': [/modality collapse/i, /unimodal bias/i, /social bias|stereotype/i, /robust/i, /cross-modal interaction/i, /M2Lens/, /\bOGR\b/],
};

/** Every example file the deck is meant to use: each must be attached to at least one card. */
const EXAMPLE_FILES = [
  'additive-fusion.ts', 'bilinear-fusion.ts', 'tensor-fusion.ts', 'low-rank-fusion.ts', 'gated-fusion.ts',
  'additive-projection.ts', 'cosine-coordination.ts', 'infonce-loss.ts', 'cca.ts', 'dtw.ts', 'soft-logic.ts',
  'm2lens-interactions.ts', 'ogr-reweighting.ts',
];

interface DeckFile {
  name: string;
  text: string;
  title: string;
  cards: ParsedCard[];
  problems: string[];
}

function loadDeck(): DeckFile[] {
  return fs.readdirSync(DECK).filter((f) => /^0\d-.+\.md$/.test(f)).sort().map((name) => {
    const text = fs.readFileSync(path.join(DECK, name), 'utf8');
    const { note, errors, warnings } = parseNote(text, name);
    return {
      name,
      text,
      title: /^# (.+)$/m.exec(text)?.[1]?.trim() ?? '',
      cards: note?.cards ?? [],
      problems: [...errors, ...warnings].map((p) => `${p.file}:${p.line}: ${p.message}`),
    };
  });
}

const deck = loadDeck();
const allCards = deck.flatMap((f) => f.cards.map((card) => ({ file: f.name, card })));
const where = (file: string, card: ParsedCard): string => `${file}:${card.line} ${JSON.stringify(card.front.slice(0, 60))}`;

describe('the bundled multimodality deck', () => {
  it('has every challenge file, each parsing without problems and with its minimum number of cards', () => {
    expect(deck.map((f) => f.name)).toEqual(Object.keys(MIN_CARDS));
    for (const file of deck) {
      expect(file.problems, file.name).toEqual([]);
      expect(file.cards.length, file.name).toBeGreaterThanOrEqual(MIN_CARDS[file.name]!);
    }
    expect(allCards.length).toBeGreaterThanOrEqual(150);
  });

  it('covers every topic of its challenge', () => {
    for (const file of deck) {
      const text = file.cards.map((c) => `${c.breadcrumb.join(' ')}\n${c.front}\n${c.back}`).join('\n');
      for (const topic of TOPICS[file.name] ?? []) expect(text, `${file.name} has no card on ${topic}`).toMatch(topic);
    }
  });

  it('keeps every answer within one screen', () => {
    const tooLong = allCards
      .filter(({ card }) => {
        const [lines, chars] = isDiagram(card.back) ? [MAX_DIAGRAM_LINES, MAX_DIAGRAM_CHARS] : [MAX_ANSWER_LINES, MAX_ANSWER_CHARS];
        return card.back.split('\n').length > lines || card.back.length > chars;
      })
      .map(({ file, card }) => `${where(file, card)}: ${card.back.split('\n').length} lines, ${card.back.length} chars`);
    expect(tooLong).toEqual([]);
  });

  it('has its text diagrams, each a fenced text block narrow enough for an 80-column review', () => {
    for (const { file, front } of DIAGRAMS) {
      const card = allCards.find((c) => c.file === file && front.test(c.card.front))?.card;
      expect(card, `${file} has no diagram card matching ${front}`).toBeDefined();
      expect(isDiagram(card!.back), where(file, card!)).toBe(true);
    }
    const diagrams = allCards.filter(({ card }) => isDiagram(card.back));
    expect(diagrams.length).toBeGreaterThanOrEqual(DIAGRAMS.length);
    for (const { file, card } of diagrams) {
      const fence = /^```text\n([\s\S]*?)\n```$/m.exec(card.back)?.[1] ?? '';
      const widest = Math.max(...fence.split('\n').map((l) => [...l].length));
      expect(widest, `${where(file, card)}: a diagram line is ${widest} columns wide`).toBeLessThanOrEqual(MAX_DIAGRAM_WIDTH);
    }
  });

  it('gives every card a breadcrumb that starts with its file\'s title and names a section', () => {
    for (const file of deck) {
      expect(file.title, file.name).not.toBe('');
      for (const card of file.cards) {
        expect(card.breadcrumb[0], where(file.name, card)).toBe(file.title);
        expect(card.breadcrumb.length, where(file.name, card)).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('shows no wikilink slugs on card backs: papers are cited by their declared titles', () => {
    const withSlug = allCards.filter(({ card }) => /\[\[/.test(card.back)).map(({ file, card }) => where(file, card));
    expect(withSlug).toEqual([]);
  });

  it('has no inline example fences left: examples live in files', () => {
    for (const file of deck) expect(file.text, file.name).not.toMatch(/^\s*```\s*(ts|typescript|js|javascript)\s+example/im);
  });

  it('puts every `example:` line directly under a card and points it at an existing example file', () => {
    for (const file of deck) {
      const lines = file.text.split('\n');
      lines.forEach((line, i) => {
        if (!/^example:/i.test(line)) return;
        const at = `${file.name}:${i + 1}`;
        expect(lines[i - 1]?.trim(), `${at} follows a blank line`).not.toBe('');
        const attached = file.cards.filter((c) => c.exampleFile?.line === i + 1);
        expect(attached.length, `${at} is attached to no card`).toBeGreaterThan(0);
        for (const card of attached) {
          expect(card.exampleFile?.path, at).toMatch(/^examples\/[a-z0-9-]+\.ts$/);
          expect(fs.existsSync(path.join(DECK, card.exampleFile!.path)), `${at} ${card.exampleFile!.path}`).toBe(true);
        }
      });
    }
  });

  it('has at least ten predict-the-output cards, each on an existing example file', () => {
    const predict = allCards.filter(({ card }) => card.kind === 'output');
    expect(predict.length).toBeGreaterThanOrEqual(10);
    for (const { file, card } of predict) {
      expect(card.exampleFile?.predict, where(file, card)).toBe(true);
      expect(card.exampleFile?.path, where(file, card)).toMatch(/^examples\/predict-[a-z0-9-]+\.ts$/);
      expect(fs.existsSync(path.join(DECK, card.exampleFile!.path)), where(file, card)).toBe(true);
    }
  });

  it('shows on each predict card\'s front only a chosen part of its file, small enough to work out by hand', () => {
    const predict = allCards.filter(({ card }) => card.kind === 'output');
    for (const { file, card } of predict) {
      const shown = card.exampleFile?.shown;
      expect(shown, `${where(file, card)} shows its whole file: give it a #L… range`).toBeDefined();
      const code = fs.readFileSync(path.join(DECK, card.exampleFile!.path), 'utf8');
      const front = excerptLines(code, shown!).split('\n');
      expect(front.length, where(file, card)).toBeLessThanOrEqual(12);
      expect(front.length, where(file, card)).toBeLessThan(code.trimEnd().split('\n').length);
      expect(Math.max(...front.map((l) => l.length)), `${where(file, card)} has a line wider than 76 columns`).toBeLessThanOrEqual(76);
      expect(front.some((l) => /console\.log/.test(l)), `${where(file, card)} hides the line that prints`).toBe(true);
    }
  });

  it('attaches each example file to at least one card', () => {
    const used = new Set(allCards.map(({ card }) => card.exampleFile?.path).filter(Boolean));
    for (const file of EXAMPLE_FILES) expect(used.has(`examples/${file}`), file).toBe(true);
    for (const file of EXAMPLE_FILES) expect(fs.existsSync(path.join(EXAMPLES, file)), file).toBe(true);
  });

  it.each(FUSION_OPERATORS)('has a card naming $name that runs examples/$file', ({ pattern, file }) => {
    const naming = allCards.filter(({ card }) => pattern.test(card.front) || pattern.test(card.back));
    expect(naming.length).toBeGreaterThan(0);
    const withExample = naming.filter(({ card }) => card.exampleFile?.path === `examples/${file}`);
    expect(withExample.map(({ file: f, card }) => where(f, card))).not.toEqual([]);
  });
});

describe('importing the bundled deck', () => {
  const env = tempEnv();
  afterAll(() => env.cleanup());

  it('imports with no errors and adds every card (dry run)', () => {
    const result = withCollectionAt(env.db, Date.now(), (col) => importNotes(col, [DECK], { dryRun: true }));
    expect(result.errors).toEqual([]);
    expect(result.cards.added).toBeGreaterThanOrEqual(allCards.length);
  });
});

describe('running the bundled deck\'s examples', () => {
  it('every example card runs in the sandbox, succeeds and prints something', { timeout: 120_000 }, async () => {
    const os = await import('node:os');
    const { Collection } = await import('../../src/collection/index.js');
    const { importNotes } = await import('../../src/collection/import-notes.js');
    const { runCardExample } = await import('../../src/collection/examples.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-deck-run-'));
    const col = Collection.open(path.join(dir, 'engram.db'));
    try {
      expect(importNotes(col, [DECK]).errors).toEqual([]);
      const withExample = col.cards({}).filter((c) => c.hasExample);
      expect(withExample.length).toBeGreaterThanOrEqual(FUSION_OPERATORS.length);
      const failures: string[] = [];
      for (const card of withExample) {
        const run = await runCardExample(col, card.id);
        if (!run.ok || run.stdout.trim() === '' || run.timedOut || run.truncated) {
          failures.push(`card ${card.id} (${col.exampleOf(card.id)?.path}): exit ${run.exitCode} ${run.error ?? ''} ${run.stderr.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
    } finally {
      col.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('`engram run` prints the tensor fusion example\'s output as JSON', () => {
    const env = tempEnv();
    try {
      const card = withCollectionAt(env.db, Date.now(), (col) => {
        expect(importNotes(col, [DECK]).errors).toEqual([]);
        return col.cards({ search: 'tensor fusion' }).find((c) => col.exampleOf(c.id)?.path === 'examples/tensor-fusion.ts');
      });
      expect(card).toBeDefined();
      const r = env.run(['run', String(card?.id), '--json']);
      expect(r.code, r.stderr).toBe(0);
      const result = JSON.parse(r.stdout) as { stdout: string; exitCode: number; timedOut: boolean; truncated: boolean; ms: number };
      expect(Object.keys(result).sort()).toEqual(['exitCode', 'ms', 'stderr', 'stdout', 'timedOut', 'truncated']);
      expect(result).toMatchObject({ exitCode: 0, timedOut: false, truncated: false });
      expect(result.stdout).toMatch(/\d/);
    } finally {
      env.cleanup();
    }
  });
});

import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

interface Finding { file: string; line: number; rule: string; message: string }

const PAPERS = '---\npapers: true\n---\n# Papers\n\n## Tensor Fusion Network for Multimodal Sentiment Analysis\n- slugs: tensor_fusion_network\n- year: 2017\n';

function writeCleanDeck(): void {
  env.write('deck/papers.md', PAPERS);
  env.write('deck/examples/tensor.ts', 'export function main(): void { console.log(1); }\n');
  env.write('deck/fusion.md', '# Fusion\n\nWhat does [[tensor_fusion_network]] compute?::An outer product.\nexample: examples/tensor.ts\n\nSee also [[alignment]].\n');
  env.write('deck/alignment.md', '# Alignment\n\nWhat does DTW align?::Two sequences.\n');
}

describe('engram lint', () => {
  it('passes a clean deck with exit 0', () => {
    writeCleanDeck();
    const r = env.run(['lint', 'deck']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toBe('ok: 3 files, 2 cards, 1 declared paper, no problems\n');
  });

  it('reports a predict range it cannot read and one past the end of the file, each at its predict: line', () => {
    writeCleanDeck();
    env.write('deck/predict.md', [
      '# Predict',                                               // 1
      '',                                                        // 2
      'What does it print?::1',                                  // 3
      'predict: examples/tensor.ts#L5-L3',                       // 4 unreadable range
      '',                                                        // 5
      'And now?::1',                                             // 6
      'predict: examples/tensor.ts#L1-L9',                       // 7 past the end (1 line)
      '',                                                        // 8
      'And the first line?::1',                                  // 9
      'predict: examples/tensor.ts#L1',                          // 10 fine
    ].join('\n'));
    const r = env.run(['lint', 'deck', '--json']);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((f) => [path.basename(f.file), f.line, f.rule, f.message])).toEqual([
      ['predict.md', 4, 'parse', "'L5-L3' ends before it starts; the card shows the whole file"],
      ['predict.md', 7, 'example', "predict range of 'examples/tensor.ts': L9 is past the end of the file (1 line)"],
    ]);
  });

  it('reports each kind of problem with file and line, and exits 1', () => {
    writeCleanDeck();
    const long = Array.from({ length: 20 }, (_, i) => `- point ${i}`).join('\n');
    env.write('deck/bad.md', [
      '# Bad',                                                   // 1
      '',                                                        // 2
      'What is fusion?::',                                       // 3 empty
      '',                                                        // 4
      'What does DTW align?::Two sequences.',                    // 5 duplicate of alignment.md:3
      '',                                                        // 6
      'Which paper is [[no_such_paper]]?::Unknown.',             // 7 wikilink
      'example: ../escape.ts',                                   // 8 example path
      '',                                                        // 9
      'List everything?',                                        // 10 size
      '?',
      long,
    ].join('\n'));
    env.write('deck/papers.md', `${PAPERS}- venue: EMNLP\n- colour: red\n`);
    const r = env.run(['lint', 'deck', '--json']);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
    const bad = path.join(env.dir, 'deck/bad.md');
    expect(findings.map((f) => [path.basename(f.file), f.line, f.rule])).toEqual([
      ['bad.md', 3, 'parse'],
      ['bad.md', 5, 'duplicate'],
      ['bad.md', 7, 'wikilink'],
      ['bad.md', 8, 'example'],
      ['bad.md', 10, 'size'],
      ['papers.md', 10, 'papers'],
    ]);
    expect(findings[0]).toEqual({ file: bad, line: 3, rule: 'parse', message: "empty card: nothing after '::'" });
    expect(findings[1]?.message).toBe(`duplicate card: the same question and answer as ${path.join(env.dir, 'deck/alignment.md')}:3`);
    expect(findings[2]?.message).toBe('[[no_such_paper]] names no paper of a papers note and no note');

    const human = env.run(['lint', 'deck']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('deck/bad.md:8: example path \'../escape.ts\' goes up with \'..\'');
    expect(human.stdout.trim().split('\n').at(-1)).toBe('6 problems in 4 files, 5 cards, 1 declared paper');
  });

  it('counts one-character cards and reports each card it cannot make at file:line (exit 1)', () => {
    env.write('deck/chem.md', '# Chemistry\n\nAtomic number of carbon::6\nSymbol of tungsten :: W\n\nHow many?\n?\n7\n\n:: orphan answer\n');
    const r = env.run(['lint', 'deck']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      "deck/chem.md:10: empty card: nothing before '::' [parse]",
      '1 problem in 1 file, 3 cards, 0 declared papers',
    ]);
  });

  it('--ignore skips whole rules, and names the rules when given an unknown one', () => {
    writeCleanDeck();
    env.write('deck/links.md', 'What links out?::[[somewhere_else]] and [[elsewhere]].\n');
    expect(env.run(['lint', 'deck']).code).toBe(1);
    const r = env.run(['lint', 'deck', '--ignore', 'wikilink,size']);
    expect(r.code, r.stdout).toBe(0);
    const bad = env.run(['lint', 'deck', '--ignore', 'links']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("engram: --ignore: unknown rule 'links' (rules: file, parse, example, wikilink, size, duplicate, papers)");
  });

  it('rejects a bad limit flag as a usage error', () => {
    const r = env.run(['lint', 'deck', '--max-lines', 'ten']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("engram: --max-lines must be a positive whole number, got 'ten'");
  });

  it('passes on the bundled deck', () => {
    const r = env.run(['lint', path.join(ROOT, 'decks')]);
    expect(r.stdout).toMatch(/^ok: \d+ files, \d+ cards, \d+ declared papers, no problems\n$/);
    expect(r.code).toBe(0);
  });
});

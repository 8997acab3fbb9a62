/** `engram run ID --predict TEXT [--json]`: the prediction check added to the run result. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

describe('engram run --predict', () => {
  let env: TempEnv;
  let id = 0;
  let failing = 0;
  beforeAll(() => {
    env = tempEnv();
    env.write('deck/examples/two-lines.ts', 'console.log("gate: " + (1 / (1 + Math.exp(-1))));\nconsole.log("sum", 1 + 2);\n');
    env.write('deck/examples/throws.ts', 'console.log(1);\nthrow new Error("boom");\n');
    const note = env.write('deck/p.md', [
      '# P', '',
      'What do the gate and the sum print? :: The sigmoid of 1, then 3.', 'predict: examples/two-lines.ts', '',
      'What does the failing example print? :: 1, then it throws.', 'predict: examples/throws.ts', '',
    ].join('\n'));
    expect(env.run(['import', note]).code).toBe(0);
    const cards = env.json<Array<{ id: number; front: string; kind: string }>>(['cards', '--json']);
    expect(cards.map((c) => c.kind)).toEqual(['output', 'output']);
    id = cards.find((c) => c.front.startsWith('What do the gate'))!.id;
    failing = cards.find((c) => c.front.startsWith('What does the failing'))!.id;
  });
  afterAll(() => env.cleanup());

  it('adds prediction {correct, suggested_grade, diff} to the usual run result', () => {
    const r = env.run(['run', String(id), '--predict', 'gate: 0.73\nsum 3', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['stdout', 'stderr', 'exitCode', 'timedOut', 'truncated', 'ms', 'prediction']);
    expect(json.stdout).toBe('gate: 0.7310585786300049\nsum 3\n');
    expect(json.prediction).toEqual({
      correct: true,
      suggested_grade: 'good',
      diff: [
        { line: 1, expected: 'gate: 0.7310585786300049', predicted: 'gate: 0.73', match: true },
        { line: 2, expected: 'sum 3', predicted: 'sum 3', match: true },
      ],
    });
  });

  it('a wrong line is marked in the diff and suggests again; without --json a verdict line follows the output', () => {
    const json = JSON.parse(env.run(['run', String(id), '--predict', 'gate: 0.7\nsum 4', '--json']).stdout);
    expect(json.prediction.correct).toBe(false);
    expect(json.prediction.suggested_grade).toBe('again');
    expect(json.prediction.diff.map((d: { match: boolean }) => d.match)).toEqual([true, false]);
    const human = env.run(['run', String(id), '--predict', 'gate: 0.7\nsum 4']);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe('gate: 0.7310585786300049\nsum 3\nprediction: wrong (suggested grade: again)\n  line 2: expected sum 3, you wrote sum 4\n');
  });

  it('a run that fails is never a right prediction, and exits 1', () => {
    const r = env.run(['run', String(failing), '--predict', '1', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).prediction).toMatchObject({ correct: false, suggested_grade: 'again' });
  });

  it('without --predict the JSON has no prediction key', () => {
    expect(Object.keys(JSON.parse(env.run(['run', String(id), '--json']).stdout))).not.toContain('prediction');
  });
});

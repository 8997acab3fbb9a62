/** A predict-the-output card in a real pseudo-terminal (tmux): type, check, confirm the suggested grade. */
import { describe, expect, it } from 'vitest';
import type { TempEnv } from '../helpers/cli.js';
import { hasTmux, terminalWithTempEnv } from '../helpers/tmux.js';

const term = terminalWithTempEnv('predict', (e) => (env = e));
const NOW = '2026-12-01T09:00:00Z';
let env: TempEnv;

describe.skipIf(!hasTmux)('a predict card in a terminal', () => {
  it('shows the code, takes the typed prediction, shows the verdict; enter saves the suggested grade', async () => {
    env.write('deck/examples/dot.ts', 'const a = [1, 2];\nconst b = [3, 4];\nconsole.log(a[0]! * b[0]! + a[1]! * b[1]!);\n');
    const note = env.write('deck/dot.md', '# Dot\n\nWhat is the dot product? :: 1·3 + 2·4 = 11\npredict: examples/dot.ts\n');
    expect(env.run(['import', note], { now: NOW }).code).toBe(0);
    term.start(['review'], { width: 80, height: 30 }, { ENGRAM_DB: env.db, ENGRAM_NOW: NOW, TZ: 'UTC', NO_COLOR: '1' }, true);
    await term.waitFor((s) => s.includes('const b = [3, 4];') && s.includes('output> _'));
    await term.press('11', 'output> 11_');
    const checked = await term.press('Enter', 'suggested grade');
    expect(checked).toContain('right: suggested grade');
    expect(checked).toContain('1·3 + 2·4 = 11');
    await term.press('Enter', (s) => s.includes('Done for now') || s.includes('Nothing due'));
    await term.press('q', (s) => !s.includes('Done for now'));
    const card = env.json<Array<{ reps: number; state: string }>>(['cards', '--json'], { now: NOW })[0]!;
    expect(card).toMatchObject({ reps: 1 });
    expect(card.state).not.toBe('new');
  });
});

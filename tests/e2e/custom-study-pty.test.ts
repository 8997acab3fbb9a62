/**
 * Custom study in a real pseudo-terminal (tmux): `engram review --query Q --preview` shows
 * exactly the selected cards, answers change no schedule, and the summary says so; the same
 * query without --preview reschedules a card that was not due (studied ahead).
 */
import { describe, expect, it } from 'vitest';
import type { TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';
import { hasTmux, terminalWithTempEnv } from '../helpers/tmux.js';

const term = terminalWithTempEnv('custom-study', (e) => (env = e));
const NOW = '2026-12-01T09:00:00Z';
let env: TempEnv;

describe.skipIf(!hasTmux)('custom study in a real terminal', () => {
  it('--preview: the selected cards only, nothing rescheduled; then scheduled mode studies ahead', { timeout: 60_000 }, async () => {
    const ids = withCollectionAt(env.db, NOW, (col) => {
      const a = col.addCard('exam::ml', 'Alpha fusion question', 'alpha answer').id;
      col.addCard('other', 'Beta question', 'beta answer');
      col.answer(a, 'easy'); // due in days: not in today's queue
      return { a };
    });
    const before = env.json(['show', String(ids.a)], { now: NOW });
    term.start(['review', '--query', 'deck:exam', '--preview'], { width: 100, height: 30 }, { ENGRAM_DB: env.db, ENGRAM_NOW: NOW, TZ: 'UTC' }, true);
    await term.waitFor('Alpha fusion question');
    expect(term.screen()).toContain('preview');
    expect(term.screen()).not.toContain('Beta question');
    await term.press('Space', 'alpha answer');
    await term.press('3', 'Done for now.');
    term.tmux('send-keys', '-t', 'e2e', 'q');
    await term.waitFor('Previewed 1 card; again 0 (no schedule changed).', { history: true });
    const after = env.json(['show', String(ids.a)], { now: NOW });
    expect(after).toEqual(before);
    term.close();

    term.start(['review', '--query', 'fusion'], { width: 60, height: 20 }, { ENGRAM_DB: env.db, ENGRAM_NOW: NOW, TZ: 'UTC' }, true);
    await term.waitFor('Alpha fusion question');
    await term.press('Space', 'alpha answer');
    await term.press('3', 'Done for now.');
    term.tmux('send-keys', '-t', 'e2e', 'q');
    await term.waitFor('Reviewed 1 card', { history: true });
    const ahead = env.json(['show', String(ids.a)], { now: NOW });
    expect(ahead.reviews).toHaveLength(2);
  });
});

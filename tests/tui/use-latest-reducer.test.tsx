/**
 * Keys faster than renders: two keys written in one go reach the handler before React renders
 * in between. With useLatestReducer the second key sees the state the first one left.
 */
import { Text, useInput } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { useLatestReducer } from '../../src/tui/use-latest-reducer.js';

// The shared module graph outlives this file: unmount every tree a test rendered.
afterEach(cleanup);

type Action = { type: 'open' } | { type: 'pick'; n: string };
interface State { open: boolean; picked: string[] }

const reducer = (state: State, action: Action): State =>
  action.type === 'open' ? { ...state, open: true } : { ...state, picked: [...state.picked, action.n] };

/** Space opens; a digit counts only once open (like reveal, then a grade). */
function Picker() {
  const { state, latest, dispatch } = useLatestReducer<State, Action>(reducer, { open: false, picked: [] });
  useInput((input) => {
    if (input === ' ') return dispatch({ type: 'open' });
    if (/^\d$/.test(input) && latest().open) dispatch({ type: 'pick', n: input });
  });
  return <Text>{`${state.open ? 'open' : 'closed'} [${state.picked.join(',')}]`}</Text>;
}

async function settle(app: ReturnType<typeof render>, want: string): Promise<string> {
  const until = Date.now() + 3000;
  while (!(app.lastFrame() ?? '').includes(want) && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  return app.lastFrame() ?? '';
}

describe('useLatestReducer', () => {
  it('a key right after another sees the state the first left, before any render', async () => {
    const app = render(<Picker />);
    await settle(app, 'closed');
    app.stdin.write(' ');
    app.stdin.write('3');
    app.stdin.write('4');
    expect(await settle(app, '[3,4]')).toBe('open [3,4]');
    app.unmount();
  });
});

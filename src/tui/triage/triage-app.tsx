/** The triage session: binds keys to the controller and the reducer; rendering is TriageScreen's. */
import { useApp, useInput } from 'ink';
import { useMemo, useReducer, useRef } from 'react';
import { useTerminalSize } from '../use-terminal-size.js';
import type { TriageController } from './triage-controller.js';
import { currentItem, restOfNote, triageReducer, type TriageAction, type TriageDecision, type TriageState } from './triage-reducer.js';
import { TriageScreen } from './triage-screen.js';

export interface TriageAppProps {
  controller: TriageController;
  initial: TriageState;
  color: boolean;
  onExit?: (state: TriageState) => void;
}

export function TriageApp({ controller, initial, color, onExit }: TriageAppProps) {
  const [state, dispatchToReact] = useReducer(triageReducer, initial);
  // Keys can arrive faster than React re-renders: the handler reads the state from this ref.
  const latest = useRef(state);
  latest.current = state;
  const dispatch = (action: TriageAction) => {
    latest.current = triageReducer(latest.current, action);
    dispatchToReact(action);
  };
  const { exit } = useApp();
  const { width, height } = useTerminalSize();
  const item = currentItem(state);
  const context = useMemo(() => (item ? controller.context(item) : null), [item, controller]);
  const waiting = useMemo(() => (item ? 0 : controller.waiting()), [item, state.history.length, controller]);

  const act = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      dispatch({ type: 'notice', text: (error as Error).message });
    }
  };
  const decideOn = (ids: number[], decision: TriageDecision) =>
    act(() => dispatch({ type: 'decided', decision, ids, changed: controller.decide(ids, decision) }));

  useInput((input, key) => {
    const state = latest.current;
    if (state.help) {
      if (input === '?' || key.escape || input === 'q') dispatch({ type: 'toggle-help' });
      return;
    }
    if (input === 'q' || key.escape) {
      onExit?.(state);
      exit();
      return;
    }
    if (input === '?') return dispatch({ type: 'toggle-help' });
    if (input === 'u') {
      const last = state.history[state.history.length - 1];
      if (!last) return dispatch({ type: 'notice', text: 'nothing to undo in this session' });
      return act(() => {
        controller.undo(last.changed);
        dispatch({ type: 'undone' });
      });
    }
    const current = currentItem(state);
    if (!current) return;
    if (input === 'a') return decideOn([current.id], 'accept');
    if (input === 'r' || input === 'x') return decideOn([current.id], 'reject');
    if (input === 'A') return decideOn(restOfNote(state), 'accept');
    if (input === 'R' || input === 'X') return decideOn(restOfNote(state), 'reject');
    if (input === 's' || input === ' ') return dispatch({ type: 'skip' });
    if (input === 'e') {
      controller.edit(current).then(
        (result) => {
          if (result.file) dispatch({ type: 'reloaded', file: result.file, items: result.items, notice: result.message });
          else dispatch({ type: 'notice', text: result.message });
        },
        (error: Error) => dispatch({ type: 'notice', text: error.message }),
      );
    }
  });

  return <TriageScreen state={state} context={context} width={width} height={height} color={color} waiting={waiting} />;
}

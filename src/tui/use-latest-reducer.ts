/**
 * useReducer for key handlers. Keys can arrive faster than React re-renders (space then 3 in
 * quick succession): a handler that read the rendered state would act on a stale one. This
 * hook's `latest()` is advanced by every dispatch at once, so the next key sees the state its
 * predecessor left, while React still renders from its own copy.
 */
import { useReducer, useRef } from 'react';

export interface LatestReducer<S, A> {
  /** The state as rendered. */
  state: S;
  /** The state after every action dispatched so far, rendered or not. */
  latest: () => S;
  dispatch: (action: A) => void;
}

export function useLatestReducer<S, A>(reducer: (state: S, action: A) => S, initial: S): LatestReducer<S, A> {
  const [state, dispatchToReact] = useReducer(reducer, initial);
  const latest = useRef(state);
  // A render brings React's state; it already includes every action dispatched before it.
  latest.current = state;
  const dispatch = useRef((action: A) => {
    latest.current = reducer(latest.current, action);
    dispatchToReact(action);
  }).current;
  return { state, latest: () => latest.current, dispatch };
}

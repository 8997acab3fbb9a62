/**
 * The review session: the reducer holds the state, use-review-effects.ts what happens on its
 * own, use-review-input.ts what a key does (through review-keys.ts); rendering is ReviewScreen's.
 */
import { useEffect, useMemo } from 'react';
import type { ReviewController } from './controller.js';
import { bodyLines } from './body-lines.js';
import { ReviewScreen, bodyHeightFor, maxScrollFor } from './review-screen.js';
import { sessionReducer, type SessionAction, type SessionState } from './session-reducer.js';
import { useLatestReducer } from './use-latest-reducer.js';
import { useReviewEffects } from './use-review-effects.js';
import { useReviewInput } from './use-review-input.js';
import { useTerminalSize } from './use-terminal-size.js';
import { usePictures, type ReviewGraphics } from './use-pictures.js';

export interface ReviewAppProps {
  controller: ReviewController;
  initial: SessionState;
  color: boolean;
  /** Called with the final state when the user quits. */
  onExit?: (state: SessionState) => void;
  /** How pictures are drawn (none: captions only). */
  graphics?: ReviewGraphics;
}

export function ReviewApp({ controller, initial, color, onExit, graphics }: ReviewAppProps) {
  // The input handler reads latest(): keys can arrive faster than React re-renders.
  const { state, latest, dispatch } = useLatestReducer<SessionState, SessionAction>(sessionReducer, initial);
  const { width, height } = useTerminalSize();
  const { shownAt, nextDue, suggestions, renderers } = useReviewEffects(state, dispatch, controller, color, latest);
  const current = state.current;

  const pictures = usePictures(controller, state, graphics, width, height);
  const body = useMemo(
    () => bodyLines(state, Math.max(20, width - 1), color, pictures.fresh()),
    [state.current, state.phase, state.example, state.prediction, width, color, renderers, pictures.images],
  );
  const maxScroll = current ? maxScrollFor(body.length, bodyHeightFor(height, current.edited)) : 0;
  pictures.useOverlay(state, body.length);

  // Show example output as it arrives: it is appended below the answer.
  useEffect(() => {
    if (state.example) dispatch({ type: 'scroll', to: maxScroll });
  }, [state.example, maxScroll]);

  useReviewInput({
    controller, latest, dispatch, shownAt, onExit,
    limits: (keyState) => ({
      maxScroll,
      page: keyState.current ? Math.max(1, bodyHeightFor(height, keyState.current.edited) - 2) : 1,
    }),
  });

  return <ReviewScreen state={state} body={body} width={width} height={height} color={color} nextDue={nextDue} suggestions={suggestions} />;
}

/** The review screen's input hook: a key becomes a command (review-keys.ts), carried out here with the controller. */
import { useApp, useInput } from 'ink';
import type { RefObject } from 'react';
import type { ReviewController } from './controller.js';
import { predictionKey } from './prediction-keys.js';
import { reviewCommandFor, type ReviewCommand, type ScrollLimits } from './review-keys.js';
import type { SessionAction, SessionState } from './session-reducer.js';
import { readQueueIfUnread } from './use-review-effects.js';

export interface ReviewInput {
  controller: ReviewController;
  /** The state after every action so far: keys can arrive faster than React re-renders. */
  latest: () => SessionState;
  dispatch: (action: SessionAction) => void;
  /** How far the body scrolls, for the state a key arrives in. */
  limits: (state: SessionState) => ScrollLimits;
  /** When the current card was shown, for the answer's duration. */
  shownAt: RefObject<number>;
  onExit?: (state: SessionState) => void;
}

export function useReviewInput({ controller, latest, dispatch, limits, shownAt, onExit }: ReviewInput): void {
  const { exit } = useApp();

  const act = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      dispatch({ type: 'notice', text: (error as Error).message });
    }
  };

  const perform = (command: ReviewCommand, state: SessionState) => {
    const current = state.current;
    switch (command.type) {
      case 'toggle-help':
      case 'reveal':
        return dispatch({ type: command.type });
      case 'notice':
        return dispatch({ type: 'notice', text: command.text });
      case 'scroll':
        return dispatch({ type: 'scroll', to: command.to });
      case 'quit':
        onExit?.(state);
        return exit();
      case 'undo':
        return act(() => dispatch({ type: 'undone', now: controller.now(), ...controller.undo(command.actionId) }));
      case 'flag-cancel':
        return dispatch({ type: 'flag-cancel' });
    }
    if (!current) return;
    switch (command.type) {
      case 'grade':
        return act(() => {
          const result = controller.answer(current.id, command.grade, controller.now() - shownAt.current);
          dispatch({ type: 'graded', grade: command.grade, now: controller.now(), ...result });
        });
      case 'suspend':
        return act(() => {
          const actionId = controller.suspend(current.id);
          dispatch({ type: 'removed', reason: 'suspended', actionId, now: controller.now() });
        });
      case 'bury':
        return act(() => {
          const actionId = controller.bury(current.id);
          dispatch({ type: 'removed', reason: 'buried', actionId, now: controller.now() });
        });
      case 'flag-pending':
        return dispatch({ type: 'flag-pending' });
      case 'flag':
        return act(() => {
          const actionId = controller.flag(current.id, command.flag);
          dispatch({ type: 'flagged', cardId: current.id, flag: command.flag, actionId });
        });
      case 'run-example': {
        dispatch({ type: 'example-started', cardId: current.id });
        const cardId = current.id;
        controller.runExample(cardId).then(
          (result) => dispatch({ type: 'example-finished', cardId, ...result }),
          (error: Error) => dispatch({ type: 'example-finished', cardId, text: error.message, ok: false }),
        );
        return;
      }
      case 'open-image':
        return dispatch({ type: 'notice', text: controller.openImage?.(current.id, state.phase === 'answer') ?? 'pictures cannot be opened here' });
      case 'open-source':
        controller.edit(current.id).then(
          (result) => {
            dispatch({ type: 'refreshed', now: controller.now(), card: result.card });
            dispatch({ type: 'notice', text: result.message });
          },
          (error: Error) => dispatch({ type: 'notice', text: error.message }),
        );
        return;
    }
  };

  /** Checks a typed prediction: the example runs in the sandbox, then the reducer shows the verdict. */
  const submitPrediction = (state: SessionState) => {
    const current = state.current;
    if (!current) return;
    const cardId = current.id;
    dispatch({ type: 'predict-submitted', cardId });
    const typed = state.prediction?.typed ?? '';
    if (current.typeIn) {
      // A typed answer is checked at once, in pure code: no example to run.
      return act(() => dispatch({ type: 'predict-checked', cardId, outcome: controller.checkTyped(cardId, typed, controller.now() - shownAt.current) }));
    }
    const predicted = controller.predict
      ? controller.predict(cardId, typed, controller.now() - shownAt.current)
      : Promise.reject(new Error('this session cannot run examples'));
    predicted.then(
      (outcome) => dispatch({ type: 'predict-checked', cardId, outcome }),
      (error: Error) => dispatch({ type: 'predict-checked', cardId, outcome: { correct: false, suggested: 'again', diff: [], output: error.message, ok: false } }),
    );
  };

  useInput((input, key) => {
    // The queue the first frame did without is read before any key acts: an answer first would
    // change the queue it is read from (the daily limits, the spread of new cards).
    readQueueIfUnread(controller, latest, dispatch);
    const state = latest();
    // While a prediction is typed, letters are text, not commands.
    const typing = state.help ? null : predictionKey(state, input, key);
    if (typing === 'submit') return submitPrediction(state);
    if (typing) return dispatch(typing);
    const command = reviewCommandFor(state, input, key, limits(state));
    if (command) perform(command, state);
  });
}

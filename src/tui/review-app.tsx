/** The review session: binds keys to the controller and the reducer; rendering is ReviewScreen's. */
import { useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { trace, type Grade } from '../core/index.js';
import type { ReviewController } from './controller.js';
import { bodyLines } from './body-lines.js';
import { loadHighlighter, loadMarkdown } from './render/index.js';
import { ReviewScreen, bodyHeightFor, maxScrollFor } from './review-screen.js';
import { sessionReducer, type SessionAction, type SessionState } from './session-reducer.js';
import { useLatestReducer } from './use-latest-reducer.js';
import { useTerminalSize } from './use-terminal-size.js';
import { confirmedGrade, predictionKey } from './prediction-keys.js';

export interface ReviewAppProps {
  controller: ReviewController;
  initial: SessionState;
  color: boolean;
  /** Called with the final state when the user quits. */
  onExit?: (state: SessionState) => void;
}

const GRADE_BY_KEY: Record<string, Grade> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };
const TICK_MS = 15_000;
/** Delay before warming the example sandbox: after the card is on screen, before a reader reaches `r`. */
const PREPARE_EXAMPLES_MS = 500;

export function ReviewApp({ controller, initial, color, onExit }: ReviewAppProps) {
  // The input handler reads latest(): keys can arrive faster than React re-renders.
  const { state, latest, dispatch } = useLatestReducer<SessionState, SessionAction>(sessionReducer, initial);
  const { exit } = useApp();
  const { width, height } = useTerminalSize();
  const shownAt = useRef(controller.now());
  const [nextDue, setNextDue] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState(0);
  const current = state.current;

  // Declared first so it runs first after the first commit, before the effects below.
  useEffect(() => trace('first frame'), []);

  useEffect(() => {
    shownAt.current = controller.now();
    if (current) dispatch({ type: 'intervals', cardId: current.id, intervals: controller.intervals(current.id) });
    if (current?.predict) dispatch({ type: 'predict-code', cardId: current.id, code: controller.exampleCode?.(current.id) ?? null });
  }, [current, controller]);

  // The first card with an example warms the sandbox in the background, off the first frame,
  // so pressing r answers at once.
  const examplesPrepared = useRef(false);
  useEffect(() => {
    if (!current?.hasExample || examplesPrepared.current || !controller.prepareExamples) return undefined;
    const timer = setTimeout(() => {
      examplesPrepared.current = true;
      controller.prepareExamples?.();
    }, PREPARE_EXAMPLES_MS);
    return () => clearTimeout(timer);
  }, [current, controller]);

  useEffect(() => {
    if (state.phase !== 'done') return undefined;
    setNextDue(controller.nextDue());
    setSuggestions(controller.suggestionsWaiting?.() ?? 0);
    // Learning cards due later today bring the session back by themselves.
    const timer = setInterval(() => dispatch({ type: 'tick', now: controller.now() }), TICK_MS);
    return () => clearInterval(timer);
  }, [state.phase, state.reviewed, controller]);

  // The Markdown renderer and code highlighting load after the first frame; each arrival
  // re-renders the card with it.
  const [renderers, setRenderers] = useState(0);
  useEffect(() => {
    const bump = () => setRenderers((n) => n + 1);
    const timer = setTimeout(() => {
      loadMarkdown().then(bump, () => undefined);
      if (color) loadHighlighter().then(bump, () => undefined);
    }, 0);
    return () => clearTimeout(timer);
  }, [color]);

  const body = useMemo(
    () => bodyLines(state, Math.max(20, width - 1), color),
    [state.current, state.phase, state.example, state.prediction, width, color, renderers],
  );

  const maxScroll = current ? maxScrollFor(body.length, bodyHeightFor(height, current.edited)) : 0;
  const scrollTo = (to: number) => dispatch({ type: 'scroll', to: Math.min(Math.max(0, to), maxScroll) });

  // Show example output as it arrives: it is appended below the answer.
  useEffect(() => {
    if (state.example) scrollTo(maxScroll);
  }, [state.example, maxScroll]);

  const act = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      dispatch({ type: 'notice', text: (error as Error).message });
    }
  };

  useInput((input, key) => {
    const state = latest();
    const current = state.current;
    if (state.help) {
      if (input === '?' || key.escape || input === 'q') dispatch({ type: 'toggle-help' });
      return;
    }
    const typing = predictionKey(state, input, key);
    if (typing === 'submit') {
      if (!current) return;
      const cardId = current.id;
      dispatch({ type: 'predict-submitted', cardId });
      const typed = state.prediction?.typed ?? '';
      const predicted = controller.predict
        ? controller.predict(cardId, typed, controller.now() - shownAt.current)
        : Promise.reject(new Error('this session cannot run examples'));
      predicted.then(
        (outcome) => dispatch({ type: 'predict-checked', cardId, outcome }),
        (error: Error) => dispatch({ type: 'predict-checked', cardId, outcome: { correct: false, suggested: 'again', diff: [], output: error.message, ok: false } }),
      );
      return;
    }
    if (typing) return dispatch(typing);
    if (input === 'q' || key.escape) {
      onExit?.(state);
      exit();
      return;
    }
    if (input === '?') return dispatch({ type: 'toggle-help' });
    if (input === 'u') {
      const last = state.history[state.history.length - 1];
      if (!last) return dispatch({ type: 'notice', text: 'nothing to undo in this session' });
      return act(() => dispatch({ type: 'undone', now: controller.now(), ...controller.undo(last.reviewId) }));
    }
    if (!current) return;
    const scroll = Math.min(state.scroll, maxScroll);
    const page = Math.max(1, bodyHeightFor(height, current.edited) - 2);
    if (key.upArrow || input === 'k') return scrollTo(scroll - 1);
    if (key.downArrow || input === 'j') return scrollTo(scroll + 1);
    if (key.pageUp) return scrollTo(scroll - page);
    if (key.pageDown) return scrollTo(scroll + page);
    if (state.phase === 'question' && (input === ' ' || key.return)) return dispatch({ type: 'reveal' });
    const grade = GRADE_BY_KEY[input] ?? confirmedGrade(state, key, input);
    if (state.phase === 'answer' && grade) {
      return act(() => {
        const result = controller.answer(current.id, grade, controller.now() - shownAt.current);
        dispatch({ type: 'graded', grade, now: controller.now(), ...result });
      });
    }
    if (input === 's') return act(() => {
      controller.suspend(current.id);
      dispatch({ type: 'removed', reason: 'suspended', now: controller.now() });
    });
    if (input === 'b') return act(() => {
      controller.bury(current.id);
      dispatch({ type: 'removed', reason: 'buried', now: controller.now() });
    });
    if (input === 'r' && state.phase === 'answer') {
      if (!current.hasExample) return dispatch({ type: 'notice', text: 'this card has no example' });
      dispatch({ type: 'example-started', cardId: current.id });
      const cardId = current.id;
      controller.runExample(cardId).then(
        (result) => dispatch({ type: 'example-finished', cardId, ...result }),
        (error: Error) => dispatch({ type: 'example-finished', cardId, text: error.message, ok: false }),
      );
      return;
    }
    if (input === 'o') {
      if (!current.source) return dispatch({ type: 'notice', text: 'this card was added by hand; it has no source note' });
      controller.edit(current.id).then(
        (result) => {
          dispatch({ type: 'refreshed', now: controller.now(), card: result.card });
          dispatch({ type: 'notice', text: result.message });
        },
        (error: Error) => dispatch({ type: 'notice', text: error.message }),
      );
      return;
    }
  });

  return <ReviewScreen state={state} body={body} width={width} height={height} color={color} nextDue={nextDue} suggestions={suggestions} />;
}

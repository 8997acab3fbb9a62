/**
 * What the review screen does on its own, not on a key: preview intervals for each new card,
 * warm the example sandbox, come back when learning cards fall due, and load the Markdown
 * renderer and highlighter after the first frame.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { trace } from '../core/index.js';
import type { ReviewController } from './controller.js';
import { loadHighlighter, loadMarkdown } from './render/index.js';
import type { SessionAction, SessionState } from './session-reducer.js';

const TICK_MS = 15_000;
/** Delay before warming the example sandbox: after the card is on screen, before a reader reaches `r`. */
const PREPARE_EXAMPLES_MS = 500;

export interface ReviewEffects {
  /** When the current card was shown. */
  shownAt: RefObject<number>;
  /** For the end screen: when the next card is due, and how many suggestions wait. */
  nextDue: number | null;
  suggestions: number;
  /** Bumped each time a renderer arrives, so the card is rendered again with it. */
  renderers: number;
}

/**
 * Reads the queue a first frame did without (`unqueued`), once: right after that frame, or before
 * the first key acts if one comes sooner (use-review-input.ts); whichever comes second finds it read.
 */
export function readQueueIfUnread(controller: ReviewController, latest: () => SessionState, dispatch: (action: SessionAction) => void): void {
  if (latest().unqueued && controller.loadQueue) dispatch({ type: 'queued', main: controller.loadQueue(), now: controller.now() });
}

export function useReviewEffects(
  state: SessionState, dispatch: (action: SessionAction) => void, controller: ReviewController, color: boolean, latest: () => SessionState,
): ReviewEffects {
  const shownAt = useRef(controller.now());
  const [nextDue, setNextDue] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState(0);
  const current = state.current;

  // Declared first so it runs first after the first commit, before the effects below.
  useEffect(() => trace('first frame'), []);

  // A first frame with the queue's first card only: the queue is read right after it.
  useEffect(() => {
    if (!state.unqueued || !controller.loadQueue) return undefined;
    const timer = setTimeout(() => readQueueIfUnread(controller, latest, dispatch), 0);
    return () => clearTimeout(timer);
  }, [controller]);

  // The cards the first frame (or the queue read after it) left pending are loaded right after.
  const queueKnown = state.unqueued === undefined;
  useEffect(() => {
    const ids = state.main.filter((c) => c.pending).map((c) => c.id);
    if (!queueKnown || ids.length === 0 || !controller.loadPending) return undefined;
    const timer = setTimeout(() => dispatch({ type: 'loaded', cards: controller.loadPending?.(ids) ?? [] }), 0);
    return () => clearTimeout(timer);
  }, [controller, queueKnown]);

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

  return { shownAt, nextDue, suggestions, renderers };
}

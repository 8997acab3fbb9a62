/**
 * Keys while a prediction is being typed: printable keys (and pastes) go into the prediction,
 * tab starts a new line, backspace erases, enter checks it. Quitting (esc) and scrolling (arrows)
 * still work; letters that are commands elsewhere (q, s, u…) are text here.
 */
import type { SessionAction, SessionState } from './session-reducer.js';

export interface KeyInfo {
  return?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  escape?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/** What a key means while typing: an action, 'submit', or null when the key is not the input's. */
export function predictionKey(state: SessionState, input: string, key: KeyInfo): SessionAction | 'submit' | null {
  const p = state.prediction;
  if (state.phase !== 'question' || !p || p.status !== 'typing' || state.current?.id !== p.cardId) return null;
  if (key.escape || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return null;
  if (key.return) return 'submit';
  if (key.tab) return { type: 'predict-type', text: '\n' };
  if (key.backspace || key.delete) return { type: 'predict-erase' };
  if (key.ctrl || key.meta || input === '') return { type: 'notice', text: null };
  return { type: 'predict-type', text: input };
}

/** Enter on a checked prediction confirms the suggested grade. */
export function confirmedGrade(state: SessionState, key: KeyInfo, input: string) {
  const r = state.prediction?.result;
  if (state.phase !== 'answer' || !r || state.prediction?.cardId !== state.current?.id) return null;
  return key.return || input === ' ' ? r.suggested : null;
}

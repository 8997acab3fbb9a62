/**
 * The review screen's key map: which command a key press means in a given state. Pure (no
 * React, no controller), so every binding is tested without a terminal; the input hook
 * (use-review-input.ts) carries the commands out.
 */
import type { Grade } from '../core/index.js';
import { confirmedGrade } from './prediction-keys.js';
import type { SessionState } from './session-reducer.js';

/** The parts of Ink's key object the map reads. */
export interface KeyPress {
  escape?: boolean;
  return?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
}

export type ReviewCommand =
  | { type: 'toggle-help' }
  | { type: 'quit' }
  | { type: 'undo'; actionId: number }
  | { type: 'notice'; text: string }
  | { type: 'scroll'; to: number }
  | { type: 'reveal' }
  | { type: 'grade'; grade: Grade }
  | { type: 'suspend' }
  | { type: 'bury' }
  | { type: 'run-example' }
  | { type: 'open-source' }
  | { type: 'open-image' }
  | { type: 'flag-pending' }
  | { type: 'flag'; flag: number }
  | { type: 'flag-cancel' };

export const GRADE_BY_KEY: Record<string, Grade> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };

/** What the screen's size allows: the furthest the body scrolls, and one page of it. */
export interface ScrollLimits {
  maxScroll: number;
  page: number;
}

export function reviewCommandFor(state: SessionState, input: string, key: KeyPress, limits: ScrollLimits): ReviewCommand | null {
  const current = state.current;
  if (state.help) {
    return input === '?' || key.escape || input === 'q' ? { type: 'toggle-help' } : null;
  }
  // After `f`, the next key is the flag: 0-4 set it, anything else (esc too) cancels.
  if (state.flagPending) return /^[0-4]$/.test(input) ? { type: 'flag', flag: Number(input) } : { type: 'flag-cancel' };
  if (input === 'q' || key.escape) return { type: 'quit' };
  if (input === '?') return { type: 'toggle-help' };
  if (input === 'u') {
    const last = state.history[state.history.length - 1];
    return last ? { type: 'undo', actionId: last.actionId } : { type: 'notice', text: 'nothing to undo in this session' };
  }
  if (!current) return null;
  const scroll = Math.min(state.scroll, limits.maxScroll);
  const scrollTo = (to: number): ReviewCommand => ({ type: 'scroll', to: Math.min(Math.max(0, to), limits.maxScroll) });
  if (key.upArrow || input === 'k') return scrollTo(scroll - 1);
  if (key.downArrow || input === 'j') return scrollTo(scroll + 1);
  if (key.pageUp) return scrollTo(scroll - limits.page);
  if (key.pageDown) return scrollTo(scroll + limits.page);
  if (state.phase === 'question' && (input === ' ' || key.return)) return { type: 'reveal' };
  // On a checked prediction, enter or space confirms the suggested grade.
  const grade = GRADE_BY_KEY[input] ?? confirmedGrade(state, key, input);
  if (state.phase === 'answer' && grade) return { type: 'grade', grade };
  // One key, one row: letter commands (a key added later goes in its own row).
  if (input === 's') return { type: 'suspend' };
  if (input === 'b') return { type: 'bury' };
  if (input === 'f') return { type: 'flag-pending' };
  if (input === 'r' && state.phase === 'answer') {
    return current.hasExample ? { type: 'run-example' } : { type: 'notice', text: 'this card has no example' };
  }
  if (input === 'i') return { type: 'open-image' };
  if (input === 'o') {
    return current.source ? { type: 'open-source' } : { type: 'notice', text: 'this card was added by hand; it has no source note' };
  }
  return null;
}

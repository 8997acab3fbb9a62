/**
 * The triage session as a pure state machine: the suggestions left to decide on, a cursor,
 * and the decisions of this session for undo. The database is changed outside (the
 * controller); its results come back as actions.
 */
import type { CardStatus } from '../../core/index.js';

export interface TriageItem {
  id: number;
  deck: string;
  kind: string;
  front: string;
  back: string;
  breadcrumb: string[];
  source: { file: string; line: number } | null;
}

export type TriageDecision = 'accept' | 'reject';

export interface TriageStep {
  decision: TriageDecision;
  /** The items decided, each with the position it had in the list, to put them back on undo. */
  items: Array<{ item: TriageItem; position: number }>;
  /** What the database changed: the status each card had before. */
  changed: Array<{ id: number; from: CardStatus }>;
}

export interface TriageState {
  /** Suggestions not decided in this session, in note order. */
  items: TriageItem[];
  /** The item on screen; items before it were skipped. Equal to items.length when done. */
  index: number;
  history: TriageStep[];
  accepted: number;
  rejected: number;
  help: boolean;
  notice: string | null;
}

export type TriageAction =
  | { type: 'decided'; decision: TriageDecision; ids: number[]; changed: TriageStep['changed'] }
  | { type: 'undone' }
  | { type: 'skip' }
  | { type: 'reloaded'; file: string; items: TriageItem[]; notice: string }
  | { type: 'toggle-help' }
  | { type: 'notice'; text: string | null };

export function initialTriage(items: TriageItem[]): TriageState {
  return { items, index: 0, history: [], accepted: 0, rejected: 0, help: false, notice: null };
}

export function currentItem(state: TriageState): TriageItem | null {
  return state.items[state.index] ?? null;
}

export function isDone(state: TriageState): boolean {
  return state.index >= state.items.length;
}

/** Items skipped in this session: still suggestions, waiting for the next triage. */
export function skippedCount(state: TriageState): number {
  return Math.min(state.index, state.items.length);
}

/** The ids "rest of this note" means: the item on screen and the ones after it from the same file. */
export function restOfNote(state: TriageState): number[] {
  const current = currentItem(state);
  if (!current) return [];
  const file = current.source?.file ?? null;
  const ids: number[] = [];
  for (let i = state.index; i < state.items.length; i++) {
    const item = state.items[i]!;
    if ((item.source?.file ?? null) !== file) break;
    ids.push(item.id);
  }
  return ids;
}

export function triageReducer(state: TriageState, action: TriageAction): TriageState {
  switch (action.type) {
    case 'decided': {
      const wanted = new Set(action.ids);
      const decided = state.items.map((item, position) => ({ item, position })).filter(({ item }) => wanted.has(item.id));
      if (decided.length === 0) return state;
      const count = decided.length;
      const step: TriageStep = { decision: action.decision, items: decided, changed: action.changed };
      return {
        ...state,
        items: state.items.filter((item) => !wanted.has(item.id)),
        history: [...state.history, step],
        accepted: state.accepted + (action.decision === 'accept' ? count : 0),
        rejected: state.rejected + (action.decision === 'reject' ? count : 0),
        notice: `${action.decision === 'accept' ? 'accepted' : 'rejected'} ${count} card${count === 1 ? '' : 's'}`,
      };
    }
    case 'undone': {
      const step = state.history[state.history.length - 1];
      if (!step) return { ...state, notice: 'nothing to undo' };
      const items = [...state.items];
      for (const { item, position } of step.items) items.splice(Math.min(position, items.length), 0, item);
      const count = step.items.length;
      return {
        ...state,
        items,
        index: Math.min(step.items[0]!.position, items.length),
        history: state.history.slice(0, -1),
        accepted: state.accepted - (step.decision === 'accept' ? count : 0),
        rejected: state.rejected - (step.decision === 'reject' ? count : 0),
        notice: `undone: ${count} card${count === 1 ? '' : 's'} back to suggestions`,
      };
    }
    case 'skip':
      return isDone(state) ? state : { ...state, index: state.index + 1, notice: null };
    case 'reloaded': {
      // The note was edited and imported again: its suggestions are now these (ids may be new).
      const first = state.items.findIndex((item) => item.source?.file === action.file);
      const others = state.items.filter((item) => item.source?.file !== action.file);
      const at = first === -1 ? Math.min(state.index, others.length) : Math.min(first, others.length);
      const items = [...others.slice(0, at), ...action.items, ...others.slice(at)];
      return { ...state, items, index: Math.min(at, items.length), notice: action.notice };
    }
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'notice':
      return { ...state, notice: action.text };
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/**
 * The card browser's state (`engram browse`): the query line as typed, the list's query (the
 * last one that parsed), the selection and viewport over `total` matching cards, and the one
 * window of rows fetched from SQL around the viewport. Pure: the app fetches what
 * {@link windowToFetch} asks for and dispatches the rows back; nothing here loads the list whole.
 */
import { sanitizeText, type CardState } from '../../core/index.js';

/** One list row: what the columns and the actions need, no card text beyond the sides. */
export interface BrowseRow {
  id: number;
  deck: string;
  state: CardState;
  due: number;
  /** Days between the last review and the due date (0 for new cards). */
  intervalDays: number;
  stability: number;
  front: string;
  back: string;
  flag: number;
  suspended: boolean;
  source: { file: string; line: number } | null;
}

export interface BrowseState {
  /** The query line as typed. */
  input: string;
  focus: 'list' | 'query';
  /** The query the list shows: the last one that parsed. */
  query: string;
  /** Why `input` cannot be read (column is 1-based in `input`); the list keeps the last good query. */
  error: { column: number; message: string } | null;
  /** Cards the list's query selects; null until the first answer. */
  total: number | null;
  /** Index of the selected card in the whole list. */
  selected: number;
  /** Index of the first card in the viewport. */
  top: number;
  /** List rows on screen. */
  rows: number;
  /** The window of rows fetched, starting at list index `offset`. */
  page: { query: string; offset: number; rows: BrowseRow[] };
  /** `f` was pressed: the next key is a flag digit. */
  flagPending: boolean;
  /** `t` was pressed: the tag edits being typed (`+exam -old`), applied with enter; null otherwise. */
  tagInput: string | null;
  help: boolean;
  notice: string | null;
}

export type BrowseAction =
  | { type: 'move'; by: number }
  | { type: 'page'; by: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'resize'; rows: number }
  | { type: 'focus-query' }
  | { type: 'focus-list' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'clear-query' }
  /** Rows of `query`'s list from `offset`, and its total (a new query resets the selection). */
  | { type: 'loaded'; query: string; total: number; offset: number; rows: BrowseRow[] }
  /** `input` does not parse. Ignored when the line changed since. */
  | { type: 'query-error'; input: string; column: number; message: string }
  | { type: 'row-changed'; row: BrowseRow }
  | { type: 'flag-prefix' }
  | { type: 'cancel-prefix' }
  | { type: 'tag-start' }
  | { type: 'tag-type'; text: string }
  | { type: 'tag-erase' }
  | { type: 'tag-cancel' }
  | { type: 'toggle-help' }
  | { type: 'notice'; text: string | null };

/** The longest query line kept (a paste beyond it is cut). */
export const MAX_QUERY_LENGTH = 500;

export function initialBrowse(query = '', rows = 10): BrowseState {
  const input = oneLine(query);
  return {
    input,
    focus: 'list',
    query: input,
    error: null,
    total: null,
    selected: 0,
    top: 0,
    rows: Math.max(1, rows),
    page: { query: input, offset: 0, rows: [] },
    flagPending: false,
    tagInput: null,
    help: false,
    notice: null,
  };
}

function oneLine(text: string): string {
  return sanitizeText(text.replace(/[\r\n\t]+/g, ' ')).slice(0, MAX_QUERY_LENGTH);
}

/** Selection clamped to the list, and the viewport moved just enough to show it. */
function place(state: BrowseState, selected: number): BrowseState {
  const total = state.total ?? 0;
  const sel = total === 0 ? 0 : Math.min(Math.max(0, selected), total - 1);
  let top = state.top;
  if (sel < top) top = sel;
  if (sel >= top + state.rows) top = sel - state.rows + 1;
  top = Math.max(0, Math.min(top, Math.max(0, total - state.rows)));
  return { ...state, selected: sel, top };
}

export function browseReducer(state: BrowseState, action: BrowseAction): BrowseState {
  switch (action.type) {
    case 'move':
      return place({ ...state, notice: null }, state.selected + action.by);
    case 'page':
      return place({ ...state, notice: null, top: Math.max(0, state.top + action.by * state.rows) }, state.selected + action.by * state.rows);
    case 'home':
      return place({ ...state, notice: null }, 0);
    case 'end':
      return place({ ...state, notice: null }, (state.total ?? 0) - 1);
    case 'resize':
      return place({ ...state, rows: Math.max(1, action.rows) }, state.selected);
    case 'focus-query':
      return { ...state, focus: 'query', flagPending: false, notice: null };
    case 'focus-list':
      return { ...state, focus: 'list' };
    case 'type': {
      const input = oneLine(state.input + action.text);
      return input === state.input ? state : { ...state, input };
    }
    case 'erase':
      return state.input === '' ? state : { ...state, input: [...state.input].slice(0, -1).join('') };
    case 'clear-query':
      return state.input === '' ? state : { ...state, input: '' };
    case 'loaded': {
      const base: BrowseState = {
        ...state,
        query: action.query,
        total: action.total,
        error: action.query === state.input ? null : state.error,
        page: { query: action.query, offset: action.offset, rows: action.rows },
        ...(action.query !== state.query ? { selected: 0, top: 0 } : {}),
      };
      return place(base, base.selected);
    }
    case 'query-error':
      if (action.input !== state.input) return state;
      return { ...state, error: { column: action.column, message: action.message } };
    case 'row-changed': {
      const rows = state.page.rows.map((r) => (r.id === action.row.id ? action.row : r));
      return { ...state, page: { ...state.page, rows } };
    }
    case 'flag-prefix':
      return { ...state, flagPending: true, notice: 'flag: 0 none, 1 red, 2 orange, 3 green, 4 blue' };
    case 'cancel-prefix':
      return { ...state, flagPending: false, notice: null };
    case 'tag-start':
      return { ...state, tagInput: '', flagPending: false, notice: null };
    case 'tag-type':
      return state.tagInput === null ? state : { ...state, tagInput: oneLine(state.tagInput + action.text) };
    case 'tag-erase':
      return state.tagInput === null ? state : { ...state, tagInput: [...state.tagInput].slice(0, -1).join('') };
    case 'tag-cancel':
      return { ...state, tagInput: null };
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'notice':
      return { ...state, notice: action.text, flagPending: false, tagInput: null };
    default: {
      const never: never = action;
      return never;
    }
  }
}

/** The row at list index `index`, when it is in the fetched window of the list's query. */
export function rowAt(state: BrowseState, index: number): BrowseRow | null {
  if (state.page.query !== state.query) return null;
  return state.page.rows[index - state.page.offset] ?? null;
}

export function selectedRow(state: BrowseState): BrowseRow | null {
  return rowAt(state, state.selected);
}

/** The rows of the viewport (null where a row is not fetched yet). */
export function visibleRows(state: BrowseState): Array<BrowseRow | null> {
  const end = Math.min(state.total ?? 0, state.top + state.rows);
  const out: Array<BrowseRow | null> = [];
  for (let i = state.top; i < end; i++) out.push(rowAt(state, i));
  return out;
}

/**
 * The window to fetch so the viewport is covered, or null when it already is: the viewport and
 * one screen either side, so moving a page at a time fetches once per page.
 */
export function windowToFetch(state: BrowseState): { query: string; offset: number; limit: number } | null {
  if (state.total === null) return { query: state.query, offset: 0, limit: state.rows * 3 };
  const end = Math.min(state.total, state.top + state.rows);
  const { page } = state;
  const covered = page.query === state.query && state.top >= page.offset && end <= page.offset + page.rows.length;
  if (covered || end <= state.top) return null;
  const offset = Math.max(0, state.top - state.rows);
  return { query: state.query, offset, limit: state.rows * 3 };
}

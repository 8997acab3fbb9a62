/** The browser: binds keys to the controller and the reducer, runs the query (debounced) and fetches windows; rendering is BrowseScreen's. */
import { useApp, useInput, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { trace } from '../../core/index.js';
import { loadMarkdown } from '../render/index.js';
import { useLatestReducer } from '../use-latest-reducer.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { queryProblem, type BrowseController } from './browse-controller.js';
import { browseReducer, selectedRow, windowToFetch, type BrowseState } from './browse-reducer.js';
import { BrowseScreen, browseLayout } from './browse-screen.js';

/** How long the query line waits after the last key before running the query. */
export const QUERY_DEBOUNCE_MS = 150;

export interface BrowseAppProps {
  controller: BrowseController;
  initial: BrowseState;
  color: boolean;
  now: () => number;
  /** The user quit; `review` is the query to study when they pressed enter. */
  onExit?: (result: { review: string | null }) => void;
}

export function BrowseApp({ controller, initial, color, now, onExit }: BrowseAppProps) {
  const { width, height } = useTerminalSize();
  const { listRows } = browseLayout(height);
  const { state, latest, dispatch } = useLatestReducer(browseReducer, { ...initial, rows: listRows });
  const { exit } = useApp();
  const [, setMarkdownReady] = useState(false);

  useEffect(() => trace('first frame'), []);
  useEffect(() => {
    // Cards needing marked-terminal show as plain text until it loads (after the first frame), then render again.
    const timer = setTimeout(() => void loadMarkdown().then(() => setMarkdownReady(true), () => undefined), 0);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (listRows !== latest().rows) dispatch({ type: 'resize', rows: listRows });
  }, [listRows]);

  const fail = (error: unknown) => dispatch({ type: 'notice', text: (error as Error).message });

  // Editing the query line runs it once typing pauses; a bad query keeps the last good list.
  const firstInput = useRef(state.input);
  useEffect(() => {
    if (state.input === firstInput.current && latest().total !== null && latest().error === null && latest().query === state.input) return;
    const input = state.input;
    const timer = setTimeout(() => {
      try {
        const { total, rows } = controller.find(input, 0, latest().rows * 3);
        dispatch({ type: 'loaded', query: input, total, offset: 0, rows });
      } catch (error) {
        const problem = queryProblem(error);
        if (problem) dispatch({ type: 'query-error', input, ...problem });
        else fail(error);
      }
    }, QUERY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [state.input]);

  // The viewport moved past the fetched window: fetch the window around it (SQL LIMIT/OFFSET).
  // It runs again when another answer replaced the page (the opening query's, say, landing in
  // the same render as this window's), but never twice for the same window and page.
  const need = windowToFetch(state);
  const fetched = useRef<{ window: string; page: BrowseState['page'] } | null>(null);
  useEffect(() => {
    if (!need) return;
    const window = `${need.offset}/${need.limit}/${need.query}`;
    if (fetched.current?.window === window && fetched.current.page === state.page) return;
    try {
      const { total, rows } = controller.find(need.query, need.offset, need.limit);
      dispatch({ type: 'loaded', query: need.query, total, offset: need.offset, rows });
    } catch (error) {
      fail(error);
    }
    fetched.current = { window, page: latest().page };
  }, [need?.query, need?.offset, need?.limit, state.page]);

  const quit = (review: string | null) => {
    onExit?.({ review });
    exit();
  };

  const onKey = (input: string, key: Key): void => {
    const s = latest();
    // Keys typed faster than they are read arrive together ("f1"): outside the query line, one at a time.
    if (s.focus === 'list' && !s.help && s.tagInput === null && [...input].length > 1 && !key.ctrl && !key.meta) {
      for (const ch of input) onKey(ch, key);
      return;
    }
    if (s.help) {
      if (input === '?' || input === 'q' || key.escape) dispatch({ type: 'toggle-help' });
      return;
    }
    if (s.focus === 'query') {
      if (key.return || key.escape || key.tab) return dispatch({ type: 'focus-list' });
      if (key.backspace || key.delete) return dispatch({ type: 'erase' });
      if (key.ctrl && input === 'u') return dispatch({ type: 'clear-query' });
      if (key.upArrow || key.downArrow) {
        dispatch({ type: 'focus-list' });
        return dispatch({ type: 'move', by: key.upArrow ? -1 : 1 });
      }
      if (!key.ctrl && !key.meta && input) dispatch({ type: 'type', text: input });
      return;
    }
    if (s.tagInput !== null) {
      if (key.escape) return dispatch({ type: 'tag-cancel' });
      if (key.backspace || key.delete) return dispatch({ type: 'tag-erase' });
      if (key.return) {
        const row = selectedRow(s);
        if (!row) return dispatch({ type: 'tag-cancel' });
        try {
          dispatch({ type: 'row-changed', row: controller.tag(row.id, s.tagInput) });
          dispatch({ type: 'notice', text: `#${row.id}: tags ${s.tagInput.trim()}` });
        } catch (error) {
          fail(error);
        }
        return;
      }
      if (!key.ctrl && !key.meta && input) dispatch({ type: 'tag-type', text: input });
      return;
    }
    if (s.flagPending) {
      const row = selectedRow(s);
      if (row && /^[0-4]$/.test(input)) {
        try {
          dispatch({ type: 'row-changed', row: controller.setFlag(row.id, Number(input)) });
          dispatch({ type: 'notice', text: input === '0' ? `#${row.id}: flag removed` : `#${row.id}: flag ${input}` });
        } catch (error) {
          fail(error);
        }
      } else dispatch({ type: 'cancel-prefix' });
      return;
    }
    if (input === 'q' || key.escape) return quit(null);
    if (input === '?') return dispatch({ type: 'toggle-help' });
    if (input === '/') return dispatch({ type: 'focus-query' });
    if (key.upArrow || input === 'k') return dispatch({ type: 'move', by: -1 });
    if (key.downArrow || input === 'j') return dispatch({ type: 'move', by: 1 });
    if (key.pageUp) return dispatch({ type: 'page', by: -1 });
    if (key.pageDown) return dispatch({ type: 'page', by: 1 });
    if (key.home || input === 'g') return dispatch({ type: 'home' });
    if (key.end || input === 'G') return dispatch({ type: 'end' });
    if (key.return) {
      if (s.total === 0) return dispatch({ type: 'notice', text: 'no cards to review' });
      return quit(s.query);
    }
    const row = selectedRow(s);
    if (!row) return;
    if (input === 's') {
      try {
        const after = controller.toggleSuspend(row.id);
        dispatch({ type: 'row-changed', row: after });
        dispatch({ type: 'notice', text: `#${row.id} ${after.suspended ? 'suspended' : 'unsuspended'}` });
      } catch (error) {
        fail(error);
      }
      return;
    }
    if (input === 'f') return dispatch({ type: 'flag-prefix' });
    if (input === 't') return dispatch({ type: 'tag-start' });
    if (input === 'R') {
      try {
        dispatch({ type: 'row-changed', row: controller.forget(row.id) });
        dispatch({ type: 'notice', text: `#${row.id} forgotten: new again, history kept (engram undo takes it back)` });
      } catch (error) {
        fail(error);
      }
      return;
    }
    if (input === 'e') {
      controller.edit(row.id).then(
        (result) => {
          if (result.row) dispatch({ type: 'row-changed', row: result.row });
          dispatch({ type: 'notice', text: result.message });
        },
        fail,
      );
    }
  };
  useInput(onKey);

  return <BrowseScreen state={state} width={width} height={height} color={color} now={now()} />;
}

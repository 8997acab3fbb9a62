import { describe, expect, it } from 'vitest';
import {
  browseReducer, initialBrowse, selectedRow, visibleRows, windowToFetch, type BrowseAction, type BrowseRow, type BrowseState,
} from '../../src/tui/browse/browse-reducer.js';

function row(id: number): BrowseRow {
  return { id, deck: 'D', state: 'new', due: 0, intervalDays: 0, stability: 0, front: `front ${id}`, back: `back ${id}`, flag: 0, suspended: false, source: null };
}

/** The rows `offset`..`offset+limit` of a list of `total` cards whose ids are index + 1. */
function windowOf(total: number, offset: number, limit: number): BrowseRow[] {
  const out: BrowseRow[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) out.push(row(i + 1));
  return out;
}

/** Acts, then answers every fetch the state asks for from a list of `total` cards, as the app does. */
function run(state: BrowseState, total: number, ...actions: BrowseAction[]): BrowseState {
  let s = state;
  const settle = () => {
    for (let guard = 0; guard < 5; guard++) {
      const need = windowToFetch(s);
      if (!need) return;
      s = browseReducer(s, { type: 'loaded', query: need.query, total, offset: need.offset, rows: windowOf(total, need.offset, need.limit) });
    }
    throw new Error('fetch loop');
  };
  settle();
  for (const a of actions) {
    s = browseReducer(s, a);
    settle();
  }
  return s;
}

describe('browse reducer: navigation', () => {
  it('starts by asking for the first three screens of the query', () => {
    expect(windowToFetch(initialBrowse('deck:ml', 10))).toEqual({ query: 'deck:ml', offset: 0, limit: 30 });
  });

  it('moves the selection and scrolls the viewport just enough to keep it in view', () => {
    let s = run(initialBrowse('', 5), 100, { type: 'move', by: 1 }, { type: 'move', by: 1 });
    expect(s.selected).toBe(2);
    expect(s.top).toBe(0);
    s = run(s, 100, { type: 'move', by: 3 });
    expect(s.selected).toBe(5);
    expect(s.top).toBe(1);
    expect(selectedRow(s)?.id).toBe(6);
    s = run(s, 100, { type: 'move', by: -100 });
    expect([s.selected, s.top]).toEqual([0, 0]);
  });

  it('PgDn and PgUp move a screen; Home and End go to the ends; nothing moves past them', () => {
    let s = run(initialBrowse('', 5), 100, { type: 'page', by: 1 });
    expect([s.selected, s.top]).toEqual([5, 5]);
    s = run(s, 100, { type: 'end' });
    expect([s.selected, s.top]).toEqual([99, 95]);
    expect(selectedRow(s)?.id).toBe(100);
    s = run(s, 100, { type: 'page', by: 1 }, { type: 'move', by: 1 });
    expect(s.selected).toBe(99);
    s = run(s, 100, { type: 'home' });
    expect([s.selected, s.top]).toEqual([0, 0]);
    s = run(s, 100, { type: 'page', by: -1 }, { type: 'move', by: -1 });
    expect(s.selected).toBe(0);
  });

  it('an empty list has no selection and asks for nothing more', () => {
    const s = run(initialBrowse('nothing', 5), 0, { type: 'move', by: 1 }, { type: 'end' });
    expect(s.total).toBe(0);
    expect(selectedRow(s)).toBeNull();
    expect(visibleRows(s)).toEqual([]);
    expect(windowToFetch(s)).toBeNull();
  });

  it('a smaller terminal keeps the selection on screen', () => {
    let s = run(initialBrowse('', 10), 100, { type: 'move', by: 9 });
    s = run(s, 100, { type: 'resize', rows: 4 });
    expect(s.selected).toBe(9);
    expect(s.top).toBe(6);
  });
});

describe('browse reducer: paging windows', () => {
  it('holds only the window around the viewport, never the whole list', () => {
    const s = run(initialBrowse('', 10), 100_000, { type: 'end' });
    expect(s.page.rows.length).toBeLessThanOrEqual(30);
    expect(s.page.offset).toBe(100_000 - 10 - 10);
    expect(visibleRows(s).map((r) => r?.id)).toEqual(windowOf(100_000, 99_990, 10).map((r) => r.id));
  });

  it('fetches again only when the viewport leaves the window, one screen either side', () => {
    let s = run(initialBrowse('', 10), 1000);
    expect(s.page).toMatchObject({ offset: 0 });
    expect(s.page.rows).toHaveLength(30);
    s = browseReducer(s, { type: 'page', by: 1 });
    expect(windowToFetch(s)).toBeNull(); // rows 10-19 are in the window 0-29
    s = browseReducer(s, { type: 'page', by: 1 });
    expect(windowToFetch(s)).toBeNull(); // rows 20-29
    s = browseReducer(s, { type: 'page', by: 1 });
    expect(windowToFetch(s)).toEqual({ query: '', offset: 20, limit: 30 }); // rows 30-39: around them
  });

  it('shows unfetched rows as gaps rather than rows of another window', () => {
    let s = run(initialBrowse('', 10), 1000);
    s = browseReducer(s, { type: 'end' });
    expect(visibleRows(s)).toEqual(Array(10).fill(null));
    expect(selectedRow(s)).toBeNull();
  });

  it('a window of an old query is never shown for the new one', () => {
    let s = run(initialBrowse('a', 5), 50, { type: 'move', by: 3 });
    s = browseReducer(s, { type: 'loaded', query: 'b', total: 7, offset: 0, rows: windowOf(7, 0, 15) });
    expect(s.query).toBe('b');
    expect([s.selected, s.top, s.total]).toEqual([0, 0, 7]);
    // A late answer for the old query's window only replaces the page; rows are looked up by query.
    s = browseReducer(s, { type: 'loaded', query: 'a', total: 50, offset: 0, rows: windowOf(50, 0, 15) });
    expect(s.query).toBe('a');
  });

  it('a changed row (suspended, flagged) is replaced in the window in place', () => {
    let s = run(initialBrowse('', 5), 20, { type: 'move', by: 2 });
    s = browseReducer(s, { type: 'row-changed', row: { ...row(3), flag: 2, suspended: true } });
    expect(selectedRow(s)).toMatchObject({ id: 3, flag: 2, suspended: true });
    expect(s.selected).toBe(2);
  });
});

describe('browse reducer: the query line', () => {
  it('/ focuses the line; typing and erasing change the input, not the list, until a result comes', () => {
    let s = run(initialBrowse('', 5), 20);
    s = browseReducer(s, { type: 'focus-query' });
    expect(s.focus).toBe('query');
    for (const ch of 'deck:x') s = browseReducer(s, { type: 'type', text: ch });
    s = browseReducer(s, { type: 'erase' });
    expect(s.input).toBe('deck:');
    expect(s.query).toBe('');
    s = browseReducer(s, { type: 'clear-query' });
    expect(s.input).toBe('');
    s = browseReducer(s, { type: 'focus-list' });
    expect(s.focus).toBe('list');
  });

  it('typed control characters and line breaks never reach the line, and its length is capped', () => {
    let s = browseReducer(initialBrowse(), { type: 'type', text: 'a\x1b[31mb\nc\x07' });
    expect(s.input).toBe('ab c');
    s = browseReducer(s, { type: 'type', text: 'x'.repeat(1000) });
    expect(s.input.length).toBe(500);
  });

  it('a bad query shows its error and keeps the last good list; a good one clears it and starts at the top', () => {
    let s = run(initialBrowse('', 5), 40, { type: 'move', by: 7 });
    s = browseReducer(s, { type: 'type', text: 'is:foo' });
    s = browseReducer(s, { type: 'query-error', input: 'is:foo', column: 1, message: 'unknown is:foo' });
    expect(s.error).toEqual({ column: 1, message: 'unknown is:foo' });
    expect(s.query).toBe('');
    expect(s.selected).toBe(7);
    expect(selectedRow(s)?.id).toBe(8);
    s = browseReducer(s, { type: 'erase' });
    s = browseReducer(s, { type: 'erase' });
    s = browseReducer(s, { type: 'erase' });
    s = browseReducer(s, { type: 'type', text: 'new' });
    s = browseReducer(s, { type: 'loaded', query: 'is:new', total: 3, offset: 0, rows: windowOf(3, 0, 15) });
    expect(s.error).toBeNull();
    expect([s.query, s.selected, s.total]).toEqual(['is:new', 0, 3]);
  });

  it('an error for a line that has changed since is ignored', () => {
    let s = browseReducer(initialBrowse(), { type: 'type', text: 'is:fo' });
    s = browseReducer(s, { type: 'type', text: 'o' });
    s = browseReducer(s, { type: 'query-error', input: 'is:fo', column: 1, message: 'unknown is:fo' });
    expect(s.error).toBeNull();
  });
});

describe('browse reducer: prefixes, help, notices', () => {
  it('f waits for a digit; a notice or cancel ends the wait', () => {
    let s = browseReducer(initialBrowse(), { type: 'flag-prefix' });
    expect(s.flagPending).toBe(true);
    s = browseReducer(s, { type: 'cancel-prefix' });
    expect(s.flagPending).toBe(false);
    s = browseReducer(browseReducer(s, { type: 'flag-prefix' }), { type: 'notice', text: '#1: flag 2' });
    expect([s.flagPending, s.notice]).toEqual([false, '#1: flag 2']);
  });

  it('? toggles the help', () => {
    const s = browseReducer(initialBrowse(), { type: 'toggle-help' });
    expect(s.help).toBe(true);
    expect(browseReducer(s, { type: 'toggle-help' }).help).toBe(false);
  });
});

describe('the browser tag line', () => {
  it('reads +tag and bare words as additions, -tag as removals, and refuses an empty edit', async () => {
    const { parseTagEdits } = await import('../../src/tui/browse/browse-controller.js');
    expect(parseTagEdits('+exam -old draft')).toEqual({ add: ['exam', 'draft'], remove: ['old'] });
    expect(() => parseTagEdits('   ')).toThrow(/no tag edits/);
    expect(() => parseTagEdits('+ -x')).toThrow(/\+TAG or -TAG/);
  });

  it('t opens it, typing and backspace edit it on one line, a notice or esc closes it', () => {
    let s = browseReducer(initialBrowse(''), { type: 'tag-start' });
    expect(s.tagInput).toBe('');
    s = browseReducer(s, { type: 'tag-type', text: '+ab\nc' });
    s = browseReducer(s, { type: 'tag-erase' });
    expect(s.tagInput).toBe('+ab ');
    expect(browseReducer(s, { type: 'tag-cancel' }).tagInput).toBeNull();
    expect(browseReducer(s, { type: 'notice', text: 'done' })).toMatchObject({ tagInput: null, notice: 'done' });
  });
});

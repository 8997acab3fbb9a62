/** The bridge from `engram browse` to Ink: the controller over a Collection, the browser full-screen. */
import { createElement } from 'react';
import { now, trace } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { colorEnabled } from '../../present/color.js';
import { runFullScreen } from '../full-screen.js';
import { BrowseApp } from './browse-app.js';
import { createBrowseController, type TerminalHooks } from './browse-controller.js';
import { browseReducer, initialBrowse } from './browse-reducer.js';
import { browseLayout } from './browse-screen.js';

/** Hands the terminal to a foreground editor and takes it back (alternate screen, raw mode). */
const terminalHooks: TerminalHooks = {
  suspend() {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    process.stdout.write('\x1b[?1049l');
  },
  resume() {
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
    process.stdout.write('\x1b[?1049h\x1b[2J\x1b[H');
  },
};

/** Runs the browser until the user quits; `review` is the query to study when they pressed enter. */
export async function runBrowse(col: Collection, query = ''): Promise<{ review: string | null }> {
  let result: { review: string | null } = { review: null };
  const controller = createBrowseController(col, terminalHooks);
  // The first window is fetched before the first render, so the first frame already shows rows.
  const { listRows } = browseLayout(process.stdout.rows || 24);
  const empty = initialBrowse(query, listRows);
  const first = controller.find(empty.query, 0, listRows * 3);
  trace('first window fetched');
  const initial = browseReducer(empty, { type: 'loaded', query: empty.query, total: first.total, offset: 0, rows: first.rows });
  await runFullScreen(createElement(BrowseApp, {
    controller,
    initial,
    color: colorEnabled(),
    now,
    onExit: (r: { review: string | null }) => {
      result = r;
    },
  }));
  return result;
}

/** The bridge from `engram browse` to Ink: the controller over a Collection, the browser full-screen. */
import { createElement } from 'react';
import { now } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { colorEnabled } from '../../present/color.js';
import { runFullScreen } from '../full-screen.js';
import { BrowseApp } from './browse-app.js';
import { createBrowseController, type TerminalHooks } from './browse-controller.js';
import { initialBrowse } from './browse-reducer.js';

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
  await runFullScreen(createElement(BrowseApp, {
    controller: createBrowseController(col, terminalHooks),
    initial: initialBrowse(query),
    color: colorEnabled(),
    now,
    onExit: (r: { review: string | null }) => {
      result = r;
    },
  }));
  return result;
}

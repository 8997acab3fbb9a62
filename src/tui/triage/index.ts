/** The bridge from `engram triage` to Ink: the controller over a Collection, the screen full-screen. */
import { createElement } from 'react';
import type { Collection } from '../../collection/index.js';
import { colorEnabled } from '../../present/color.js';
import { runFullScreen } from '../full-screen.js';
import { TriageApp } from './triage-app.js';
import { createTriageController, triageItems } from './triage-controller.js';
import { initialTriage, type TriageState } from './triage-reducer.js';

export { createTriageController, triageItems } from './triage-controller.js';

/** Runs triage until the user quits; returns the final state for the summary line. */
export async function runTriage(col: Collection, deck?: string): Promise<TriageState> {
  const initial = initialTriage(triageItems(col, deck));
  let final = initial;
  // Full-screen editors leave the alternate screen when they exit, which also ends ours:
  // enter it again and clear it so triage redraws where it was.
  const redraw = () => void process.stdout.write('\x1b[?1049h\x1b[2J\x1b[H');
  await runFullScreen(createElement(TriageApp, {
    controller: createTriageController(col, deck, { redraw }),
    initial,
    color: colorEnabled(),
    onExit: (state: TriageState) => {
      final = state;
    },
  }));
  return final;
}

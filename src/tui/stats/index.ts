/** Draws `engram stats` in a terminal with Ink; the lines come from the same layout as plain text. */
import { render } from 'ink';
import { createElement } from 'react';
import { statsLines, type StatsView as StatsData } from '../../present/stats/lines.js';
import { StatsView } from './stats-view.js';

export async function runStatsView(stats: StatsData, color: boolean): Promise<void> {
  const app = render(createElement(StatsView, { lines: statsLines(stats), color, exitAfterDraw: true }), { patchConsole: false });
  await app.waitUntilExit();
}

import { render } from 'ink';
import type { ReactElement } from 'react';

/** Renders an Ink app on the alternate screen until it exits, so the user's scrollback stays clean, like less or vim. */
export async function runFullScreen(element: ReactElement): Promise<void> {
  process.stdout.write('\x1b[?1049h\x1b[H');
  try {
    const app = render(element, { exitOnCtrlC: true, patchConsole: false });
    await app.waitUntilExit();
  } finally {
    process.stdout.write('\x1b[?1049l');
  }
}

import { render } from 'ink';
import type { ReactElement } from 'react';

/** Renders an Ink app on the alternate screen until it exits, so the user's scrollback stays clean, like less or vim. */
export async function runFullScreen(element: ReactElement, options: { stdout?: NodeJS.WriteStream; beforeLeaving?: () => void } = {}): Promise<void> {
  process.stdout.write('\x1b[?1049h\x1b[H');
  try {
    const app = render(element, { exitOnCtrlC: true, patchConsole: false, ...(options.stdout ? { stdout: options.stdout } : {}) });
    await app.waitUntilExit();
  } finally {
    options.beforeLeaving?.();
    process.stdout.write('\x1b[?1049l');
  }
}

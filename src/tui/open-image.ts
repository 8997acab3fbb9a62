/**
 * The review's `i` key: opens a card's picture in the system's viewer (`open` on macOS,
 * `xdg-open` elsewhere). The program gets the file as its one argument, never through a shell,
 * and only a regular file that still resolves inside the folder it was found in (the imported
 * vault or the media folder) is handed over; the path is absolute, so it is never an option.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from '../collection/card-images.js';
import { sanitizeText } from '../present/sanitize.js';

export interface OpenableImage {
  name: string;
  file: string | null;
  root: string | null;
  problem?: string;
}

/** What `spawn` returns that the opener uses. */
export interface Spawned {
  on(event: 'error', listener: (error: Error) => void): unknown;
  unref(): void;
}
export type Spawner = (command: string, args: readonly string[], options: SpawnOptions) => Spawned;

/** The viewer command for a platform. */
export function viewerCommand(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'open' : 'xdg-open';
}

/** The program's path when `command` is an executable file in one of PATH's folders, else null. */
export function onPath(command: string, pathVar: string = process.env['PATH'] ?? ''): string | null {
  for (const dir of pathVar.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Opens the picture without waiting for the viewer; the message is for the review's notice line. */
export function openImage(
  image: OpenableImage, spawner: Spawner = spawn, platform: NodeJS.Platform = process.platform, find: (command: string) => string | null = onPath,
): { ok: boolean; message: string } {
  const name = sanitizeText(image.name);
  if (!image.file || !image.root) return { ok: false, message: `cannot open ${name}: ${sanitizeText(image.problem ?? 'no file')}` };
  let real: string;
  try {
    real = fs.realpathSync(image.file);
    if (!path.isAbsolute(real) || !isInside(real, image.root) || !fs.statSync(real).isFile()) throw new Error('outside');
  } catch {
    return { ok: false, message: `cannot open ${name}: not a file inside the imported folder` };
  }
  const command = viewerCommand(platform);
  // spawn reports a missing program only later, after the notice would have said "opened".
  if (!find(command)) return { ok: false, message: `cannot open ${name}: ${command} is not installed (the picture is ${sanitizeText(real)})` };
  try {
    const child = spawner(command, [real], { detached: true, stdio: 'ignore', shell: false });
    // A missing viewer reports asynchronously; it must not crash the review.
    child.on('error', () => {});
    child.unref();
  } catch (error) {
    return { ok: false, message: `could not start ${command}: ${(error as Error).message}` };
  }
  return { ok: true, message: `opened ${name} with ${command}` };
}

/**
 * Draws pictures over the rows Ink left blank for them. Ink owns the screen's text and rewrites
 * it on every frame, so the pictures are written after each of its writes: Ink is handed a
 * stream that passes every write through and then (once per tick, after Ink's synchronized
 * update has ended) saves the cursor, moves to each picture's row, writes its escape sequence
 * and restores the cursor, so Ink's own idea of the cursor never changes. This is what
 * ink-picture does with a measured box; here the rows are known from the review layout.
 * kitty's pictures are sent once (by id) and placed again each frame; iTerm2 and sixel
 * pictures are cells of the screen and are written again whenever Ink has redrawn.
 */
import {
  RESTORE_CURSOR, SAVE_CURSOR, cursorTo, itermImage, kittyClearPlacements, kittyDeleteAll, kittyPlace, kittyTransmit, sixelImage,
  type CellBox, type GraphicsProtocol,
} from '../present/terminal-graphics.js';
import type { ImagePlacement } from './render/images.js';

export type ScreenImage = ImagePlacement & { row: number };

/** The part of a write stream the overlay uses. */
export interface Writable {
  write(chunk: string): boolean;
}

/** The escape sequences that draw `images` (the pure half of the overlay; ids for kitty from `kittyIds`). */
export function overlaySequence(protocol: GraphicsProtocol, images: readonly ScreenImage[], cache: OverlayCache, clearFirst: boolean): string {
  if (protocol === 'none' || (images.length === 0 && !clearFirst)) return '';
  let out = SAVE_CURSOR;
  if (protocol === 'kitty' && clearFirst) out += kittyClearPlacements();
  for (const image of images) {
    const at = cursorTo(image.row, 0);
    if (protocol === 'kitty') {
      let id = cache.kittyIds.get(image.key);
      if (id === undefined) {
        id = cache.kittyIds.size + 1;
        cache.kittyIds.set(image.key, id);
        out += kittyTransmit(image.bytes, id);
      }
      out += at + kittyPlace(id, image.box);
    } else {
      const key = `${image.key}\u0000${image.box.cols}x${image.box.rows}`;
      let sequence = cache.sequences.get(key);
      if (sequence === undefined) {
        sequence = protocol === 'iterm' ? itermImage(image.bytes, image.box, image.name) : sixelImage(image.bytes, image.box) ?? '';
        cache.sequences.set(key, sequence);
      }
      out += at + sequence;
    }
  }
  return out + RESTORE_CURSOR;
}

export interface OverlayCache {
  kittyIds: Map<string, number>;
  sequences: Map<string, string>;
}

export class GraphicsOverlay {
  private images: readonly ScreenImage[] = [];
  private drewAny = false;
  private pending = false;
  private readonly cache: OverlayCache = { kittyIds: new Map(), sequences: new Map() };
  /** The stream to give Ink: the real one, with pictures drawn after each of Ink's writes. */
  readonly stream: NodeJS.WriteStream;
  readonly protocol: GraphicsProtocol;
  private readonly out: NodeJS.WriteStream;
  private readonly defer: (fn: () => void) => void;

  constructor(out: NodeJS.WriteStream, protocol: GraphicsProtocol, defer: (fn: () => void) => void = setImmediate) {
    this.out = out;
    this.protocol = protocol;
    this.defer = defer;
    const write = (chunk: unknown, ...rest: unknown[]): boolean => {
      const ok = (out.write as (...args: unknown[]) => boolean)(chunk, ...rest);
      this.schedule();
      return ok;
    };
    this.stream = new Proxy(out, {
      get(target, prop) {
        if (prop === 'write') return write;
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** The pictures on screen now (screen rows known); drawn after the next frame, or at once. */
  show(images: readonly ScreenImage[]): void {
    this.images = images;
    this.schedule();
  }

  /** Takes kitty's pictures off the screen and frees them (before leaving the review). */
  dispose(): void {
    this.images = [];
    if (this.protocol === 'kitty') this.out.write(kittyDeleteAll());
  }

  private schedule(): void {
    if (this.pending || this.protocol === 'none' || (this.images.length === 0 && !this.drewAny)) return;
    this.pending = true;
    this.defer(() => {
      this.pending = false;
      const sequence = overlaySequence(this.protocol, this.images, this.cache, this.drewAny);
      this.drewAny = this.images.length > 0;
      if (sequence) this.out.write(sequence);
    });
  }
}

export type { CellBox };

/**
 * A card's pictures in the review body. Each picture is a one-line caption with its file name
 * (sanitised, cut to the width), and when the terminal can draw it, the rows the picture will
 * cover are left blank below the caption: Ink lays out and diffs only text, so the picture is
 * written over those reserved rows after Ink's frame (graphics-overlay.ts), and the layout never
 * moves. Without graphics (or for a picture that cannot be drawn) the caption is all there is.
 * Pure.
 */
import { canDraw, cellBox, imageInfo, type CellBox, type GraphicsProtocol, type ImageFormat } from '../../present/terminal-graphics.js';
import { sanitizeText } from '../../present/sanitize.js';
import { wrapAnsi } from './text-width.js';

/** A picture as the screen needs it (see collection/card-images.ts LoadedImage). */
export interface ShownImage {
  name: string;
  side: 'front' | 'back';
  file: string | null;
  problem?: string;
  bytes: Uint8Array | null;
}

/** Where a drawn picture sits in the body: its first reserved line, and its size in cells. */
export interface ImagePlacement {
  /** Body line of the picture's first reserved row. */
  line: number;
  box: CellBox;
  key: string;
  name: string;
  format: ImageFormat;
  bytes: Uint8Array;
}

export interface PictureOptions {
  protocol: GraphicsProtocol;
  /** Rows a picture may take at most (keep it well under the body's height). */
  maxRows: number;
  /** Columns a picture may take at most. */
  maxCols: number;
}

/** The most rows a picture takes, whatever the terminal's height. */
export const MAX_IMAGE_ROWS = 16;
export const MAX_IMAGE_COLS = 80;

/** The caption shown for a picture: its name, and why it is not drawn when that is worth saying. */
export function imageCaption(image: Pick<ShownImage, 'name' | 'file' | 'problem'>, drawn: boolean, width: number): string {
  const name = sanitizeText(image.name).replace(/\s+/g, ' ').trim() || 'picture';
  const note = image.problem ? ` (${sanitizeText(image.problem)})` : drawn ? '' : image.file ? ' (i: open)' : '';
  const text = `[image: ${name}]${note}`;
  return wrapAnsi(text, Math.max(10, width), { mode: 'hard' })[0] ?? text;
}

/**
 * The lines for one picture, starting at body line `at`: the caption, then (when drawn) as many
 * blank rows as the picture covers. The placement says where to draw it.
 */
export function imageBlock(image: ShownImage, at: number, width: number, options: PictureOptions): { lines: string[]; placement: ImagePlacement | null } {
  const info = image.bytes ? imageInfo(image.bytes) : null;
  const drawable = info !== null && image.bytes !== null && canDraw(options.protocol, info.format);
  const caption = imageCaption(image, drawable, width);
  if (!drawable || !info || !image.bytes) return { lines: [caption], placement: null };
  const box = cellBox(info, { cols: Math.max(1, Math.min(width, options.maxCols, MAX_IMAGE_COLS)), rows: Math.max(1, Math.min(options.maxRows, MAX_IMAGE_ROWS)) });
  const lines = [caption, ...Array.from({ length: box.rows }, () => '')];
  return { lines, placement: { line: at + 1, box, key: image.file ?? image.name, name: image.name, format: info.format, bytes: image.bytes } };
}

/** The window of the body that is on screen, as review-screen.tsx draws it. */
export interface BodyWindow {
  scroll: number;
  /** Rows of the body (bodyHeightFor). */
  bodyHeight: number;
  bodyLength: number;
  /** Screen row (0-based) of the body's first visible line. */
  top: number;
}

/** The pictures wholly inside the visible window, with their screen rows; the rest stay captions. */
export function visiblePlacements(placements: readonly ImagePlacement[], window: BodyWindow): Array<ImagePlacement & { row: number }> {
  const overflow = window.bodyLength > window.bodyHeight;
  const shown = overflow ? window.bodyHeight - 1 : window.bodyHeight;
  const maxScroll = overflow ? window.bodyLength - (window.bodyHeight - 1) : 0;
  const scroll = Math.max(0, Math.min(window.scroll, maxScroll));
  return placements
    .filter((p) => p.line >= scroll && p.line + p.box.rows <= scroll + shown)
    .map((p) => ({ ...p, row: window.top + (p.line - scroll) }));
}

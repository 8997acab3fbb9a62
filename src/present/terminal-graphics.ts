/**
 * Pictures in the terminal: which graphics protocol the terminal speaks (kitty's graphics
 * protocol, iTerm2's inline images, sixel, or none), the size a picture gets in character
 * cells, and the escape sequences that draw it. Pure: the environment and the bytes come in as
 * arguments, strings come out. The file's bytes are never trusted: only PNG, JPEG and GIF
 * headers are read for the size, and a picture whose size cannot be read is not drawn.
 */
import { pngToSixel } from './sixel.js';

export type GraphicsProtocol = 'kitty' | 'iterm' | 'sixel' | 'none';

/** The setting that forces a protocol (or none): the `ENGRAM_IMAGES` environment variable. */
export const GRAPHICS_SETTING = 'ENGRAM_IMAGES';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The protocol to draw pictures with. `ENGRAM_IMAGES=off` (or `none`, `0`, `false`) turns
 * pictures off; `kitty`, `iterm` or `sixel` forces one; anything else (or unset, `auto`)
 * detects it from what terminals announce about themselves: kitty (`KITTY_WINDOW_ID`,
 * `TERM=xterm-kitty`) and Ghostty speak kitty's protocol; iTerm2 (`TERM_PROGRAM=iTerm.app`,
 * `ITERM_SESSION_ID`, `LC_TERMINAL=iTerm2`) and WezTerm iTerm2's; foot, mlterm, contour and
 * yaft sixel. Inside tmux or screen nothing is drawn (they do not pass the sequences on
 * unless told to), and neither without a terminal.
 */
export function detectGraphics(env: Env, isTTY = true): GraphicsProtocol {
  const setting = (env[GRAPHICS_SETTING] ?? '').trim().toLowerCase();
  if (/^(off|none|no|0|false|text)$/.test(setting)) return 'none';
  if (setting === 'kitty') return 'kitty';
  if (setting === 'iterm' || setting === 'iterm2') return 'iterm';
  if (setting === 'sixel') return 'sixel';
  if (!isTTY) return 'none';
  const term = (env['TERM'] ?? '').toLowerCase();
  const program = (env['TERM_PROGRAM'] ?? '').toLowerCase();
  if (env['TMUX'] || /^(screen|tmux)/.test(term)) return 'none';
  if (env['KITTY_WINDOW_ID'] || term === 'xterm-kitty' || program === 'ghostty' || term === 'xterm-ghostty') return 'kitty';
  if (program === 'iterm.app' || env['ITERM_SESSION_ID'] || (env['LC_TERMINAL'] ?? '').toLowerCase() === 'iterm2' || program === 'wezterm') return 'iterm';
  if (/^(foot|mlterm|contour|yaft)/.test(term)) return 'sixel';
  return 'none';
}

export type ImageFormat = 'png' | 'jpeg' | 'gif';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

/** Format and pixel size from the file's first bytes, or null when it is none of PNG, JPEG, GIF (or damaged). */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const u16be = (i: number) => ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  const u32be = (i: number) => ((u16be(i) << 16) >>> 0) + u16be(i + 2);
  const ok = (info: ImageInfo): ImageInfo | null =>
    info.width > 0 && info.height > 0 && info.width <= 65535 && info.height <= 65535 ? info : null;
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR') {
    return ok({ format: 'png', width: u32be(16), height: u32be(20) });
  }
  if (bytes.length >= 10 && String.fromCharCode(...bytes.subarray(0, 4)) === 'GIF8') {
    return ok({ format: 'gif', width: (bytes[6] ?? 0) | ((bytes[7] ?? 0) << 8), height: (bytes[8] ?? 0) | ((bytes[9] ?? 0) << 8) });
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC).
    let i = 2;
    for (let guard = 0; guard < 1000 && i + 9 < bytes.length; guard++) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      if (marker === 0xff) { i++; continue; }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
      const length = u16be(i + 2);
      if (length < 2) return null;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return ok({ format: 'jpeg', width: u16be(i + 7), height: u16be(i + 5) });
      }
      i += 2 + length;
    }
  }
  return null;
}

export interface CellBox {
  cols: number;
  rows: number;
}

/** A character cell is about twice as tall as wide, ~8×16 pixels: the picture's natural size in cells. */
const CELL_WIDTH_PX = 8;
const CELL_HEIGHT_PX = 16;

/**
 * The cells a picture takes: its natural size, shrunk (never grown) to fit `max`, keeping its
 * aspect ratio for a cell twice as tall as wide; at least 1×1.
 */
export function cellBox(info: Pick<ImageInfo, 'width' | 'height'>, max: CellBox): CellBox {
  const natural = { cols: info.width / CELL_WIDTH_PX, rows: info.height / CELL_HEIGHT_PX };
  const scale = Math.min(1, max.cols / natural.cols, max.rows / natural.rows);
  return {
    cols: Math.max(1, Math.min(max.cols, Math.round(natural.cols * scale))),
    rows: Math.max(1, Math.min(max.rows, Math.round(natural.rows * scale))),
  };
}

const ESC = '\x1b';
const ST = `${ESC}\\`;
const KITTY_CHUNK = 4096;

/**
 * kitty: transmit the PNG under `id` (sent once, in chunks of 4096 base64 characters as the
 * protocol asks; `q=2` keeps the terminal from answering into our input).
 */
export function kittyTransmit(png: Uint8Array, id: number): string {
  const data = Buffer.from(png).toString('base64');
  const parts: string[] = [];
  for (let at = 0; at < data.length || at === 0; at += KITTY_CHUNK) {
    const chunk = data.slice(at, at + KITTY_CHUNK);
    const more = at + KITTY_CHUNK < data.length ? 1 : 0;
    const keys = at === 0 ? `a=t,f=100,t=d,i=${id},q=2,m=${more}` : `m=${more}`;
    parts.push(`${ESC}_G${keys};${chunk}${ST}`);
    if (data.length === 0) break;
  }
  return parts.join('');
}

/** kitty: show image `id` at the cursor over `box` cells, without moving the cursor (C=1). */
export function kittyPlace(id: number, box: CellBox): string {
  return `${ESC}_Ga=p,i=${id},c=${box.cols},r=${box.rows},C=1,q=2${ST}`;
}

/** kitty: take every picture off the screen (placements only; transmitted data stays for reuse). */
export function kittyClearPlacements(): string {
  return `${ESC}_Ga=d,d=a,q=2${ST}`;
}

/** kitty: take every picture off the screen and free its data (on leaving). */
export function kittyDeleteAll(): string {
  return `${ESC}_Ga=d,d=A,q=2${ST}`;
}

/** iTerm2: the picture inline at the cursor over `box` cells (OSC 1337 File=…). */
export function itermImage(bytes: Uint8Array, box: CellBox, name: string): string {
  const safeName = Buffer.from(name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')).toString('base64');
  const args = `name=${safeName};size=${bytes.length};width=${box.cols};height=${box.rows};preserveAspectRatio=1;inline=1`;
  return `${ESC}]1337;File=${args}:${Buffer.from(bytes).toString('base64')}\x07`;
}

/** Sixel for a PNG, scaled to `box` (8×16 pixels a cell); null when it cannot be decoded (see sixel.ts). */
export function sixelImage(bytes: Uint8Array, box: CellBox): string | null {
  return pngToSixel(bytes, box.cols * CELL_WIDTH_PX, box.rows * CELL_HEIGHT_PX);
}

/** Whether `protocol` can draw a picture of this format (sixel needs decoding, and only PNG is decoded). */
export function canDraw(protocol: GraphicsProtocol, format: ImageFormat): boolean {
  if (protocol === 'none') return false;
  // kitty's protocol takes PNG as it is (f=100); other formats would need decoding.
  if (protocol === 'kitty' || protocol === 'sixel') return format === 'png';
  return true;
}

/** Cursor to a 0-based screen row and column. */
export function cursorTo(row: number, col: number): string {
  return `${ESC}[${row + 1};${col + 1}H`;
}

export const SAVE_CURSOR = `${ESC}7`;
export const RESTORE_CURSOR = `${ESC}8`;

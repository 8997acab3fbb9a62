/**
 * Pictures in the terminal, the pure parts: which protocol a terminal gets, the sizes read from
 * the file's header, the cells a picture takes, and the escape sequences of each protocol.
 * The rules come from the protocols' own documents: kitty's graphics protocol
 * (sw.kovidgoyal.net/kitty/graphics-protocol: `ESC _G keys ; base64 ESC \`, chunks of 4096,
 * m=1 on all but the last, a=t transmit / a=p place, C=1 keeps the cursor, q=2 no replies),
 * iTerm2's inline images (iterm2.com/documentation-images: `ESC ] 1337 ; File = args : base64 BEL`)
 * and DEC sixel (`ESC P q`, `#n;2;r;g;b` colours in percent, `$` back, `-` next band, `!n` runs).
 */
import { describe, expect, it } from 'vitest';
import {
  canDraw, cellBox, detectGraphics, imageInfo, itermImage, kittyClearPlacements, kittyPlace, kittyTransmit, sixelImage,
} from '../../src/present/terminal-graphics.js';
import { decodePng, encodeSixel } from '../../src/present/sixel.js';
import { overlaySequence, GraphicsOverlay, type ScreenImage } from '../../src/tui/graphics-overlay.js';
import { imageBlock, imageCaption, visiblePlacements } from '../../src/tui/render/images.js';
import { jpegHeader, makePng } from '../helpers/png.js';

describe('detectGraphics', () => {
  it('finds kitty, iTerm2 and sixel terminals from what they announce', () => {
    expect(detectGraphics({ KITTY_WINDOW_ID: '1', TERM: 'xterm-kitty' })).toBe('kitty');
    expect(detectGraphics({ TERM: 'xterm-kitty' })).toBe('kitty');
    expect(detectGraphics({ TERM_PROGRAM: 'ghostty' })).toBe('kitty');
    expect(detectGraphics({ TERM_PROGRAM: 'iTerm.app' })).toBe('iterm');
    expect(detectGraphics({ ITERM_SESSION_ID: 'w0t0p0:ABC' })).toBe('iterm');
    expect(detectGraphics({ LC_TERMINAL: 'iTerm2' })).toBe('iterm');
    expect(detectGraphics({ TERM_PROGRAM: 'WezTerm' })).toBe('iterm');
    expect(detectGraphics({ TERM: 'foot' })).toBe('sixel');
    expect(detectGraphics({ TERM: 'mlterm' })).toBe('sixel');
  });

  it('draws nothing in an unknown terminal, inside tmux or screen, or without a terminal', () => {
    expect(detectGraphics({ TERM: 'xterm-256color' })).toBe('none');
    expect(detectGraphics({})).toBe('none');
    expect(detectGraphics({ KITTY_WINDOW_ID: '1', TMUX: '/tmp/tmux-1000/default,1,0' })).toBe('none');
    expect(detectGraphics({ TERM: 'screen-256color', TERM_PROGRAM: 'iTerm.app' })).toBe('none');
    expect(detectGraphics({ KITTY_WINDOW_ID: '1' }, false)).toBe('none');
  });

  it('ENGRAM_IMAGES turns pictures off or forces a protocol', () => {
    for (const off of ['off', 'none', '0', 'false', 'OFF']) expect(detectGraphics({ ENGRAM_IMAGES: off, KITTY_WINDOW_ID: '1' })).toBe('none');
    expect(detectGraphics({ ENGRAM_IMAGES: 'kitty', TMUX: 'x' })).toBe('kitty');
    expect(detectGraphics({ ENGRAM_IMAGES: 'iterm2' })).toBe('iterm');
    expect(detectGraphics({ ENGRAM_IMAGES: 'sixel' }, false)).toBe('sixel');
    expect(detectGraphics({ ENGRAM_IMAGES: 'auto', TERM_PROGRAM: 'iTerm.app' })).toBe('iterm');
  });
});

describe('imageInfo and cellBox', () => {
  it('reads the size of PNG, JPEG and GIF files and refuses anything else', () => {
    expect(imageInfo(makePng(160, 80, () => [0, 0, 0]))).toEqual({ format: 'png', width: 160, height: 80 });
    expect(imageInfo(jpegHeader(640, 480))).toEqual({ format: 'jpeg', width: 640, height: 480 });
    const gif = Buffer.from([...Buffer.from('GIF89a'), 0x20, 0x01, 0x10, 0x00, 0, 0, 0]);
    expect(imageInfo(gif)).toEqual({ format: 'gif', width: 288, height: 16 });
    expect(imageInfo(Buffer.from('root:x:0:0:root:/root:/bin/bash\n'))).toBeNull();
    expect(imageInfo(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
    expect(imageInfo(makePng(1, 1, () => [0, 0, 0]).subarray(0, 20))).toBeNull();
  });

  it('keeps the natural size in 8x16-pixel cells, shrinks to the box keeping the aspect ratio, never grows', () => {
    expect(cellBox({ width: 160, height: 80 }, { cols: 60, rows: 12 })).toEqual({ cols: 20, rows: 5 });
    expect(cellBox({ width: 1600, height: 800 }, { cols: 60, rows: 12 })).toEqual({ cols: 48, rows: 12 });
    expect(cellBox({ width: 1600, height: 100 }, { cols: 60, rows: 12 })).toEqual({ cols: 60, rows: 2 });
    expect(cellBox({ width: 800, height: 1600 }, { cols: 60, rows: 12 })).toEqual({ cols: 12, rows: 12 });
    expect(cellBox({ width: 2, height: 2 }, { cols: 60, rows: 12 })).toEqual({ cols: 1, rows: 1 });
  });

  it('kitty and sixel draw PNG only (kitty takes it as it is, sixel is decoded); iTerm2 takes any format', () => {
    expect(canDraw('kitty', 'png')).toBe(true);
    expect(canDraw('kitty', 'jpeg')).toBe(false);
    expect(canDraw('iterm', 'jpeg')).toBe(true);
    expect(canDraw('sixel', 'gif')).toBe(false);
    expect(canDraw('none', 'png')).toBe(false);
  });
});

describe('escape sequences', () => {
  it('kitty: the PNG in base64 chunks of 4096, m=1 on all but the last, transmitted under an id, then placed', () => {
    const png = Buffer.alloc(7000, 7);
    const seq = kittyTransmit(png, 3);
    const chunks = [...seq.matchAll(/\x1b_G([^;]*);([^\x1b]*)\x1b\\/g)];
    expect(chunks).toHaveLength(3);
    expect(chunks[0]![1]).toBe('a=t,f=100,t=d,i=3,q=2,m=1');
    expect(chunks[1]![1]).toBe('m=1');
    expect(chunks[2]![1]).toBe('m=0');
    expect(chunks.map((c) => c[2]).join('')).toBe(png.toString('base64'));
    expect(chunks[0]![2]).toHaveLength(4096);
    expect(kittyPlace(3, { cols: 20, rows: 5 })).toBe('\x1b_Ga=p,i=3,c=20,r=5,C=1,q=2\x1b\\');
    expect(kittyClearPlacements()).toBe('\x1b_Ga=d,d=a,q=2\x1b\\');
  });

  it('iTerm2: one OSC 1337 File sequence, inline, sized in cells, the name base64 without control characters', () => {
    const bytes = Buffer.from('abc');
    const seq = itermImage(bytes, { cols: 20, rows: 5 }, 'fig\x1b[2J.png');
    expect(seq).toBe(`\x1b]1337;File=name=${Buffer.from('fig[2J.png').toString('base64')};size=3;width=20;height=5;preserveAspectRatio=1;inline=1:YWJj\x07`);
  });

  it('sixel: decodes a PNG (filtered rows too) and writes bands of six rows in the 6x6x6 colours', () => {
    const png = makePng(4, 8, (_x, y) => (y < 6 ? [255, 0, 0] : [0, 0, 255]), { filter: 1 });
    const rgba = decodePng(png)!;
    expect(rgba.width).toBe(4);
    expect(Array.from(rgba.data.subarray(0, 4))).toEqual([255, 0, 0, 255]);
    expect(Array.from(rgba.data.subarray(6 * 16, 6 * 16 + 4))).toEqual([0, 0, 255, 255]);
    const sixel = encodeSixel(rgba, 100, 100);
    const red = 5 * 36, blue = 5;
    expect(sixel.startsWith('\x1bP0;1;0q"1;1;4;8')).toBe(true);
    expect(sixel).toContain(`#${red};2;100;0;0`);
    expect(sixel).toContain(`#${blue};2;0;0;100`);
    // Band 1: rows 0-5 red (all six bits: '~' = 63+63), four pixels as a run; band 2: rows 6-7 blue (bits 0,1: 63+3 = "B", four as a run).
    expect(sixel).toContain(`#${red}!4~-`);
    expect(sixel).toContain(`#${blue}!4B-`);
    expect(sixel.endsWith('\x1b\\')).toBe(true);
  });

  it('sixel: transparent pixels stay unpainted; a JPEG or a damaged PNG is not decoded', () => {
    const png = makePng(2, 1, (x) => (x === 0 ? [0, 0, 0, 0] : [255, 255, 255, 255]), { alpha: true });
    const sixel = encodeSixel(decodePng(png)!, 10, 10);
    expect(sixel).toContain('#215?@-'); // white: only the second column has its top bit
    expect(sixelImage(jpegHeader(8, 8), { cols: 1, rows: 1 })).toBeNull();
    const broken = Buffer.from(png);
    broken[broken.length - 20] = (broken[broken.length - 20] ?? 0) ^ 0xff;
    expect(() => sixelImage(broken, { cols: 1, rows: 1 })).not.toThrow();
  });

  it('sixel: a PNG whose data inflates past the size its header promises is refused, not inflated', () => {
    const big = makePng(64, 64, () => [1, 2, 3]);
    const lying = Buffer.from(big);
    lying.writeUInt32BE(2, 16); // IHDR width 2, height 64: the data holds 32 times more
    expect(decodePng(lying)).toBeNull();
    expect(decodePng(big)!.width).toBe(64);
  });

  it('sixel: scales down to the box (8x16 pixels a cell) and never up', () => {
    const png = makePng(64, 32, () => [0, 255, 0]);
    expect(sixelImage(png, { cols: 4, rows: 1 })!).toContain('"1;1;32;16');
    expect(sixelImage(png, { cols: 40, rows: 10 })!).toContain('"1;1;64;32');
  });
});

describe('pictures in the review body', () => {
  const png = makePng(160, 80, () => [10, 20, 30]);

  it('a picture that cannot be drawn is one caption line with its sanitised name', () => {
    const block = imageBlock({ name: 'evil\x1b]0;pwned\x07.png', side: 'front', file: '/v/evil.png', bytes: png }, 0, 60, { protocol: 'none', maxRows: 10, maxCols: 60 });
    expect(block.placement).toBeNull();
    expect(block.lines).toHaveLength(1);
    expect(block.lines[0]).not.toMatch(/[\x00-\x1f]/);
    expect(block.lines[0]).toMatch(/^\[image: evil.*\.png\] \(i: open\)$/);
    expect(imageCaption({ name: 'a.png', file: null, problem: 'leads outside the imported folder; refused' }, false, 80)).toBe('[image: a.png] (leads outside the imported folder; refused)');
    expect(imageCaption({ name: 'x'.repeat(200) + '.png', file: null }, false, 40)).toHaveLength(40);
  });

  it('a drawable picture reserves as many blank rows as it covers, below its caption', () => {
    const block = imageBlock({ name: 'd.png', side: 'back', file: '/v/d.png', bytes: png }, 7, 60, { protocol: 'kitty', maxRows: 10, maxCols: 60 });
    expect(block.lines).toEqual(['[image: d.png]', '', '', '', '', '']);
    expect(block.placement).toMatchObject({ line: 8, box: { cols: 20, rows: 5 }, format: 'png' });
    const jpeg = imageBlock({ name: 'p.jpg', side: 'back', file: '/v/p.jpg', bytes: jpegHeader(800, 600) }, 0, 60, { protocol: 'kitty', maxRows: 10, maxCols: 60 });
    expect(jpeg.placement).toBeNull();
  });

  it('only pictures wholly on screen are drawn, at their screen rows', () => {
    const place = (line: number, rows: number) => ({ line, box: { cols: 4, rows }, key: `k${line}`, name: 'x', format: 'png' as const, bytes: png });
    const placements = [place(2, 3), place(10, 5)];
    expect(visiblePlacements(placements, { scroll: 0, bodyHeight: 20, bodyLength: 16, top: 2 }).map((p) => p.row)).toEqual([4, 12]);
    // A body of 30 lines in 10 rows shows 9 (one row says "more"): scrolled to 8, only the second fits.
    expect(visiblePlacements(placements, { scroll: 8, bodyHeight: 10, bodyLength: 30, top: 3 }).map((p) => [p.line, p.row])).toEqual([[10, 5]]);
    expect(visiblePlacements(placements, { scroll: 0, bodyHeight: 10, bodyLength: 30, top: 2 }).map((p) => p.line)).toEqual([2]);
  });
});

describe('the overlay', () => {
  const png = makePng(16, 16, () => [1, 2, 3]);
  const image = (row: number): ScreenImage => ({ row, line: 0, box: { cols: 2, rows: 1 }, key: '/v/a.png', name: 'a.png', format: 'png', bytes: png });

  it('kitty: sends a picture once, then only places it; the cursor is saved and restored around it', () => {
    const cache = { kittyIds: new Map<string, number>(), sequences: new Map<string, string>() };
    const first = overlaySequence('kitty', [image(4)], cache, false);
    expect(first.startsWith('\x1b7')).toBe(true);
    expect(first.endsWith('\x1b8')).toBe(true);
    expect(first).toContain('a=t,f=100');
    expect(first).toContain('\x1b[5;1H\x1b_Ga=p,i=1,c=2,r=1,C=1,q=2\x1b\\');
    const again = overlaySequence('kitty', [image(6)], cache, true);
    expect(again).not.toContain('a=t');
    expect(again).toContain('a=d,d=a');
    expect(again).toContain('\x1b[7;1H');
    expect(overlaySequence('kitty', [], cache, true)).toBe('\x1b7\x1b_Ga=d,d=a,q=2\x1b\\\x1b8');
    expect(overlaySequence('iterm', [], cache, false)).toBe('');
  });

  it("draws after Ink's writes, once per tick, on the real stream; Ink's writes pass through unchanged", () => {
    const written: string[] = [];
    const tasks: Array<() => void> = [];
    const out = { write: (s: string) => { written.push(s); return true; }, columns: 100, rows: 30 } as unknown as NodeJS.WriteStream;
    const overlay = new GraphicsOverlay(out, 'iterm', (fn) => tasks.push(fn));
    expect(overlay.stream.columns).toBe(100);
    overlay.show([image(3)]);
    overlay.stream.write('frame 1');
    overlay.stream.write('frame 1 end');
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(written.slice(0, 2)).toEqual(['frame 1', 'frame 1 end']);
    expect(written[2]).toContain('\x1b[4;1H\x1b]1337;File=');
    overlay.stream.write('frame 2');
    tasks.shift()!();
    expect(written.at(-1)).toContain('1337;File=');
    overlay.show([]);
    tasks.shift()?.();
    overlay.stream.write('frame 3');
    expect(tasks).toHaveLength(0);
  });
});

/** A real PNG (8-bit RGB or RGBA, filter 0 or 1 per row) built in the test, so the decoders meet bytes no library wrote. */
import { deflateSync } from 'node:zlib';

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** `pixel(x, y)` → [r, g, b] or [r, g, b, a]; `filter` 1 (Sub) exercises the unfiltering. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => number[], options: { alpha?: boolean; filter?: 0 | 1 } = {}): Buffer {
  const channels = options.alpha ? 4 : 3;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const line = Array.from({ length: width }, (_, x) => pixel(x, y).slice(0, channels)).flat();
    rows.push(options.filter ?? 0);
    if (options.filter === 1) rows.push(...line.map((v, i) => (v - (i >= channels ? line[i - channels]! : 0) + 256) & 0xff));
    else rows.push(...line);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = options.alpha ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', new Uint8Array()),
  ]);
}

/** The first bytes of a baseline JPEG of the given size (SOI, an APP0 segment, SOF0): enough for a size sniffer. */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

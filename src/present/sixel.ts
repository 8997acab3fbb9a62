/**
 * Sixel for terminals that speak only sixel (foot, mlterm, …). Sixel is pixels, so the picture
 * must be decoded: this decodes PNG only (8-bit, not interlaced: what screenshots and diagram
 * tools write). JPEG, GIF and
 * other PNGs are not decoded: the caller shows the placeholder line instead. (Node's zlib
 * inflates, three times faster here than fflate, with the output capped at the promised size.) Colours are reduced
 * to a fixed 6×6×6 cube (216 colours), pixels mostly transparent are left unpainted, scaling is
 * nearest-neighbour. Pure; bounded in pixels and in inflated bytes.
 */
import { nodeZlib } from '../core/index.js';

/** Largest picture decoded (pixels): a 4096×4096 PNG is 64 MB of RGBA, more than a card needs. */
export const MAX_DECODED_PIXELS = 4096 * 4096;

interface Rgba {
  width: number;
  height: number;
  /** 4 bytes a pixel. */
  data: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** RGBA pixels of an 8-bit, non-interlaced PNG, or null for anything else (or a damaged file). */
export function decodePng(bytes: Uint8Array): Rgba | null {
  if (bytes.length < 33 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0, height = 0, depth = 0, colorType = -1, interlace = 0;
  let palette: Uint8Array | null = null;
  let alphas: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  let idatBytes = 0;
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.length !== length) return null;
    if (type === 'IHDR') {
      width = view.getUint32(at + 8); height = view.getUint32(at + 12);
      depth = bytes[at + 16]!; colorType = bytes[at + 17]!; interlace = bytes[at + 20]!;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') alphas = body;
    else if (type === 'IDAT') { idat.push(body); idatBytes += length; }
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels || depth !== 8 || interlace !== 0 || width < 1 || height < 1 || width * height > MAX_DECODED_PIXELS) return null;
  if (colorType === 3 && !palette) return null;
  const stride = width * channels;
  const compressed = new Uint8Array(idatBytes);
  let offset = 0;
  for (const part of idat) { compressed.set(part, offset); offset += part.length; }
  let raw: Uint8Array;
  try {
    // Output capped at the size the header promises: a "zip bomb" cannot grow it (zlib throws past it).
    raw = nodeZlib().inflateSync(compressed, { maxOutputLength: height * (stride + 1) });
  } catch {
    return null;
  }
  if (raw.length < height * (stride + 1)) return null;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    // One loop per filter type: this runs for every byte of the picture.
    if (filter === 0) out.set(line);
    else if (filter === 1) for (let x = 0; x < stride; x++) out[x] = (line[x]! + (x >= channels ? out[x - channels]! : 0)) & 0xff;
    else if (filter === 2) for (let x = 0; x < stride; x++) out[x] = (line[x]! + (prev ? prev[x]! : 0)) & 0xff;
    else if (filter === 3) for (let x = 0; x < stride; x++) out[x] = (line[x]! + (((x >= channels ? out[x - channels]! : 0) + (prev ? prev[x]! : 0)) >> 1)) & 0xff;
    else if (filter === 4) {
      for (let x = 0; x < stride; x++) {
        const a = x >= channels ? out[x - channels]! : 0;
        const b = prev ? prev[x]! : 0;
        const c = prev && x >= channels ? prev[x - channels]! : 0;
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        out[x] = (line[x]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
    } else return null;
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels, d = i * 4;
    if (colorType === 0 || colorType === 4) {
      data[d] = data[d + 1] = data[d + 2] = pixels[s]!;
      data[d + 3] = colorType === 4 ? pixels[s + 1]! : 255;
    } else if (colorType === 3) {
      const k = pixels[s]!;
      data[d] = palette![k * 3] ?? 0; data[d + 1] = palette![k * 3 + 1] ?? 0; data[d + 2] = palette![k * 3 + 2] ?? 0;
      data[d + 3] = alphas && k < alphas.length ? alphas[k]! : 255;
    } else {
      data[d] = pixels[s]!; data[d + 1] = pixels[s + 1]!; data[d + 2] = pixels[s + 2]!;
      data[d + 3] = colorType === 6 ? pixels[s + 3]! : 255;
    }
  }
  return { width, height, data };
}

const LEVELS = 6;

/**
 * A sixel image of `rgba`, scaled to fit `maxWidth`×`maxHeight` pixels (aspect kept, never
 * enlarged). Transparent background (P2=1): unpainted pixels show the terminal's own.
 */
export function encodeSixel(rgba: Rgba, maxWidth: number, maxHeight: number): string {
  const scale = Math.min(1, maxWidth / rgba.width, maxHeight / rgba.height);
  const w = Math.max(1, Math.floor(rgba.width * scale));
  const h = Math.max(1, Math.floor(rgba.height * scale));
  // Each pixel → a colour of the 6×6×6 cube, or -1 when mostly transparent.
  const index = new Int16Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(rgba.height - 1, Math.floor(y / scale));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(rgba.width - 1, Math.floor(x / scale));
      const p = (sy * rgba.width + sx) * 4;
      const level = (v: number) => Math.round((v / 255) * (LEVELS - 1));
      index[y * w + x] = rgba.data[p + 3]! < 128 ? -1 : (level(rgba.data[p]!) * LEVELS + level(rgba.data[p + 1]!)) * LEVELS + level(rgba.data[p + 2]!);
    }
  }
  const out: string[] = [`\x1bP0;1;0q"1;1;${w};${h}`];
  const used = new Set(index);
  for (const c of used) {
    if (c < 0) continue;
    const pct = (v: number) => Math.round((v / (LEVELS - 1)) * 100);
    out.push(`#${c};2;${pct(Math.floor(c / 36))};${pct(Math.floor(c / 6) % 6)};${pct(c % 6)}`);
  }
  for (let band = 0; band < h; band += 6) {
    // One pass over the band: each colour's six-pixel columns, then each colour's row of sixels.
    const columns = new Map<number, Uint8Array>();
    for (let k = 0; k < 6 && band + k < h; k++) {
      for (let x = 0; x < w; x++) {
        const c = index[(band + k) * w + x]!;
        if (c < 0) continue;
        let bits = columns.get(c);
        if (!bits) { bits = new Uint8Array(w); columns.set(c, bits); }
        bits[x]! |= 1 << k;
      }
    }
    let first = true;
    for (const [c, bits] of columns) {
      if (!first) out.push('$');
      first = false;
      out.push(`#${c}`);
      let run = 0, last = -1;
      const flush = () => {
        if (run === 0) return;
        const ch = String.fromCharCode(63 + last);
        out.push(run > 3 ? `!${run}${ch}` : ch.repeat(run));
      };
      for (let x = 0; x < w; x++) {
        const value = bits[x]!;
        if (value === last) run++;
        else { flush(); last = value; run = 1; }
      }
      flush();
    }
    out.push('-');
  }
  out.push('\x1b\\');
  return out.join('');
}

/** Sixel for a PNG, or null when it is not a PNG this decoder reads. */
export function pngToSixel(bytes: Uint8Array, maxWidth: number, maxHeight: number): string | null {
  const rgba = decodePng(bytes);
  return rgba ? encodeSixel(rgba, maxWidth, maxHeight) : null;
}

/** Collects one output stream of an example up to a byte cap. */
export class OutputCapture {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private cut = false;
  private readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get truncated(): boolean {
    return this.cut;
  }

  /** Appends text; false once the cap is exceeded (the excess is dropped). */
  push(text: string): boolean {
    if (this.cut) return false;
    const room = this.maxBytes - this.bytes;
    // Encode at most what could fit: a huge string is not copied whole.
    const chunk = Buffer.from(text.length > room ? text.slice(0, room + 1) : text, 'utf8');
    if (chunk.length <= room) {
      this.chunks.push(chunk);
      this.bytes += chunk.length;
      return true;
    }
    this.chunks.push(trimIncompleteUtf8(chunk.subarray(0, room)));
    this.bytes = this.maxBytes;
    this.cut = true;
    return false;
  }

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    if (!this.cut) return text;
    return `${text}${text.endsWith('\n') ? '' : '\n'}[output truncated: more than ${this.maxBytes} bytes]\n`;
  }
}

/** Drops a UTF-8 sequence cut off at the end of `buf`, so a cut never ends in U+FFFD. */
export function trimIncompleteUtf8(buf: Buffer): Buffer {
  let i = buf.length;
  // Walk back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  while (i > 0 && buf.length - i < 3 && ((buf[i - 1] ?? 0) & 0xc0) === 0x80) i--;
  if (i === 0) return buf;
  const lead = buf[i - 1] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - (i - 1) < need ? buf.subarray(0, i - 1) : buf;
}

/** `--json` output: indented for a terminal, compact for a pipe, the same value either way, C1 controls escaped. */
import { afterEach, describe, expect, it } from 'vitest';
import { hasRawControl, printJson } from '../../src/cli/format.js';

const isTTY = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
const write = process.stdout.write;
afterEach(() => {
  process.stdout.write = write;
  if (isTTY) Object.defineProperty(process.stdout, 'isTTY', isTTY);
  else delete (process.stdout as { isTTY?: boolean }).isTTY;
});

function printed(value: unknown, tty: boolean): string {
  Object.defineProperty(process.stdout, 'isTTY', { value: tty, configurable: true, writable: true });
  let out = '';
  process.stdout.write = ((chunk: string) => (out += chunk).length > 0) as typeof process.stdout.write;
  try {
    printJson(value);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('printJson', () => {
  const value = { counts: { new: 1, review: 0 }, cards: [{ id: 7, front: 'a\u009b31mred', tags: [] }] };

  it('indents for a terminal and is compact for a pipe; both read back as the same value', () => {
    const tty = printed(value, true);
    const pipe = printed(value, false);
    expect(tty).toBe(`${JSON.stringify(value, null, 2).replace('\u009b', '\\u009b')}\n`);
    expect(pipe).toBe(`${JSON.stringify(value).replace('\u009b', '\\u009b')}\n`);
    expect(pipe.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(tty)).toEqual(value);
    expect(JSON.parse(pipe)).toEqual(value);
  });

  it('never prints a raw C1 control (8-bit CSI), in either form', () => {
    for (const tty of [true, false]) expect(printed(value, tty)).not.toMatch(/[\u007f-\u009f]/);
  });

  it('prints text without controls as it is, non-ASCII included', () => {
    const plain = { front: 'a · b § c\u00a0d é 中 🙂', back: 'x\u00bfy' };
    expect(printed(plain, false)).toBe(`${JSON.stringify(plain)}\n`);
  });

  it('finds DEL and every C1 control by their bytes, and nothing else', () => {
    for (let code = 0; code <= 0x2ff; code++) {
      const control = code === 0x7f || (code >= 0x80 && code <= 0x9f);
      expect({ code, found: hasRawControl(Buffer.from(`ab${String.fromCharCode(code)}cd`)) }).toEqual({ code, found: control });
    }
    expect(hasRawControl(Buffer.from('\u00a0\u00a0x\u0085'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/tui/render/index.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('sanitizeText', () => {
  it('strips CSI sequences and keeps the text', () => {
    expect(sanitizeText('a\x1b[31mred\x1b[0m b')).toBe('ared b');
    expect(sanitizeText('\x1b[2J\x1b[Hclear')).toBe('clear');
    expect(sanitizeText('x\x1b[?1049hy\x1b[38;2;255;0;0mz')).toBe('xyz');
  });

  it('strips OSC 8 hyperlinks but keeps the link text', () => {
    expect(sanitizeText('\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ here')).toBe('click here');
  });

  it('strips OSC 52 clipboard writes (BEL and ST terminated)', () => {
    expect(sanitizeText('x\x1b]52;c;ZXZpbA==\x07y')).toBe('xy');
    expect(sanitizeText('x\x1b]52;c;ZXZpbA==\x1b\\y')).toBe('xy');
    expect(sanitizeText('x\x1b]0;window title\x9cy')).toBe('xy');
  });

  it('strips DCS, APC, PM and SOS strings', () => {
    expect(sanitizeText('a\x1bPq#0;2;0;0;0#0~~@@\x1b\\b')).toBe('ab');
    expect(sanitizeText('a\x1b_apc payload\x1b\\b')).toBe('ab');
    expect(sanitizeText('a\x1b^pm payload\x1b\\b')).toBe('ab');
    expect(sanitizeText('a\x1bXsos payload\x1b\\b')).toBe('ab');
    expect(sanitizeText('a\x90dcs\x9cb')).toBe('ab');
  });

  it('strips 8-bit C1 CSI (0x9b) and OSC (0x9d) with their parameters', () => {
    expect(sanitizeText('a\x9b31mb')).toBe('ab');
    expect(sanitizeText('\x9b2Jtext')).toBe('text');
    expect(sanitizeText('a\x9d52;c;ZXZpbA==\x07b')).toBe('ab');
    expect(sanitizeText('a\x9d0;title\x9cb')).toBe('ab');
    expect(sanitizeText('a\x85b\x8fc')).toBe('abc');
  });

  it('strips two-character ESC sequences', () => {
    expect(sanitizeText('a\x1bcb')).toBe('ab'); // RIS (full reset)
    expect(sanitizeText('a\x1b7b\x1b8c')).toBe('abc'); // save/restore cursor
    expect(sanitizeText('a\x1b(0b\x1b(Bc')).toBe('abc'); // charset designation
    expect(sanitizeText('a\x1b#8b')).toBe('ab');
  });

  it('drops bell, backspace, carriage return, DEL and other C0 controls', () => {
    expect(sanitizeText('ding\x07dong')).toBe('dingdong');
    expect(sanitizeText('secret\b\b\b\b\b\bpublic')).toBe('secretpublic');
    expect(sanitizeText('line1\r\nline2\roverwrite')).toBe('line1\nline2overwrite');
    expect(sanitizeText('a\x7fb\x00c\x0bd\x0ce\x1af')).toBe('abcdef');
  });

  it('keeps newlines, tabs and printable Unicode untouched', () => {
    const text = 'tab\there\nnew line 😀👨‍👩‍👧🇫🇷 中文字符 ∑∫√≤≠ 𝔼ℝ x̂ שלום café\u00a0nbsp';
    expect(sanitizeText(text)).toBe(text);
  });

  it('handles unterminated and truncated sequences', () => {
    expect(sanitizeText('abc\x1b')).toBe('abc');
    expect(sanitizeText('abc\x1b[')).toBe('abc');
    expect(sanitizeText('abc\x1b[31')).toBe('abc');
    // An unterminated OSC string is dropped up to the end of its line only.
    expect(sanitizeText('\x1b]52;c;AAAA\nnext line')).toBe('\nnext line');
    expect(sanitizeText('a\x9d')).toBe('a');
  });

  it('never lets a control character through (pseudo-random input)', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['\x1b', '[', ']', '\\', '\x07', '\x9b', '\x9c', '\x9d', '\x90', 'P', '_', '^', 'X', '0', '5', '2', ';', 'm', 'J', 'a', ' ', '\n', '\t', '\r', '\b', '\x7f', '\x85', 'é', '😀'];
    const failures: Array<{ s: string; out: string }> = [];
    for (let k = 0; k < 5000; k++) {
      let s = '';
      const len = rand(30);
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      const out = sanitizeText(s);
      if (UNSAFE.test(out)) failures.push({ s, out });
    }
    expect(failures).toEqual([]);
  });
});

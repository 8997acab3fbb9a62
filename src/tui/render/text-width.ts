/**
 * Column-width measurement and ANSI-aware wrapping for rendered terminal text.
 * Only SGR sequences (`ESC [ ... m`) are expected in the input: the renderer
 * strips everything else before measuring.
 */

const SGR_RE = /\x1b\[[0-9;]*m/g;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const EXTENDED_PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const MARK = /\p{M}/u;

export function stripSgr(text: string): string {
  return text.includes('\x1b') ? text.replace(SGR_RE, '') : text;
}

/** East Asian Wide / Fullwidth blocks (condensed). */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18aff],
  [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  for (const [lo, hi] of WIDE_RANGES) {
    if (cp < lo) return false;
    if (cp <= hi) return true;
  }
  return false;
}

function isZeroWidth(cp: number, ch: string): boolean {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad;
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // skin-tone modifiers
    (cp >= 0xe0000 && cp <= 0xe007f) || // tags
    MARK.test(ch)
  );
}

/** Visible column width of `text` (SGR sequences are ignored). */
export function visibleWidth(text: string): number {
  const plain = stripSgr(text);
  let ascii = true;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return plain.length;
  let width = 0;
  let prevZwj = false;
  let prevPictographic = false;
  let regionalOdd = false;
  for (const ch of plain) {
    const cp = ch.codePointAt(0) ?? 0;
    width += charWidthInContext(cp, ch, prevZwj, prevPictographic, regionalOdd);
    if (cp >= 0x1f1e6 && cp <= 0x1f1ff) regionalOdd = !regionalOdd;
    else regionalOdd = false;
    prevZwj = cp === 0x200d;
    if (!prevZwj && !(cp >= 0xfe00 && cp <= 0xfe0f) && !(cp >= 0x1f3fb && cp <= 0x1f3ff)) {
      prevPictographic = cp >= 0xa9 && EXTENDED_PICTOGRAPHIC.test(ch);
    }
  }
  return width;
}

function charWidthInContext(
  cp: number,
  ch: string,
  prevZwj: boolean,
  prevPictographic: boolean,
  regionalOdd: boolean,
): number {
  if (cp === 0xfe0f) {
    // VS16 turns a text-presentation pictograph (e.g. ❤) into a 2-column emoji.
    return prevPictographic ? 1 : 0;
  }
  if (isZeroWidth(cp, ch)) return 0;
  if (cp < 0x1100) return 1;
  if (prevZwj && EXTENDED_PICTOGRAPHIC.test(ch)) return 0; // joined into previous emoji
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return regionalOdd ? 0 : 2; // flag = pair
  if (isWide(cp)) return 2;
  if (cp >= 0x231a && EMOJI_PRESENTATION.test(ch)) return 2;
  return 1;
}

/** Width of one code point in isolation (used while wrapping). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return charWidthInContext(cp, ch, false, false, false);
}

// ---------------------------------------------------------------------------
// SGR state tracking, so that every output line is self-contained: styles
// active at a line break are reset at the end of the line and re-opened at
// the start of the next one (Ink slices output by line).

const CLOSERS: Record<string, readonly string[]> = {
  '22': ['1', '2'],
  '23': ['3'],
  '24': ['4'],
  '25': ['5'],
  '27': ['7'],
  '28': ['8'],
  '29': ['9'],
};

function isFg(code: string): boolean {
  const n = Number(code.split(';')[0]);
  return (n >= 30 && n <= 38) || (n >= 90 && n <= 97);
}
function isBg(code: string): boolean {
  const n = Number(code.split(';')[0]);
  return (n >= 40 && n <= 48) || (n >= 100 && n <= 107);
}

class SgrState {
  private active: string[] = [];

  apply(seq: string): void {
    const params = seq.slice(2, -1).split(';');
    for (let k = 0; k < params.length; k++) {
      const p = params[k] ?? '';
      if (p === '' || p === '0') {
        this.active = [];
      } else if (p === '38' || p === '48') {
        // extended colour: 38;5;n or 38;2;r;g;b
        const take = params[k + 1] === '2' ? 4 : 2;
        const code = params.slice(k, k + 1 + take).join(';');
        k += take;
        this.active = this.active.filter((a) => (p === '38' ? !isFg(a) : !isBg(a)));
        this.active.push(code);
      } else if (p === '39') {
        this.active = this.active.filter((a) => !isFg(a));
      } else if (p === '49') {
        this.active = this.active.filter((a) => !isBg(a));
      } else if (CLOSERS[p]) {
        const closed = CLOSERS[p];
        this.active = this.active.filter((a) => !closed.includes(a));
      } else {
        if (isFg(p)) this.active = this.active.filter((a) => !isFg(a));
        else if (isBg(p)) this.active = this.active.filter((a) => !isBg(a));
        this.active.push(p);
      }
    }
  }

  get open(): string {
    return this.active.length ? `\x1b[${this.active.join(';')}m` : '';
  }
  get isActive(): boolean {
    return this.active.length > 0;
  }
}

type Unit = { sgr: string } | { ch: string; w: number };

/** A word longer than a whole line starts on the current line if at least this many columns are left. */
const MIN_FILL = 8;

function toUnits(line: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  SGR_RE.lastIndex = 0;
  for (let m = SGR_RE.exec(line); m; m = SGR_RE.exec(line)) {
    for (const ch of line.slice(i, m.index)) units.push({ ch, w: charWidth(ch) });
    units.push({ sgr: m[0] });
    i = m.index + m[0].length;
  }
  for (const ch of line.slice(i)) units.push({ ch, w: charWidth(ch) });
  return units;
}

export interface WrapOptions {
  /** `word` (default): break at spaces, split over-long words; `hard`: break at exactly `width` columns. */
  mode?: 'word' | 'hard';
  /** Prefix (plain spaces) for continuation lines; counted against `width`. */
  continuationIndent?: string;
}

/**
 * Wraps `text` (may contain SGR sequences and `\n`) to `width` columns.
 * Returns the list of output lines; each line is closed with a reset if a
 * style is still active, and the next line re-opens it.
 */
export function wrapAnsi(text: string, width: number, options: WrapOptions = {}): string[] {
  const mode = options.mode ?? 'word';
  const indent = options.continuationIndent ?? '';
  const w = Math.max(1, Math.floor(width));
  const state = new SgrState();
  const out: string[] = [];

  let cur = '';
  let curW = 0;
  let hasText = false; // any visible char on the current output line

  const flush = (): void => {
    if (state.isActive) cur += '\x1b[0m';
    out.push(cur);
    cur = state.open;
    curW = 0;
    hasText = false;
  };
  const startContinuation = (): void => {
    flush();
    if (indent && visibleWidth(indent) < w) {
      cur = indent + cur;
      curW = visibleWidth(indent);
    }
  };
  const emit = (u: Unit): void => {
    if ('sgr' in u) {
      state.apply(u.sgr);
      cur += u.sgr;
    } else {
      cur += u.ch;
      curW += u.w;
      hasText = true;
    }
  };

  const lines = text.split('\n');
  lines.forEach((line, li) => {
    if (li > 0) flush();
    const units = toUnits(line);

    if (mode === 'hard') {
      for (const u of units) {
        if ('ch' in u && curW + u.w > w && hasText) startContinuation();
        emit(u);
      }
      return;
    }

    // Word mode: group units into alternating space runs and words.
    let k = 0;
    let lineStart = true;
    while (k < units.length) {
      const spaces: Unit[] = [];
      while (k < units.length) {
        const u = units[k]!;
        if ('ch' in u && u.ch === ' ') spaces.push(u);
        else if ('sgr' in u && spaces.length > 0 && nextIsSpace(units, k)) spaces.push(u);
        else break;
        k++;
      }
      const word: Unit[] = [];
      let wordW = 0;
      while (k < units.length) {
        const u = units[k]!;
        if ('ch' in u && u.ch === ' ') break;
        word.push(u);
        if ('ch' in u) wordW += u.w;
        k++;
      }
      const spaceW = spaces.reduce((s, u) => s + ('ch' in u ? u.w : 0), 0);

      if (lineStart) {
        // Leading indentation of a source line is kept (if it fits).
        if (spaceW < w) for (const u of spaces) emit(u);
        else for (const u of spaces) if ('sgr' in u) emit(u);
        lineStart = false;
      } else if (word.length === 0) {
        // Trailing spaces: keep only their style changes.
        for (const u of spaces) if ('sgr' in u) emit(u);
      } else if (curW + spaceW + wordW <= w) {
        for (const u of spaces) emit(u);
      } else if (wordW > w - visibleWidth(indent) && w - curW - spaceW >= MIN_FILL) {
        // The word cannot fit on any line (e.g. a long URL): start it here and split it.
        for (const u of spaces) emit(u);
      } else {
        for (const u of spaces) if ('sgr' in u) emit(u);
        startContinuation();
      }

      // Emit the word, splitting it when it alone is wider than a line.
      for (const u of word) {
        if ('ch' in u && curW + u.w > w && hasText) startContinuation();
        emit(u);
      }
    }
  });
  if (state.isActive) cur += '\x1b[0m';
  out.push(cur);
  return out;
}

function nextIsSpace(units: Unit[], k: number): boolean {
  for (let j = k; j < units.length; j++) {
    const u = units[j]!;
    if ('ch' in u) return u.ch === ' ';
  }
  return false;
}

/**
 * Terminal-safety filtering for untrusted text (card fronts/backs come from
 * arbitrary Markdown files, which may contain escape sequences that would
 * otherwise reach the terminal: clipboard writes via OSC 52, hyperlinks via
 * OSC 8, screen clears, title changes, DCS payloads, ...).
 *
 * The filter is a small single-pass state machine, not a regex, so that it is
 * linear in the input and handles unterminated sequences predictably.
 */

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const LF = 0x0a;
const TAB = 0x09;
const ST_8BIT = 0x9c;

function isCsiParam(c: number): boolean {
  return c >= 0x30 && c <= 0x3f;
}
function isIntermediate(c: number): boolean {
  return c >= 0x20 && c <= 0x2f;
}
function isCsiFinal(c: number): boolean {
  return c >= 0x40 && c <= 0x7e;
}

/** Index just past a CSI sequence whose parameters start at `j`. */
function skipCsiBody(text: string, j: number): number {
  const n = text.length;
  while (j < n && isCsiParam(text.charCodeAt(j))) j++;
  while (j < n && isIntermediate(text.charCodeAt(j))) j++;
  if (j < n && isCsiFinal(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Index just past a control string (OSC, DCS, SOS, PM, APC) whose payload
 * starts at `j`. Terminated by BEL, ST (ESC \ or 0x9c), aborted by CAN/SUB or
 * by another ESC (which is then processed as its own sequence). An
 * unterminated string is dropped up to the end of its line only, so a stray
 * introducer cannot swallow the rest of a card.
 */
function skipControlString(text: string, j: number): number {
  const n = text.length;
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === BEL || c === ST_8BIT || c === CAN || c === SUB) return j + 1;
    if (c === ESC) return text.charCodeAt(j + 1) === 0x5c /* \ */ ? j + 2 : j;
    if (c === LF) return j;
  }
  return n;
}

/** Index just past the control sequence/character that starts at `i`. */
function skipControl(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === ESC) {
    const next = text.charCodeAt(i + 1); // NaN at end of input
    if (next === 0x5b /* [ */) return skipCsiBody(text, i + 2);
    if (
      next === 0x5d /* ] OSC */ ||
      next === 0x50 /* P DCS */ ||
      next === 0x58 /* X SOS */ ||
      next === 0x5e /* ^ PM */ ||
      next === 0x5f /* _ APC */
    ) {
      return skipControlString(text, i + 2);
    }
    if (isIntermediate(next)) {
      // nF sequences such as ESC ( B (charset designation) or ESC # 8.
      let j = i + 1;
      while (j < text.length && isIntermediate(text.charCodeAt(j))) j++;
      const f = text.charCodeAt(j);
      return f >= 0x30 && f <= 0x7e ? j + 1 : j;
    }
    if (next >= 0x30 && next <= 0x7e) return i + 2; // ESC 7, ESC c, ESC M, ...
    return i + 1; // lone ESC
  }
  if (c === 0x9b) return skipCsiBody(text, i + 1); // 8-bit CSI
  if (c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) {
    return skipControlString(text, i + 1); // 8-bit OSC, DCS, SOS, PM, APC
  }
  return i + 1; // any other C0 / DEL / C1 control
}

function isUnsafe(c: number): boolean {
  // C0 except \t and \n, DEL, C1.
  return (c < 0x20 && c !== LF && c !== TAB) || (c >= 0x7f && c <= 0x9f);
}

/** Matches `ESC [ params m` with numeric parameters only (a plain SGR). */
function sgrEnd(text: string, i: number): number {
  if (text.charCodeAt(i) !== ESC || text.charCodeAt(i + 1) !== 0x5b) return -1;
  let j = i + 2;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if ((c >= 0x30 && c <= 0x39) || c === 0x3b) j++;
    else break;
  }
  return text.charCodeAt(j) === 0x6d /* m */ ? j + 1 : -1;
}

function filter(text: string, keepSgr: boolean): string {
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isUnsafe(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (keepSgr) {
      const end = sgrEnd(text, i);
      if (end > 0) {
        i = end;
        continue;
      }
    }
    out += text.slice(last, i);
    i = skipControl(text, i);
    last = i;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Removes terminal control sequences from untrusted text: ESC-based (CSI
 * `\x1b[...`, OSC `\x1b]...BEL/ST`, DCS/APC/PM/SOS strings, 2-char ESC
 * sequences), the 8-bit C1 controls (0x80–0x9f, incl. 0x9b CSI and 0x9d OSC
 * with their parameters), and C0 controls other than \n and \t (\r dropped,
 * \b dropped, DEL 0x7f dropped). Leaves all printable Unicode (incl. emoji,
 * CJK, math symbols) untouched.
 */
export function sanitizeText(text: string): string {
  return filter(text, false);
}

/**
 * Like {@link sanitizeText}, but keeps plain SGR sequences (`ESC [ 1;31 m`).
 * Used on the renderer's own output, whose only escapes are the SGR styles it
 * generated itself.
 */
export function sanitizeKeepingSgr(text: string): string {
  return filter(text, true);
}

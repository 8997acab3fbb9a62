/**
 * SGR style functions, shared by the screens and the plain CLI output. We do not use chalk:
 * its colour level comes from the process environment, whereas the caller decides `color`
 * explicitly (NO_COLOR, tests, piping).
 */
export type Style = (text: string) => string;

export const identity: Style = (text) => text;

/** Wraps text in `ESC[open m … ESC[close m`; nested uses of the same closer re-open the style (like chalk). */
export function sgr(open: number, close: number): Style {
  const o = `\x1b[${open}m`;
  const c = `\x1b[${close}m`;
  return (text) => (text === '' ? text : o + text.split(c).join(c + o) + c);
}

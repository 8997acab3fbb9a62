/**
 * SGR style functions. We do not use chalk here: marked-terminal's and
 * cli-highlight's chalk instances pick their colour level from the process
 * environment (TTY, FORCE_COLOR, ...), whereas the caller decides `color`
 * explicitly (NO_COLOR, tests, piping). With `color: false` every style is the
 * identity function, so no escape sequence is ever produced.
 */
import type { Theme } from 'cli-highlight';

import { identity, sgr, type Style } from '../../present/sgr.js';

export { identity, sgr, type Style };

function compose(...styles: Style[]): Style {
  return (text) => styles.reduceRight((acc, style) => style(acc), text);
}

export interface Styles {
  strong: Style;
  em: Style;
  del: Style;
  codespan: Style;
  code: Style;
  h1: Style;
  heading: Style;
  quoteBar: Style;
  quote: Style;
  link: Style;
  href: Style;
  wikilink: Style;
  hr: Style;
  border: Style;
  tableHead: Style;
  bullet: Style;
  html: Style;
  image: Style;
  math: Style;
}

const bold = sgr(1, 22);
const italic = sgr(3, 23);
const underline = sgr(4, 24);
const strike = sgr(9, 29);
const red = sgr(31, 39);
const green = sgr(32, 39);
const yellow = sgr(33, 39);
const blue = sgr(34, 39);
const magenta = sgr(35, 39);
const cyan = sgr(36, 39);
const gray = sgr(90, 39);

const COLOR_STYLES: Styles = {
  strong: bold,
  em: italic,
  del: compose(strike, gray),
  codespan: yellow,
  code: yellow,
  h1: compose(bold, underline, magenta),
  heading: compose(bold, green),
  quoteBar: gray,
  quote: italic,
  link: blue,
  href: gray,
  wikilink: cyan,
  hr: gray,
  border: gray,
  tableHead: bold,
  bullet: identity,
  html: gray,
  image: gray,
  math: identity,
};

const PLAIN_STYLES: Styles = Object.fromEntries(
  Object.keys(COLOR_STYLES).map((key) => [key, identity]),
) as unknown as Styles;

export function getStyles(color: boolean): Styles {
  return color ? COLOR_STYLES : PLAIN_STYLES;
}

const THEME_ENTRIES: Record<string, Style> = {
  keyword: blue,
  built_in: cyan,
  type: cyan,
  literal: blue,
  number: green,
  regexp: red,
  string: red,
  class: blue,
  title: yellow,
  comment: gray,
  doctag: green,
  meta: gray,
  tag: gray,
  name: blue,
  attr: cyan,
  attribute: cyan,
  symbol: magenta,
  addition: green,
  deletion: red,
  emphasis: italic,
  strong: bold,
  link: underline,
  section: bold,
};

/**
 * cli-highlight theme built from our own SGR functions. Any token class we do
 * not list maps to the identity (never to cli-highlight's chalk-based default
 * theme, whose output depends on the environment).
 */
export const CODE_THEME: Theme = new Proxy(THEME_ENTRIES, {
  get: (target, key) => (typeof key === 'string' && Object.hasOwn(target, key) ? target[key] : identity),
}) as Theme;

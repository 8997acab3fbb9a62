/**
 * HTML character references in card text: marked resolves the numeric ones in text (`&#27;`
 * → ESC!) but leaves named ones. Here the common named ones are resolved, and everything goes
 * through the sanitiser again, so no reference can smuggle a control character in.
 */
import { sanitizeText } from '../../present/sanitize.js';

const NAMED_ENTITIES = new Map<string, string>(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
    ensp: ' ',
    emsp: ' ',
    thinsp: ' ',
    shy: '',
    ndash: '–',
    mdash: '—',
    hellip: '…',
    laquo: '«',
    raquo: '»',
    lsquo: '‘',
    rsquo: '’',
    ldquo: '“',
    rdquo: '”',
    bull: '•',
    middot: '·',
    copy: '©',
    reg: '®',
    trade: '™',
    deg: '°',
    plusmn: '±',
    times: '×',
    divide: '÷',
    minus: '−',
    micro: 'µ',
    para: '¶',
    sect: '§',
    euro: '€',
    pound: '£',
    yen: '¥',
    cent: '¢',
    larr: '←',
    rarr: '→',
    uarr: '↑',
    darr: '↓',
    harr: '↔',
    lArr: '⇐',
    rArr: '⇒',
    hArr: '⇔',
    le: '≤',
    ge: '≥',
    ne: '≠',
    asymp: '≈',
    infin: '∞',
    sum: '∑',
    prod: '∏',
    radic: '√',
    check: '✓',
  }),
);

/**
 * marked resolves numeric character references in text (`&#27;` → ESC!) but
 * leaves named ones; resolve the common named ones and re-sanitize.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES.get(name) ?? match;
      const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(cp);
    },
  );
}

/** Inline text from the lexer → safe display text. */
export function cleanText(text: string, decode = true): string {
  return sanitizeText(decode ? decodeEntities(text) : text).replace(/\t/g, ' ');
}


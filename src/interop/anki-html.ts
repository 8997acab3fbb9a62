/**
 * Anki field HTML → the Markdown-ish plain text Engram cards hold: line breaks and blocks
 * become newlines, bold/italic/code become Markdown, images and sounds become a short
 * placeholder (media is not imported), MathJax delimiters become $…$, every other tag is
 * dropped, and entities are decoded. Cloze markers `{{c1::…}}` pass through unchanged.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•',
  times: '×', divide: '÷', plusmn: '±', le: '≤', ge: '≥', ne: '≠', deg: '°', micro: 'µ', copy: '©',
  reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', larr: '←',
  rarr: '→', uarr: '↑', darr: '↓', harr: '↔', rArr: '⇒', lArr: '⇐', hArr: '⇔', alpha: 'α', beta: 'β',
  gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', theta: 'θ', omega: 'ω',
  infin: '∞', sum: '∑', radic: '√', asymp: '≈', equiv: '≡', isin: '∈', forall: '∀', exist: '∃', shy: '',
  zwj: '', zwnj: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Control characters and invalid code points are dropped, never produced.
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code < 0x20 && code !== 0x0a && code !== 0x09) return '';
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}

const BOUNDARY = '\u0001';
const BLOCK = /^(div|p|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article|hr)$/i;

export function htmlToText(html: string): string {
  let s = html.replace(/\r\n?/g, '\n');
  // Source newlines are not line breaks in HTML; Anki's editor writes <br> and <div>.
  s = s.replace(/\n/g, ' ').replace(/\u0001/g, '');
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  s = s.replace(/\[sound:([^\]]*)\]/g, (_, name: string) => `[sound: ${name}]`);
  s = s.replace(/<img\b[^>]*?\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi, (...m: string[]) => `[image: ${m[2] ?? m[3] ?? m[4] ?? ''}]`);
  s = s.replace(/<\s*(\/?)\s*([a-z][a-z0-9]*)\b[^>]*>/gi, (_, close: string, tag: string) => {
    const t = tag.toLowerCase();
    if (t === 'br') return '\n';
    if (t === 'b' || t === 'strong') return '**';
    if (t === 'i' || t === 'em') return '*';
    if (t === 'code') return '`';
    if (t === 'li') return close ? BOUNDARY : `${BOUNDARY}- `;
    if (t === 'td' || t === 'th') return close ? ' | ' : '';
    if (BLOCK.test(t)) return BOUNDARY;
    return '';
  });
  // A block boundary starts a new line unless one has just started: `</div><div>` is one
  // line break, and `<div><br></div>` (Anki's empty line) is exactly one.
  s = s.replace(/\u0001([ \t]*\u0001)*/g, BOUNDARY).replace(/(^|\n)([ \t]*)\u0001/g, '$1$2').replace(/\u0001/g, '\n');
  // Any '<' left is not a tag we understood (or a broken one): drop a trailing fragment.
  s = s.replace(/<[^>]*$/, '');
  s = decodeEntities(s);
  s = s.replace(/\\\((.*?)\\\)/gs, (_, m: string) => `$${m.trim()}$`).replace(/\\\[(.*?)\\\]/gs, (_, m: string) => `$$${m.trim()}$$`);
  // Anki's older LaTeX tags (rendered to latex-<hash>.png by the desktop app): `[$]…[/$]` inline, `[$$]…[/$$]` display.
  s = s.replace(/\[\$\$\]([\s\S]*?)\[\/\$\$\]/g, (_, m: string) => `$$${m.trim()}$$`).replace(/\[\$\]([\s\S]*?)\[\/\$\]/g, (_, m: string) => `$${m.trim()}$`);
  s = s.replace(/\u00a0/g, ' ');
  // Empty emphasis left by markup such as <b></b>.
  s = s.replace(/\*\*\*\*/g, '');
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

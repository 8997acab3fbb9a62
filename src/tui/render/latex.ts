/**
 * Best-effort LaTeX math → readable Unicode text for a terminal.
 *
 * This is a small recursive-descent reader over the LaTeX source. It never
 * throws: unknown commands become their name, unbalanced braces are
 * tolerated, and pathological nesting is flattened.
 */
import {
  ACCENTS,
  DEFAULT_ENV,
  DROP_1,
  ENVIRONMENTS,
  IGNORED,
  ORD_SYMBOLS,
  PASSTHROUGH_1,
  SPACES,
  SUBSCRIPTS,
  SUPERSCRIPTS,
  SYMBOLS,
  TEXT_COMMANDS,
  applyLetterFont,
  isLetterFont,
  type EnvSpec,
} from './latex-tables.js';

/**
 * Marker for source whitespace ("soft" space). LaTeX ignores spaces in math
 * mode, but we keep the author's spacing where it helps readability; soft
 * spaces collapse into neighbouring spaces and vanish inside scripts.
 */
const SOFT = '\uE000';
const SOFT_RUN = /\uE000+/g;
/** Marker that swallows adjacent soft spaces (used around environment delimiters). */
const GLUE = '\uE001';
const MAX_DEPTH = 48;
const LETTER = /[A-Za-z]/;
const ALNUM = /^[\p{L}\p{N}]$/u;
const DELIM_AFTER_SIZING = new Set(['left', 'right', 'middle']);

class Reader {
  i = 0;
  depth = 0;
  readonly envs: EnvSpec[] = [];
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }

  get env(): EnvSpec | undefined {
    return this.envs[this.envs.length - 1];
  }
  peek(offset = 0): string {
    return this.s[this.i + offset] ?? '';
  }
  atEnd(): boolean {
    return this.i >= this.s.length;
  }
  skipWhitespace(): boolean {
    const start = this.i;
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
    return this.i > start;
  }
  /** Next code point (handles astral characters). */
  takeChar(): string {
    const cp = this.s.codePointAt(this.i);
    if (cp === undefined) return '';
    const ch = String.fromCodePoint(cp);
    this.i += ch.length;
    return ch;
  }
}

/** Converts the inside of a `$...$` / `$$...$$` span to Unicode text. */
export function latexToUnicode(src: string): string {
  try {
    const r = new Reader(String(src).replace(/[\uE000\uE001]/g, ''));
    return finish(parseSequence(r, null));
  } catch {
    // Defensive: the reader is written not to throw, but never let math break a card.
    return String(src);
  }
}

function finish(s: string): string {
  return s
    .replace(/\uE000*\uE001[\uE000\uE001]*/g, '')
    .replace(SOFT_RUN, SOFT)
    .split('\n')
    .map((line) =>
      line
        .replace(/\uE000(?= )|(?<= )\uE000/g, '')
        .replace(SOFT_RUN, ' ')
        .trim(),
    )
    .join('\n')
    .trim();
}

/** Soft spaces → plain spaces, collapsed and trimmed (for parts rendered out of line). */
function plainSpaces(s: string): string {
  return finish(s).replace(/\n/g, ' ');
}

/** Reads until `closer` (consumed) or the end of input. */
function parseSequence(r: Reader, closer: '}' | ']' | null): string {
  let out = '';
  while (!r.atEnd()) {
    const ch = r.peek();
    if (closer !== null && ch === closer) {
      r.i++;
      return out;
    }
    if (ch === '}') {
      // Stray closing brace (unbalanced input): ignore it.
      r.i++;
      continue;
    }
    out += parseAtom(r);
  }
  return out;
}

function parseGroup(r: Reader): string {
  // r.peek() === '{'
  r.i++;
  if (r.depth >= MAX_DEPTH) {
    // Flatten absurd nesting instead of recursing further.
    const rest = r.s.slice(r.i).replace(/[{}]/g, '');
    r.i = r.s.length;
    return rest;
  }
  r.depth++;
  try {
    return parseSequence(r, '}');
  } finally {
    r.depth--;
  }
}

function parseAtom(r: Reader): string {
  const ch = r.peek();
  switch (ch) {
    case '\\':
      return parseCommand(r);
    case '{':
      return parseGroup(r);
    case '_':
    case '^': {
      r.i++;
      const arg = parseArgument(r);
      return arg === null ? ch : script(ch, arg);
    }
    case '&':
      r.i++;
      return r.env ? GLUE + r.env.col + GLUE : SOFT;
    case '~':
      r.i++;
      return ' ';
    case '$':
      r.i++;
      return '';
    default:
      if (/\s/.test(ch)) {
        r.skipWhitespace();
        return SOFT;
      }
      return r.takeChar();
  }
}

/**
 * One macro argument: a `{group}`, a command (with its own arguments), or a
 * single character. Returns null when there is nothing to take.
 */
function parseArgument(r: Reader): string | null {
  r.skipWhitespace();
  if (r.atEnd()) return null;
  const ch = r.peek();
  if (ch === '{') return parseGroup(r);
  if (ch === '}') return null;
  if (ch === '\\') return parseCommand(r, true);
  if (ch === '_' || ch === '^' || ch === '&') {
    r.i++;
    return ch;
  }
  return parseAtom(r);
}

/** Raw text of the next `{...}` argument (balanced), or a single character. */
function readRawArgument(r: Reader): string {
  r.skipWhitespace();
  if (r.peek() !== '{') return r.atEnd() || r.peek() === '}' ? '' : r.takeChar();
  r.i++;
  let depth = 1;
  const start = r.i;
  while (!r.atEnd()) {
    const c = r.s[r.i]!;
    if (c === '\\') {
      r.i += 2;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      const raw = r.s.slice(start, r.i);
      r.i++;
      return raw;
    }
    r.i++;
  }
  return r.s.slice(start);
}

/**
 * A command and its arguments. As a macro argument (`x^\\infty y`), whitespace
 * after a symbol is left in place for the enclosing sequence.
 */
function parseCommand(r: Reader, asArgument = false): string {
  r.i++; // backslash
  if (r.atEnd()) return ''; // trailing backslash
  const first = r.peek();
  if (!LETTER.test(first)) {
    r.takeChar();
    switch (first) {
      case ',':
      case ';':
      case ':':
      case '>':
      case ' ':
      case '\t':
      case '\n':
        return ' ';
      case '!':
      case '/':
        return '';
      case '\\':
        skipOptional(r);
        return r.env ? GLUE + r.env.row + GLUE : '\n';
      case '|':
        return '‖';
      default:
        return first; // \{ \} \$ \% \& \# \_ and anything else literal
    }
  }
  let name = '';
  while (!r.atEnd() && LETTER.test(r.peek())) name += r.s[r.i++];
  if (r.peek() === '*' && (name === 'operatorname' || name === 'begin' || name === 'end')) r.i++;
  const wsStart = r.i;
  const hadSpace = r.skipWhitespace();
  const afterWs = r.i;
  const out = command(r, name, hadSpace && !asArgument);
  // Nothing after the name was consumed as an argument: give the space back.
  if (asArgument && r.i === afterWs) r.i = wsStart;
  return out;
}

function skipOptional(r: Reader): string | null {
  const save = r.i;
  r.skipWhitespace();
  if (r.peek() !== '[') {
    r.i = save;
    return null;
  }
  r.i++;
  return parseSequence(r, ']');
}

function command(r: Reader, name: string, hadSpace: boolean): string {
  const soft = hadSpace ? SOFT : '';

  const ord = ORD_SYMBOLS[name];
  if (ord !== undefined) {
    // `\alpha x` → αx, `\partial L` → ∂L, but `\alpha + 1` keeps its spaces.
    return ord + (hadSpace && !nextIsOrdinary(r) ? SOFT : '');
  }
  const sym = SYMBOLS[name];
  if (sym !== undefined) return sym + soft;

  const space = SPACES[name];
  if (space !== undefined) {
    if (name === 'hspace' || name === 'hskip') readRawArgument(r);
    return space;
  }

  if (IGNORED.has(name)) {
    if (DELIM_AFTER_SIZING.has(name) || name.startsWith('big') || name.startsWith('Big')) {
      // `\left.` is an invisible delimiter.
      if (r.peek() === '.') r.i++;
      return '';
    }
    return soft;
  }

  const accent = ACCENTS[name];
  if (accent !== undefined) return applyAccent(parseArgument(r) ?? '', accent);

  if (isLetterFont(name)) return applyLetterFont(name, plainSpaces(parseArgument(r) ?? ''));
  if (PASSTHROUGH_1.has(name)) return parseArgument(r) ?? '';
  if (TEXT_COMMANDS.has(name)) return textMode(readRawArgument(r));
  if (DROP_1.has(name)) {
    readRawArgument(r);
    return '';
  }

  switch (name) {
    case 'frac':
    case 'dfrac':
    case 'tfrac':
    case 'cfrac': {
      const num = parseArgument(r) ?? '';
      const den = parseArgument(r) ?? '';
      return `${parenthesize(plainSpaces(num))}/${parenthesize(plainSpaces(den))}`;
    }
    case 'binom':
    case 'dbinom':
    case 'tbinom': {
      const n = plainSpaces(parseArgument(r) ?? '');
      const k = plainSpaces(parseArgument(r) ?? '');
      return `C(${n}, ${k})`;
    }
    case 'sqrt': {
      const index = skipOptional(r);
      const body = plainSpaces(parseArgument(r) ?? '');
      return root(index === null ? '' : plainSpaces(index)) + parenthesize(body);
    }
    case 'not': {
      const next = plainSpaces(parseArgument(r) ?? '');
      const negated: Record<string, string> = { '=': '≠', '∈': '∉', '<': '≮', '>': '≯', '≤': '≰', '≥': '≱', '⊂': '⊄', '⊆': '⊈', '∼': '≁', '≡': '≢', '|': '∤', '∃': '∄' };
      return negated[next] ?? (next ? next + '\u0338' : '');
    }
    case 'begin': {
      const envName = readRawArgument(r).trim().replace(/\*$/, '');
      const spec = ENVIRONMENTS[envName] ?? DEFAULT_ENV;
      for (let k = 0; k < spec.skipArgs; k++) readRawArgument(r);
      r.envs.push(spec);
      return spec.open + GLUE;
    }
    case 'end': {
      readRawArgument(r);
      const spec = r.envs.pop();
      return spec ? GLUE + spec.close : '';
    }
    case 'textcolor':
    case 'colorbox': {
      readRawArgument(r);
      return parseArgument(r) ?? '';
    }
    case 'tag': {
      return `(${textMode(readRawArgument(r))})`;
    }
    case 'pmod': {
      return ` (mod ${plainSpaces(parseArgument(r) ?? '')})`;
    }
    case 'bmod':
    case 'mod':
      return ' mod ';
    case 'overset':
    case 'stackrel': {
      const over = parseArgument(r) ?? '';
      const base = parseArgument(r) ?? '';
      return base + script('^', over);
    }
    case 'underset': {
      const under = parseArgument(r) ?? '';
      const base = parseArgument(r) ?? '';
      return base + script('_', under);
    }
    default:
      // Unknown commands (and function names like \sin, \log, \max): the name itself.
      return name + soft;
  }
}

/** Whether the next token is a letter, digit or ordinary symbol (so `\alpha x` binds tightly). */
function nextIsOrdinary(r: Reader): boolean {
  const ch = r.peek();
  if (ch === '') return false;
  if (ALNUM.test(ch)) return true;
  if (ch !== '\\') return false;
  const m = /^\\([A-Za-z]+)/.exec(r.s.slice(r.i, r.i + 32));
  return !!m && (m[1]! in ORD_SYMBOLS || isLetterFont(m[1]!));
}

/** Text inside \text{...}: literal, with escapes and nested commands flattened. */
function textMode(raw: string): string {
  return raw
    .replace(/\$([^$]*)\$/g, (_m, inner: string) => latexToUnicode(inner))
    .replace(/\\([{}$%&#_ ])/g, '$1')
    .replace(/\\[,;:]/g, ' ')
    .replace(/~/g, ' ')
    .replace(/\\([A-Za-z]+)\s*/g, (_m, cmd: string) => ORD_SYMBOLS[cmd] ?? SYMBOLS[cmd] ?? '')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ');
}

function applyAccent(arg: string, mark: string): string {
  let out = '';
  for (const ch of plainSpaces(arg)) {
    out += ch;
    if (!/[\s\p{M}]/u.test(ch)) out += mark;
  }
  return out;
}

const OPEN = '([{⟨⌈⌊';
const CLOSE = ')]}⟩⌉⌋';
const OPERATOR = /[+\-−±∓×·÷/=<>≤≥≠≈∼≃≅≡∝,;:|∈∉⊂⊆⊃⊇∪∩→←↔⇒⇐⇔∧∨∘⊗⊕⊙\s]/u;

/** True when `s` reads as a single operand (so `a/b` needs no parentheses). */
function isAtomic(s: string): boolean {
  const cps = [...s];
  if (cps.length <= 1) return true;
  // Fully wrapped in one matching pair of brackets?
  const firstOpen = OPEN.indexOf(cps[0]!);
  if (firstOpen >= 0 && cps[cps.length - 1] === CLOSE[firstOpen]) {
    let depth = 0;
    let wrapped = true;
    for (let k = 0; k < cps.length; k++) {
      const c = cps[k]!;
      if (OPEN.includes(c)) depth++;
      else if (CLOSE.includes(c)) depth--;
      if (depth === 0 && k < cps.length - 1) {
        wrapped = false;
        break;
      }
    }
    if (wrapped) return true;
  }
  // Otherwise: no operator at bracket depth 0.
  let depth = 0;
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k]!;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && OPERATOR.test(c) && !(k === 0 && (c === '-' || c === '−'))) return false;
  }
  return true;
}

function parenthesize(s: string): string {
  return isAtomic(s) ? s : `(${s})`;
}

function root(index: string): string {
  if (index === '' || index === '2') return '√';
  if (index === '3') return '∛';
  if (index === '4') return '∜';
  return script('^', index) + '√';
}

/**
 * Sub/superscript: Unicode script characters when every character has one,
 * otherwise a readable ASCII form (`x_A`, `x_AB`, `x_(i,j)`, `x^Q`, `x^(n+q)`).
 */
function script(kind: '_' | '^', content: string): string {
  const compact = content.replace(SOFT_RUN, '');
  const cps = [...compact];
  if (cps.length === 0) return '';
  const map = kind === '_' ? SUBSCRIPTS : SUPERSCRIPTS;
  if (cps.every((c) => map.has(c))) return cps.map((c) => map.get(c)).join('');
  const readable = plainSpaces(content);
  if (cps.length === 1) return kind + readable;
  if (kind === '_' && /^[\p{L}\p{N}]+$/u.test(compact)) return '_' + compact;
  return `${kind}(${readable})`;
}

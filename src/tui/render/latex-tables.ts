/** Lookup tables for {@link latexToUnicode}. */

/** Greek letters and other "ordinary" symbols: a following letter binds without a space (`\alpha x` → αx). */
export const ORD_SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  varkappa: 'ϰ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  omicron: 'ο',
  pi: 'π',
  varpi: 'ϖ',
  rho: 'ρ',
  varrho: 'ϱ',
  sigma: 'σ',
  varsigma: 'ς',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Alpha: 'Α',
  Beta: 'Β',
  Gamma: 'Γ',
  Delta: 'Δ',
  Epsilon: 'Ε',
  Zeta: 'Ζ',
  Eta: 'Η',
  Theta: 'Θ',
  Iota: 'Ι',
  Kappa: 'Κ',
  Lambda: 'Λ',
  Mu: 'Μ',
  Nu: 'Ν',
  Xi: 'Ξ',
  Omicron: 'Ο',
  Pi: 'Π',
  Rho: 'Ρ',
  Sigma: 'Σ',
  Tau: 'Τ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Chi: 'Χ',
  Psi: 'Ψ',
  Omega: 'Ω',
  varGamma: 'Γ',
  varDelta: 'Δ',
  varTheta: 'Θ',
  varLambda: 'Λ',
  varXi: 'Ξ',
  varPi: 'Π',
  varSigma: 'Σ',
  varUpsilon: 'Υ',
  varPhi: 'Φ',
  varPsi: 'Ψ',
  varOmega: 'Ω',
  partial: '∂',
  nabla: '∇',
  forall: '∀',
  exists: '∃',
  nexists: '∄',
  neg: '¬',
  lnot: '¬',
  infty: '∞',
  ell: 'ℓ',
  hbar: 'ℏ',
  imath: 'ı',
  jmath: 'ȷ',
  aleph: 'ℵ',
  beth: 'ℶ',
  Re: 'ℜ',
  Im: 'ℑ',
  wp: '℘',
  emptyset: '∅',
  varnothing: '∅',
  angle: '∠',
  prime: '′',
  top: '⊤',
  bot: '⊥',
  intercal: '⊺',
  dagger: '†',
  ddagger: '‡',
  checkmark: '✓',
};

/** Operators, relations, arrows, delimiters, dots: whitespace around them is kept as written. */
export const SYMBOLS: Readonly<Record<string, string>> = {
  times: '×',
  cdot: '·',
  cdotp: '·',
  centerdot: '·',
  pm: '±',
  mp: '∓',
  div: '÷',
  ast: '∗',
  star: '⋆',
  bullet: '•',
  circ: '∘',
  odot: '⊙',
  otimes: '⊗',
  oplus: '⊕',
  ominus: '⊖',
  oslash: '⊘',
  wedge: '∧',
  land: '∧',
  vee: '∨',
  lor: '∨',
  cap: '∩',
  cup: '∪',
  bigcap: '⋂',
  bigcup: '⋃',
  sqcup: '⊔',
  sqcap: '⊓',
  setminus: '∖',
  smallsetminus: '∖',
  wr: '≀',
  amalg: '⨿',
  leq: '≤',
  le: '≤',
  leqslant: '≤',
  geq: '≥',
  ge: '≥',
  geqslant: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  approxeq: '≊',
  sim: '∼',
  simeq: '≃',
  cong: '≅',
  equiv: '≡',
  propto: '∝',
  ll: '≪',
  gg: '≫',
  lesssim: '≲',
  gtrsim: '≳',
  prec: '≺',
  succ: '≻',
  preceq: '⪯',
  succeq: '⪰',
  asymp: '≍',
  doteq: '≐',
  triangleq: '≜',
  coloneqq: '≔',
  coloneq: '≔',
  eqqcolon: '≕',
  in: '∈',
  notin: '∉',
  ni: '∋',
  owns: '∋',
  subset: '⊂',
  subseteq: '⊆',
  subsetneq: '⊊',
  supset: '⊃',
  supseteq: '⊇',
  supsetneq: '⊋',
  sqsubseteq: '⊑',
  sqsupseteq: '⊒',
  perp: '⊥',
  parallel: '∥',
  nparallel: '∦',
  mid: '|',
  nmid: '∤',
  vdash: '⊢',
  dashv: '⊣',
  models: '⊨',
  vDash: '⊨',
  therefore: '∴',
  because: '∵',
  sum: '∑',
  prod: '∏',
  coprod: '∐',
  int: '∫',
  iint: '∬',
  iiint: '∭',
  oint: '∮',
  bigoplus: '⨁',
  bigotimes: '⨂',
  bigodot: '⨀',
  bigvee: '⋁',
  bigwedge: '⋀',
  bigsqcup: '⨆',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  gets: '←',
  leftrightarrow: '↔',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  Leftrightarrow: '⇔',
  implies: '⇒',
  impliedby: '⇐',
  iff: '⇔',
  longrightarrow: '⟶',
  longleftarrow: '⟵',
  longleftrightarrow: '⟷',
  Longrightarrow: '⟹',
  Longleftarrow: '⟸',
  Longleftrightarrow: '⟺',
  mapsto: '↦',
  longmapsto: '⟼',
  hookrightarrow: '↪',
  hookleftarrow: '↩',
  uparrow: '↑',
  downarrow: '↓',
  updownarrow: '↕',
  Uparrow: '⇑',
  Downarrow: '⇓',
  nearrow: '↗',
  searrow: '↘',
  nwarrow: '↖',
  swarrow: '↙',
  rightleftharpoons: '⇌',
  leftrightharpoons: '⇋',
  rightharpoonup: '⇀',
  leadsto: '⇝',
  ldots: '…',
  dots: '…',
  dotsc: '…',
  dotsb: '⋯',
  cdots: '⋯',
  vdots: '⋮',
  ddots: '⋱',
  langle: '⟨',
  rangle: '⟩',
  lceil: '⌈',
  rceil: '⌉',
  lfloor: '⌊',
  rfloor: '⌋',
  lbrace: '{',
  rbrace: '}',
  lbrack: '[',
  rbrack: ']',
  vert: '|',
  lvert: '|',
  rvert: '|',
  Vert: '‖',
  lVert: '‖',
  rVert: '‖',
  backslash: '\\',
  colon: ':',
  surd: '√',
  triangle: '△',
  square: '□',
  Box: '□',
  diamond: '⋄',
  Diamond: '◇',
  lozenge: '◊',
  sharp: '♯',
  flat: '♭',
  natural: '♮',
  clubsuit: '♣',
  diamondsuit: '♢',
  heartsuit: '♡',
  spadesuit: '♠',
  degree: '°',
  S: '§',
  P: '¶',
  copyright: '©',
  pounds: '£',
  euro: '€',
  lbrbrak: '⟦',
  rbrbrak: '⟧',
  llbracket: '⟦',
  rrbracket: '⟧',
};

/** Explicit spacing commands. */
export const SPACES: Readonly<Record<string, string>> = {
  quad: '  ',
  qquad: '    ',
  enspace: ' ',
  thinspace: ' ',
  medspace: ' ',
  thickspace: ' ',
  space: ' ',
  nobreakspace: ' ',
  hfill: ' ',
  hspace: ' ',
};

/** Commands that produce nothing (their own argument, if any, is handled separately). */
export const IGNORED = new Set([
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'scriptscriptstyle',
  'limits',
  'nolimits',
  'mathstrut',
  'strut',
  'nonumber',
  'notag',
  'relax',
  'left',
  'right',
  'middle',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
  'bigm',
  'Bigm',
  'biggm',
  'Biggm',
  'allowbreak',
  'nolinebreak',
  'centering',
  'newline',
  'cr',
]);

/** Accent commands → combining character appended after each base character. */
export const ACCENTS: Readonly<Record<string, string>> = {
  hat: '\u0302',
  widehat: '\u0302',
  check: '\u030c',
  widecheck: '\u030c',
  tilde: '\u0303',
  widetilde: '\u0303',
  bar: '\u0304',
  overline: '\u0305',
  underline: '\u0332',
  vec: '\u20d7',
  overrightarrow: '\u20d7',
  overleftarrow: '\u20d6',
  dot: '\u0307',
  ddot: '\u0308',
  dddot: '\u20db',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
  mathring: '\u030a',
};

/** Commands whose single argument is rendered as-is (font/style changes we cannot or should not express). */
export const PASSTHROUGH_1 = new Set([
  'mathbf',
  'boldsymbol',
  'bm',
  'pmb',
  'mathit',
  'mathsf',
  'mathtt',
  'mathnormal',
  'mathrm',
  'mathup',
  'operatorname',
  'boxed',
  'underbrace',
  'overbrace',
  'smash',
  'mathop',
  'mathbin',
  'mathrel',
  'mathord',
  'mathpunct',
  'mathopen',
  'mathclose',
  'mathinner',
  'ensuremath',
  'cancel',
  'bcancel',
  'xcancel',
]);

/** Text-mode commands: argument is literal text. */
export const TEXT_COMMANDS = new Set([
  'text',
  'textrm',
  'textit',
  'textbf',
  'textsf',
  'texttt',
  'textup',
  'textnormal',
  'emph',
  'mbox',
  'hbox',
  'fbox',
]);

/** Commands that take one argument and produce nothing. */
export const DROP_1 = new Set(['phantom', 'hphantom', 'vphantom', 'label', 'color', 'vspace', 'kern', 'mkern']);

const SUB_PAIRS =
  '0₀1₁2₂3₃4₄5₅6₆7₇8₈9₉+₊-₋−₋=₌(₍)₎aₐeₑhₕiᵢjⱼkₖlₗmₘnₙoₒpₚrᵣsₛtₜuᵤvᵥxₓəₔβᵦγᵧρᵨφᵩχᵪ';
const SUP_PAIRS =
  '0⁰1¹2²3³4⁴5⁵6⁶7⁷8⁸9⁹+⁺-⁻−⁻=⁼(⁽)⁾' +
  'aᵃbᵇcᶜdᵈeᵉfᶠgᵍhʰiⁱjʲkᵏlˡmᵐnⁿoᵒpᵖrʳsˢtᵗuᵘvᵛwʷxˣyʸzᶻ' +
  'AᴬBᴮDᴰEᴱGᴳHᴴIᴵJᴶKᴷLᴸMᴹNᴺOᴼPᴾRᴿTᵀUᵁVⱽWᵂ' +
  'αᵅβᵝγᵞδᵟεᵋθᶿιᶥφᵠχᵡ' +
  '⊤ᵀ⊺ᵀ∗*';

function pairs(spec: string, identity: string): Map<string, string> {
  const cps = [...spec];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < cps.length; i += 2) map.set(cps[i]!, cps[i + 1]!);
  // Already-raised/lowered characters map to themselves (nested scripts, `x^{2^3}`).
  for (const v of [...map.values()]) map.set(v, v);
  for (const c of identity) map.set(c, c);
  return map;
}

export const SUBSCRIPTS = pairs(SUB_PAIRS, '');
/** Characters that already sit "up" count as raisable: primes, daggers, asterisk, degree. */
export const SUPERSCRIPTS = pairs(SUP_PAIRS, '′″‴*†‡°');

type FontSpec = {
  upper: number;
  lower?: number;
  digit?: number;
  exceptions: Readonly<Record<string, string>>;
};

const FONTS: Readonly<Record<string, FontSpec>> = {
  mathbb: {
    upper: 0x1d538,
    lower: 0x1d552,
    digit: 0x1d7d8,
    exceptions: { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  },
  mathcal: {
    upper: 0x1d49c,
    lower: 0x1d4b6,
    exceptions: {
      B: 'ℬ',
      E: 'ℰ',
      F: 'ℱ',
      H: 'ℋ',
      I: 'ℐ',
      L: 'ℒ',
      M: 'ℳ',
      R: 'ℛ',
      e: 'ℯ',
      g: 'ℊ',
      o: 'ℴ',
    },
  },
  mathfrak: {
    upper: 0x1d504,
    lower: 0x1d51e,
    exceptions: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  },
};
const FONT_ALIASES: Readonly<Record<string, string>> = {
  mathbb: 'mathbb',
  Bbb: 'mathbb',
  mathds: 'mathbb',
  mathcal: 'mathcal',
  mathscr: 'mathcal',
  mathfrak: 'mathfrak',
};

export function isLetterFont(name: string): boolean {
  return name in FONT_ALIASES;
}

/** Maps ASCII letters (and digits for blackboard bold) of `text` into a mathematical alphabet. */
export function applyLetterFont(name: string, text: string): string {
  const spec = FONTS[FONT_ALIASES[name] ?? ''];
  if (!spec) return text;
  let out = '';
  for (const ch of text) {
    const exc = spec.exceptions[ch];
    const c = ch.charCodeAt(0);
    if (exc) out += exc;
    else if (c >= 65 && c <= 90) out += String.fromCodePoint(spec.upper + c - 65);
    else if (c >= 97 && c <= 122 && spec.lower !== undefined) out += String.fromCodePoint(spec.lower + c - 97);
    else if (c >= 48 && c <= 57 && spec.digit !== undefined) out += String.fromCodePoint(spec.digit + c - 48);
    else out += ch;
  }
  return out;
}

/** Environments: how `&` and `\\` render, and the delimiters around the body. */
export interface EnvSpec {
  open: string;
  close: string;
  col: string;
  row: string;
  /** Number of raw arguments after \begin{env} to skip (column spec of `array`). */
  skipArgs: number;
}

const MATRIX = (open: string, close: string): EnvSpec => ({ open, close, col: ' ', row: '; ', skipArgs: 0 });

export const ENVIRONMENTS: Readonly<Record<string, EnvSpec>> = {
  matrix: MATRIX('', ''),
  smallmatrix: MATRIX('', ''),
  pmatrix: MATRIX('(', ')'),
  bmatrix: MATRIX('[', ']'),
  Bmatrix: MATRIX('{', '}'),
  vmatrix: MATRIX('|', '|'),
  Vmatrix: MATRIX('‖', '‖'),
  array: { open: '', close: '', col: ' ', row: '; ', skipArgs: 1 },
  cases: { open: '{ ', close: '', col: ', ', row: '; ', skipArgs: 0 },
};

export const DEFAULT_ENV: EnvSpec = { open: '', close: '', col: '', row: '\n', skipArgs: 0 };

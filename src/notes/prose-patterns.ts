/**
 * Recognisers for one line of prose: does it ask a question, does it define a term? Pure string
 * functions, kept apart from the tree walking in prose-cards.ts so each rule is easy to read and test.
 */
import { countWords, mask } from './inline-markdown.js';

/** Lines that point elsewhere or give an example rather than say something themselves. */
const FILLER = /^(?:e\.?\s?g\b\.?|eg\b|i\.?\s?e\b\.?|see\b|cf\b\.?|note\b|nb\b|also\b|example\b|examples\b|for example\b|recall\b|then\b|so\b|but\b|and\b|or\b|todo\b|tbd\b)/i;
/** A question starting like this is not one of a list of parallel items but asks for what follows. */
const INTERROGATIVE = /^(?:what|how|why|which|when|where|who|whom|whose|is|are|was|were|can|could|does|do|did|should|would|will|has|have|may|might|must)\b/i;

export function isFiller(text: string): boolean {
  return FILLER.test(text.trim());
}

export function isInterrogative(text: string): boolean {
  return INTERROGATIVE.test(text.trim());
}

export interface Question {
  question: string;
  /** Text after the question on the same line, e.g. `Why? Because...` → `Because...`. */
  inline: string;
}

/**
 * A line asks a question when it ends with `?`, or when its last `?` is followed by an answer
 * (at least two words, not a parenthesis such as a paper's venue). A `?` inside code, math, links,
 * quotes or parentheses does not count: `"Is it?" (2020)` is a title, not a question.
 */
export function questionOf(content: string): Question | null {
  const text = content.trim();
  if (/^(?:see|cf\.?)\s/i.test(text) || text.startsWith('|')) return null;
  const masked = mask(text, { math: true, quotes: true, parens: true });
  if (masked.trimEnd().endsWith('?')) {
    return countWords(text) >= 2 ? { question: text, inline: '' } : null;
  }
  let last = -1;
  for (const m of masked.matchAll(/\?(?=\s)/g)) last = m.index ?? last;
  if (last === -1) return null;
  const question = text.slice(0, last + 1).trim();
  const inline = text.slice(last + 1).trim();
  // `Is it X? Can we say Y.` is two questions, one missing its `?`; there is no answer here.
  if (countWords(question) < 2 || countWords(inline) < 2 || inline.startsWith('(') || isInterrogative(inline)) return null;
  return { question, inline };
}

function firstSentenceIsQuestion(text: string): boolean {
  const masked = mask(text, { math: true, quotes: true, parens: true });
  const end = /[.!?](?=\s|$)/.exec(masked);
  return end?.[0] === '?';
}

export interface Definition {
  term: string;
  /** The definition on the term's own line; may be empty when a list below holds it. */
  rest: string;
}

const MAX_TERM_WORDS = 5;
const MAX_BOLD_TERM_WORDS = 8;

/** `**Term**: def`, `**Term:** def`, `**Term** - def`. Bold marks a term deliberately, so it may be longer. */
function boldDefinition(text: string): Definition | null {
  const m = /^(\*\*|__)(?=\S)(.+?)(?<=\S)\1(.*)$/.exec(text);
  if (!m) return null;
  const term = (m[2] ?? '').trim();
  const after = m[3] ?? '';
  if (term.endsWith(':')) return { term: term.slice(0, -1).trim(), rest: after.trim() };
  const separator = /^\s*(?::|[-–—](?=\s))\s*/.exec(after);
  if (!separator) return null;
  return { term, rest: after.slice(separator[0].length).trim() };
}

/** `Term: def` where Term reads like a name: short, no sentence in it, not a URL or a citation. */
function plainDefinition(text: string): Definition | null {
  const masked = mask(text, { math: true, quotes: true, parens: true });
  const colon = /:(?=\s|$)/.exec(masked);
  if (!colon) return null;
  const term = text.slice(0, colon.index).trim();
  const rest = text.slice(colon.index + 1).trim();
  if (!isTermLike(term)) return null;
  return { term, rest };
}

function isTermLike(term: string): boolean {
  const words = countWords(term);
  return (
    words >= 1 &&
    words <= MAX_TERM_WORDS &&
    term.length <= 60 &&
    /^[\p{L}\p{N}"'“(]/u.test(term) &&
    !/[?!|`$,;=<>{}[\]]|\.\s|https?:|\]\(/.test(term) &&
    !isMostlyNumeric(term) &&
    !/\bet al\b/i.test(term) &&
    !/\s\/\s/.test(term) &&
    !PRONOUN_START.test(term) &&
    !isFiller(term)
  );
}

/** `You can project by integrating: ...` is a sentence with a colon, not a term. */
const PRONOUN_START = /^(?:i|you|we|they|he|she|it|this|that|these|those|there|here|our|my|your|its|their|what|how|why|when|where|which|who|lets?|let's)\b/i;

/** `Srivastava and Salakhutdinov: <title> JMLR 2014` is a citation: authors, then the paper. */
function isCitation(def: Definition): boolean {
  const names = /^\p{Lu}[\p{L}'-]*(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'-]*)+$/u;
  return names.test(def.term) && /\b(?:19|20)\d\d\b/.test(def.rest);
}

/**
 * `Paradigm 1: Summarization: ...` names the term in its second part, and
 * `Key challenge: Neighbourhood aggregation:` introduces a list: both fold the part into the term.
 */
function foldSecondPart(def: Definition): Definition {
  const intro = /^([^:?!.]{1,40}):$/.exec(def.rest);
  if (intro && countWords(intro[1] ?? '') <= 3) return { term: `${def.term}: ${(intro[1] ?? '').trim()}`, rest: '' };
  if (/\s(?:\d+[a-z]?|[IVX]+|[A-Z])$/.test(def.term)) {
    const named = /^([^:?!.]{1,40}?):(?=\s|$)\s*/.exec(def.rest);
    if (named && countWords(named[1] ?? '') <= 3) {
      return { term: `${def.term}: ${(named[1] ?? '').trim()}`, rest: def.rest.slice(named[0].length).trim() };
    }
  }
  return def;
}

/** A definition whose text opens with a question is a question in prose, handled as such. */
export function definitionOf(content: string): Definition | null {
  const text = content.trim();
  if (text.startsWith('|')) return null;
  const def = boldDefinition(text) ?? plainDefinition(text);
  if (!def || def.term === '' || isCitation(def)) return null;
  if (countWords(def.term) > MAX_BOLD_TERM_WORDS) return null;
  const folded = foldSecondPart(def);
  if (folded.rest !== '' && firstSentenceIsQuestion(folded.rest)) return null;
  return folded;
}

function isMostlyNumeric(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const numeric = words.filter((w) => !/\p{L}{2}/u.test(w)).length;
  return words.length === 0 || numeric * 2 >= words.length;
}

/** Printed output, measurements or a code line split at a colon: `0.3414, G Loss: 2.7712`. */
export function isDataLike(text: string): boolean {
  const t = text.replace(/\$[^$]*\$/g, 'x').trim();
  const letters = (t.match(/\p{L}/gu) ?? []).length;
  const digits = (t.match(/\p{N}/gu) ?? []).length;
  return isMostlyNumeric(t) || digits > letters;
}

/** An identifier, a call or an expression: `x.shape`, `fit()`, `lr = 0.1`. */
export function isCodeLike(term: string): boolean {
  return /`|\w\(|\w\.\w|=|\b\w+_\w|::|->|\[\d*\]|^[a-z]+[A-Z]\w*$/.test(term.replace(/\*\*|__/g, ''));
}

const PREPOSITION = /\s(?:via|of|for|in|with|on|to|from|by|under|over|between|through|into|as|and|or|vs\.?|versus)\s/i;

/** "What are Graph networks?" but "What is Transfer via Pretrained Models?": the head noun decides. */
export function isPlural(subject: string): boolean {
  const head = subject.replace(/\s*\([^)]*\)\s*/g, ' ').split(PREPOSITION)[0] ?? subject;
  const last = head.trim().split(/\s+/).pop() ?? '';
  return /(?:[^s']s|\p{Lu}s)$/u.test(last) && !/(?:us|is|ics|ness|ss|sis|xis|ous)$/i.test(last);
}

/** "What is tensor fusion?": a term asked about as a question. */
export function termQuestion(term: string): string {
  const t = plainTerm(term).replace(/[:.]\s*$/, '').trim();
  return `What ${isPlural(t) ? 'are' : 'is'} ${t}?`;
}

/** The term as plain text, for use inside `**...**`. */
export function plainTerm(term: string): string {
  return term.replace(/\*\*|__/g, '').trim();
}

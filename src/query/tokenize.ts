/**
 * The search language's tokens: parentheses, `-` (not), `or`/`and`, and terms. A term is a bare
 * word, a "quoted phrase", or `key:value` where the value may be quoted (`deck:"My deck"`).
 * Inside quotes `\"` is a quote and `\\` a backslash. Columns are 1-based.
 */
import type { QueryError } from '../core/index.js';

export type Token =
  | { kind: 'lparen' | 'rparen' | 'not' | 'or' | 'and'; column: number }
  /** `key` is null for a bare word or a quoted phrase; `quoted`: the term was a "quoted phrase". */
  | { kind: 'term'; column: number; key: string | null; value: string; valueColumn: number; quoted: boolean };

const isSpace = (ch: string) => /\s/.test(ch);

export function tokenize(text: string): { tokens: Token[] } | { error: QueryError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const column = i + 1;
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', column });
      i++;
      continue;
    }
    if (ch === '-' && i + 1 < text.length && !isSpace(text[i + 1]!) && text[i + 1] !== ')') {
      tokens.push({ kind: 'not', column });
      i++;
      continue;
    }
    if (ch === '"') {
      const quoted = readQuoted(text, i);
      if ('error' in quoted) return quoted;
      tokens.push({ kind: 'term', column, key: null, value: quoted.value, valueColumn: column + 1, quoted: true });
      i = quoted.end;
      continue;
    }
    // A bare word, or key:value. The word ends at a space or a parenthesis outside quotes.
    let word = '';
    let key: string | null = null;
    let valueColumn = column;
    let quotedValue = false;
    while (i < text.length && !isSpace(text[i]!) && text[i] !== '(' && text[i] !== ')') {
      const c = text[i]!;
      if (c === ':' && key === null && /^[a-z]+$/i.test(word)) {
        key = word.toLowerCase();
        word = '';
        i++;
        valueColumn = i + 1;
        continue;
      }
      if (c === '"') {
        const quoted = readQuoted(text, i);
        if ('error' in quoted) return quoted;
        word += quoted.value;
        quotedValue = true;
        i = quoted.end;
        continue;
      }
      word += c;
      i++;
    }
    if (key === null && !quotedValue && (word.toLowerCase() === 'or' || word.toLowerCase() === 'and')) {
      tokens.push({ kind: word.toLowerCase() as 'or' | 'and', column });
      continue;
    }
    tokens.push({ kind: 'term', column, key, value: word, valueColumn, quoted: quotedValue });
  }
  return { tokens };
}

function readQuoted(text: string, start: number): { value: string; end: number } | { error: QueryError } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') return { value, end: i + 1 };
    value += c;
    i++;
  }
  return { error: { column: start + 1, message: 'unclosed quote (add a closing ")' } };
}

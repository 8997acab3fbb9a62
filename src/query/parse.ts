/**
 * The search language: a query string → a typed tree (core/query.ts) or an error with the
 * column it points at. Anki's syntax: terms side by side must all match, `or` between terms,
 * `-` before a term negates it, parentheses group. Pure: no clock, no database; dates in the
 * tree stay relative (`rated:3` is "the last 3 days") and the store resolves them at run time.
 */
import { CARD_KINDS, IS_VALUES, PROP_NAMES, type CompareOp, type IsValue, type PropName, type QueryError, type QueryNode } from '../core/index.js';
import { tokenize, type Token } from './tokenize.js';

export type ParseResult = { ok: true; tree: QueryNode } | { ok: false; error: QueryError };

/** The keys a term can have, in the order the error message lists them. */
export const QUERY_KEYS = ['front', 'back', 'deck', 'tag', 'is', 'flag', 'prop', 'rated', 'added', 'note', 'kind'] as const;

const GRADE_NAMES = ['again', 'hard', 'good', 'easy'] as const;

class QuerySyntaxError extends Error {
  readonly column: number;

  constructor(column: number, message: string) {
    super(message);
    this.column = column;
  }
}

export function parseQuery(text: string): ParseResult {
  const lexed = tokenize(text);
  if ('error' in lexed) return { ok: false, error: lexed.error };
  if (lexed.tokens.length === 0) return { ok: true, tree: { type: 'all', column: 1 } };
  const parser = new Parser(lexed.tokens, text.length + 1);
  try {
    const tree = parser.orExpr();
    const extra = parser.peek();
    if (extra) throw new QuerySyntaxError(extra.column, extra.kind === 'rparen' ? 'unexpected ) (no ( to close)' : `unexpected ${extra.kind}`);
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error: { column: error.column, message: error.message } };
    throw error;
  }
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  private readonly endColumn: number;

  constructor(tokens: Token[], endColumn: number) {
    this.tokens = tokens;
    this.endColumn = endColumn;
  }

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  orExpr(): QueryNode {
    const first = this.peek();
    if (first?.kind === 'or') throw new QuerySyntaxError(first.column, 'or needs a search term before it');
    const children = [this.andExpr()];
    while (this.peek()?.kind === 'or') {
      const or = this.tokens[this.pos++]!;
      const next = this.peek();
      if (!next || next.kind === 'rparen' || next.kind === 'or' || next.kind === 'and') throw new QuerySyntaxError(or.column, 'or needs a search term after it');
      children.push(this.andExpr());
    }
    return children.length === 1 ? children[0]! : { type: 'or', column: children[0]!.column, children };
  }

  private andExpr(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const token = this.peek();
      if (!token || token.kind === 'or' || token.kind === 'rparen') break;
      if (token.kind === 'and') {
        if (children.length === 0) throw new QuerySyntaxError(token.column, 'and needs a search term before it');
        this.pos++;
        const next = this.peek();
        if (!next || next.kind === 'rparen' || next.kind === 'or' || next.kind === 'and') throw new QuerySyntaxError(token.column, 'and needs a search term after it');
        continue;
      }
      children.push(this.unary());
    }
    const at = this.peek();
    if (children.length === 0) throw new QuerySyntaxError(at?.column ?? this.endColumn, at?.kind === 'rparen' ? 'empty ( )' : 'a search term is missing');
    return children.length === 1 ? children[0]! : { type: 'and', column: children[0]!.column, children };
  }

  private unary(): QueryNode {
    const token = this.tokens[this.pos++]!;
    if (token.kind === 'not') {
      const next = this.peek();
      if (!next || next.kind === 'rparen' || next.kind === 'or' || next.kind === 'and') throw new QuerySyntaxError(token.column, '- needs a search term after it');
      return { type: 'not', column: token.column, child: this.unary() };
    }
    if (token.kind === 'lparen') {
      const next = this.peek();
      if (next?.kind === 'rparen') throw new QuerySyntaxError(token.column, 'empty ( )');
      if (!next) throw new QuerySyntaxError(token.column, 'unclosed ( (add a closing ))');
      const inner = this.orExpr();
      const close = this.peek();
      if (close?.kind !== 'rparen') throw new QuerySyntaxError(token.column, 'unclosed ( (add a closing ))');
      this.pos++;
      return inner;
    }
    if (token.kind === 'term') return termNode(token);
    throw new QuerySyntaxError(token.column, `unexpected ${token.kind === 'rparen' ? ')' : token.kind}`);
  }
}

function termNode(token: Extract<Token, { kind: 'term' }>): QueryNode {
  const { column, key, value, valueColumn } = token;
  if (key === null) {
    if (!value) throw new QuerySyntaxError(column, 'empty quoted phrase');
    return { type: 'text', column, field: 'any', text: value };
  }
  if (!(QUERY_KEYS as readonly string[]).includes(key)) {
    throw new QuerySyntaxError(column, `unknown search key ${key}: (expected ${QUERY_KEYS.join(', ')}; quote "${key}:${value}" to search the text)`);
  }
  if (!value) throw new QuerySyntaxError(column, `${key}: needs a value`);
  const bad = (message: string): never => {
    throw new QuerySyntaxError(valueColumn, message);
  };
  switch (key) {
    case 'front':
    case 'back':
      return { type: 'text', column, field: key, text: value };
    case 'deck':
      return { type: 'deck', column, pattern: value };
    case 'tag':
      return { type: 'tag', column, pattern: value.replace(/^#/, '') };
    case 'note':
      return { type: 'note', column, pattern: value };
    case 'is': {
      const v = value.toLowerCase();
      if (!(IS_VALUES as readonly string[]).includes(v)) return bad(`unknown is:${value} (expected ${IS_VALUES.join(', ')})`);
      return { type: 'is', column, value: v as IsValue };
    }
    case 'kind': {
      const v = value.toLowerCase();
      if (!(CARD_KINDS as readonly string[]).includes(v)) return bad(`unknown kind:${value} (expected ${CARD_KINDS.join(', ')})`);
      return { type: 'kind', column, kind: v };
    }
    case 'flag': {
      if (!/^[0-4]$/.test(value)) return bad(`flag:${value}: expected a flag from 0 to 4 (0: no flag)`);
      return { type: 'flag', column, flag: Number(value) };
    }
    case 'added': {
      if (!/^\d{1,6}$/.test(value) || Number(value) < 1) return bad(`added:${value}: expected a number of days, 1 or more (1: today)`);
      return { type: 'added', column, days: Number(value) };
    }
    case 'rated': {
      const m = /^(\d{1,6})(?::(.*))?$/.exec(value);
      if (!m || Number(m[1]) < 1) return bad(`rated:${value}: expected a number of days, 1 or more (1: today), optionally :1-4 or :again|hard|good|easy`);
      if (m[2] === undefined) return { type: 'rated', column, days: Number(m[1]), grade: null };
      const g = m[2].toLowerCase();
      const grade = /^[1-4]$/.test(g) ? GRADE_NAMES[Number(g) - 1]! : (GRADE_NAMES as readonly string[]).includes(g) ? (g as (typeof GRADE_NAMES)[number]) : null;
      if (!grade) throw new QuerySyntaxError(valueColumn + m[1]!.length + 1, `rated:${value}: unknown grade ${m[2]} (expected 1-4 or again, hard, good, easy)`);
      return { type: 'rated', column, days: Number(m[1]), grade };
    }
    case 'prop':
      return propNode(column, value, valueColumn);
    default:
      throw new QuerySyntaxError(column, `unknown search key ${key}:`);
  }
}

function propNode(column: number, value: string, valueColumn: number): QueryNode {
  const name = /^[a-z]*/i.exec(value)![0].toLowerCase();
  if (!(PROP_NAMES as readonly string[]).includes(name)) {
    throw new QuerySyntaxError(valueColumn, `unknown prop:${name || value} (expected ${PROP_NAMES.join(', ')})`);
  }
  const rest = value.slice(name.length);
  const opMatch = /^(<=|>=|!=|<|>|=)/.exec(rest);
  if (!opMatch) throw new QuerySyntaxError(valueColumn + name.length, `prop:${name} needs a comparison (<, <=, >, >=, =, !=) and a number, e.g. prop:${name}>=2`);
  const op = opMatch[1] as CompareOp;
  const numberText = rest.slice(op.length);
  if (!/^-?\d+(\.\d+)?$/.test(numberText)) {
    throw new QuerySyntaxError(valueColumn + name.length + op.length, `prop:${name}${op}: expected a number, got '${numberText}'`);
  }
  const number = Number(numberText);
  if (name === 'retrievability' && (number < 0 || number > 1)) {
    throw new QuerySyntaxError(valueColumn + name.length + op.length, `prop:retrievability compares with a probability from 0 to 1, got ${numberText}`);
  }
  return { type: 'prop', column, prop: name as PropName, op, value: number };
}

/** The search language's parser: a table of queries → trees (with columns) and → errors (with columns). */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/index.js';
import type { QueryNode } from '../../src/core/index.js';

const text = (t: string, column: number, field: 'any' | 'front' | 'back' = 'any'): QueryNode => ({ type: 'text', column, field, text: t });

const TREES: Array<[string, QueryNode]> = [
  ['', { type: 'all', column: 1 }],
  ['   ', { type: 'all', column: 1 }],
  ['fusion', text('fusion', 1)],
  ['"tensor fusion"', text('tensor fusion', 1)],
  ['"say \\"hi\\""', text('say "hi"', 1)],
  ['tensor fusion', { type: 'and', column: 1, children: [text('tensor', 1), text('fusion', 8)] }],
  ['a and b', { type: 'and', column: 1, children: [text('a', 1), text('b', 7)] }],
  ['a or b', { type: 'or', column: 1, children: [text('a', 1), text('b', 6)] }],
  ['a OR b c', { type: 'or', column: 1, children: [text('a', 1), { type: 'and', column: 6, children: [text('b', 6), text('c', 8)] }] }],
  ['(a or b) c', { type: 'and', column: 2, children: [{ type: 'or', column: 2, children: [text('a', 2), text('b', 7)] }, text('c', 10)] }],
  ['-a', { type: 'not', column: 1, child: text('a', 2) }],
  ['-(a or b)', { type: 'not', column: 1, child: { type: 'or', column: 3, children: [text('a', 3), text('b', 8)] } }],
  ['--a', { type: 'not', column: 1, child: { type: 'not', column: 2, child: text('a', 3) } }],
  ['a-b', text('a-b', 1)],
  ['-', text('-', 1)],
  ['front:cat', text('cat', 1, 'front')],
  ['back:"big cat"', text('big cat', 1, 'back')],
  ['deck:ml', { type: 'deck', column: 1, pattern: 'ml' }],
  ['deck:ml::*', { type: 'deck', column: 1, pattern: 'ml::*' }],
  ['deck:"My Deck"', { type: 'deck', column: 1, pattern: 'My Deck' }],
  ['DECK:ml', { type: 'deck', column: 1, pattern: 'ml' }],
  ["deck:x' OR 1=1 --", {
    type: 'or', column: 1, children: [
      { type: 'deck', column: 1, pattern: "x'" },
      { type: 'and', column: 12, children: [text('1=1', 12), { type: 'not', column: 16, child: text('-', 17) }] },
    ],
  }],
  ['tag:a::b', { type: 'tag', column: 1, pattern: 'a::b' }],
  ['tag:#ml', { type: 'tag', column: 1, pattern: 'ml' }],
  ['is:due', { type: 'is', column: 1, value: 'due' }],
  ['is:SUSPENDED', { type: 'is', column: 1, value: 'suspended' }],
  ['flag:0', { type: 'flag', column: 1, flag: 0 }],
  ['flag:4', { type: 'flag', column: 1, flag: 4 }],
  ['prop:ivl>=10', { type: 'prop', column: 1, prop: 'ivl', op: '>=', value: 10 }],
  ['prop:due<3', { type: 'prop', column: 1, prop: 'due', op: '<', value: 3 }],
  ['prop:due=-1', { type: 'prop', column: 1, prop: 'due', op: '=', value: -1 }],
  ['prop:lapses>2', { type: 'prop', column: 1, prop: 'lapses', op: '>', value: 2 }],
  ['prop:reps!=0', { type: 'prop', column: 1, prop: 'reps', op: '!=', value: 0 }],
  ['prop:stability>30.5', { type: 'prop', column: 1, prop: 'stability', op: '>', value: 30.5 }],
  ['prop:difficulty<=5', { type: 'prop', column: 1, prop: 'difficulty', op: '<=', value: 5 }],
  ['prop:retrievability<0.8', { type: 'prop', column: 1, prop: 'retrievability', op: '<', value: 0.8 }],
  ['rated:1', { type: 'rated', column: 1, days: 1, grade: null }],
  ['rated:7:1', { type: 'rated', column: 1, days: 7, grade: 'again' }],
  ['rated:7:good', { type: 'rated', column: 1, days: 7, grade: 'good' }],
  ['added:30', { type: 'added', column: 1, days: 30 }],
  ['note:ml/*.md', { type: 'note', column: 1, pattern: 'ml/*.md' }],
  ['kind:cloze', { type: 'kind', column: 1, kind: 'cloze' }],
  ['"x:y"', text('x:y', 1)],
  ['10:30', text('10:30', 1)],
  ['"%"', text('%', 1)],
  ['_', text('_', 1)],
  ['deck:ml -is:suspended (tag:exam or flag:1)', {
    type: 'and', column: 1, children: [
      { type: 'deck', column: 1, pattern: 'ml' },
      { type: 'not', column: 9, child: { type: 'is', column: 10, value: 'suspended' } },
      { type: 'or', column: 24, children: [{ type: 'tag', column: 24, pattern: 'exam' }, { type: 'flag', column: 36, flag: 1 }] },
    ],
  }],
];

const ERRORS: Array<[string, number, RegExp]> = [
  ['is:foo', 4, /^unknown is:foo \(expected new, learn, review, due, suspended, buried, leech, edited, suggestion\)$/],
  ['deck:ml is:foo', 12, /unknown is:foo/],
  ['"open', 1, /unclosed quote/],
  ['a "open', 3, /unclosed quote/],
  ['(a', 1, /unclosed \(/],
  ['a)', 2, /unexpected \)/],
  ['()', 1, /empty \( \)/],
  ['or a', 1, /or needs a search term before it/],
  ['a or', 3, /or needs a search term after it/],
  ['a or or b', 3, /or needs a search term after it/],
  ['and a', 1, /and needs a search term before it/],
  ['a -)', 4, /unexpected \)/],
  ['foo:bar', 1, /unknown search key foo: \(expected front, back, deck.*quote "foo:bar"/],
  ['deck:', 1, /deck: needs a value/],
  ['flag:5', 6, /flag:5: expected a flag from 0 to 4/],
  ['prop:foo>1', 6, /unknown prop:foo \(expected ivl, due, lapses, reps, stability, difficulty, retrievability\)/],
  ['prop:ivl', 9, /prop:ivl needs a comparison/],
  ['prop:ivl>=x', 11, /expected a number, got 'x'/],
  ['prop:retrievability<2', 21, /probability from 0 to 1/],
  ['rated:0', 7, /rated:0: expected a number of days/],
  ['rated:3:meh', 9, /unknown grade meh/],
  ['added:x', 7, /added:x: expected a number of days/],
  ['kind:foo', 6, /unknown kind:foo \(expected basic/],
  ['""', 1, /empty quoted phrase/],
];

describe('parseQuery: trees', () => {
  it.each(TREES)('%j', (query, tree) => {
    expect(parseQuery(query)).toEqual({ ok: true, tree });
  });
});

describe('parseQuery: errors carry the column they point at', () => {
  it.each(ERRORS)('%j → column %i', (query, column, message) => {
    const result = parseQuery(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.column).toBe(column);
    expect(result.error.message).toMatch(message);
  });

  it('never throws: any text gives a tree or an error value', () => {
    const alphabet = ['a', ' ', '(', ')', '-', '"', ':', 'or', 'deck', 'is', 'prop', '<', '=', '1', '\\', '*'];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      let q = '';
      const n = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 12;
      for (let j = 0; j < n; j++) q += alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length];
      const result = parseQuery(q);
      if (!result.ok) {
        expect(result.error.column).toBeGreaterThanOrEqual(1);
        expect(result.error.column).toBeLessThanOrEqual(q.length + 1);
      }
    }
  });
});

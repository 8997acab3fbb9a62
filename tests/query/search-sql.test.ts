/**
 * The search language on a temporary database, through the collection: every operator,
 * sub-decks, globs, negation, `or`, accents, and injection attempts that must stay plain text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BadQueryError, DAY, dayStart, setNow, type Card } from '../../src/core/index.js';
import type { Collection } from '../../src/collection/index.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.parse('2026-12-01T12:00:00Z');
const t = useTempCollection(T0);

let ids: Record<string, number> = {};

function add(col: Collection, key: string, deck: string, front: string, back: string): number {
  const id = col.addCard(deck, front, back).id;
  ids[key] = id;
  return id;
}

function setTags(col: Collection, id: number, tags: string[]): void {
  const c = col.getCard(id);
  col.store.updateCardSchedule(id, { memory: c.memory, suspended: c.suspended, tags, buriedUntil: c.buriedUntil, seenFront: c.seenFront, seenBack: c.seenBack }, c.modifiedAt);
}

beforeEach(() => {
  ids = {};
  const col = t.col();
  setNow(T0 - 30 * DAY);
  add(col, 'tfn', 'ml', 'Tensor Fusion Network?', 'an outer product of modalities');
  setNow(T0 - 20 * DAY);
  add(col, 'early', 'ml::fusion', 'Early fusion or late fusion?', 'concatenate features');
  add(col, 'cafe', 'ml::align', 'Café crème', 'an accented DRINK');
  add(col, 'k8s', 'mlops', 'Kubernetes?', 'containers');
  add(col, 'odd', "x' OR 1=1 --", 'odd deck', 'b');
  setNow(T0 - DAY);
  add(col, 'pct', 'bio', '100% pure?', 'under_score');
  add(col, 'mito', 'bio', 'mitochondria', 'powerhouse');
  add(col, 'cpp', 'bio', 'What is C++?', 'a language');
  setNow(T0);
  // history: tfn answered good twice long ago (a review card), early answered again today (learning)
  setNow(T0 - 30 * DAY);
  col.answer(ids['tfn']!, 'good');
  setNow(T0 - 29 * DAY);
  col.answer(ids['tfn']!, 'good');
  setNow(T0);
  col.answer(ids['early']!, 'again');
  col.suspend(ids['mito']!, true);
  col.bury(ids['k8s']!);
  setTags(col, ids['tfn']!, ['exam']);
  setTags(col, ids['early']!, ['exam::final', 'leech']);
  setTags(col, ids['cafe']!, ['lang/fr']);
  col.store.db.prepare('UPDATE cards SET flag = 2 WHERE id = ?').run(ids['cafe']);
});

const names = (cards: Card[]) => cards.map((c) => Object.keys(ids).find((k) => ids[k] === c.id)).sort();
const find = (q: string) => names(t.col().findCards(q).cards);

describe('text', () => {
  it('bare words and phrases match front or back, case- and accent-insensitive, by word prefix', () => {
    expect(find('fusion')).toEqual(['early', 'tfn']);
    expect(find('FUSION')).toEqual(['early', 'tfn']);
    expect(find('fus')).toEqual(['early', 'tfn']);
    expect(find('cafe')).toEqual(['cafe']);
    expect(find('CRÈME')).toEqual(['cafe']);
    expect(find('drink')).toEqual(['cafe']);
    expect(find('"outer product"')).toEqual(['tfn']);
    expect(find('"product outer"')).toEqual([]);
    expect(find('tensor network')).toEqual(['tfn']);
  });

  it('front: and back: look at one side', () => {
    expect(find('front:fusion')).toEqual(['early', 'tfn']);
    expect(find('back:fusion')).toEqual([]);
    expect(find('back:containers')).toEqual(['k8s']);
    expect(find('front:containers')).toEqual([]);
  });

  it('terms with other characters must appear as written', () => {
    expect(find('c++')).toEqual(['cpp']);
    expect(find('"100%"')).toEqual(['pct']);
  });

  it('the FTS index follows edits of a card (triggers)', () => {
    const col = t.col();
    col.store.updateCardContent(ids['k8s']!, { ...col.getCard(ids['k8s']!), front: 'Helm charts?' }, T0);
    expect(find('kubernetes')).toEqual([]);
    expect(find('helm')).toEqual(['k8s']);
  });
});

describe('deck:, tag:, note:, kind:, flag:', () => {
  it('deck:NAME includes sub-decks, not decks that only start alike', () => {
    expect(find('deck:ml')).toEqual(['cafe', 'early', 'tfn']);
    expect(find('deck:ML')).toEqual(['cafe', 'early', 'tfn']);
    expect(find('deck:ml::fusion')).toEqual(['early']);
    expect(find('deck:mlops')).toEqual(['k8s']);
  });

  it('deck globs', () => {
    expect(find('deck:ml::*')).toEqual(['cafe', 'early']);
    expect(find('deck:ml*')).toEqual(['cafe', 'early', 'k8s', 'tfn']);
    expect(find('deck:*::align')).toEqual(['cafe']);
  });

  it('tag:NAME includes children with :: and /', () => {
    expect(find('tag:exam')).toEqual(['early', 'tfn']);
    expect(find('tag:exam::final')).toEqual(['early']);
    expect(find('tag:lang')).toEqual(['cafe']);
    expect(find('tag:ex*')).toEqual(['early', 'tfn']);
    expect(find('tag:exa')).toEqual([]);
  });

  it('flag:N and kind:', () => {
    expect(find('flag:2')).toEqual(['cafe']);
    expect(find('flag:0').length).toBe(7);
    expect(find('kind:manual').length).toBe(8);
    expect(find('kind:cloze')).toEqual([]);
  });

  it('note: matches the source path, whole or as a suffix', () => {
    const col = t.col();
    col.store.db.prepare("UPDATE cards SET source_file = '/home/u/notes/ml/fusion.md', source_line = 3 WHERE id = ?").run(ids['tfn']);
    expect(find('note:fusion.md')).toEqual(['tfn']);
    expect(find('note:ml/*.md')).toEqual(['tfn']);
    expect(find('note:/home/*')).toEqual(['tfn']);
    expect(find('note:other.md')).toEqual([]);
    expect(find('-note:fusion.md').length).toBe(7);
  });
});

describe('is:, prop:, rated:, added:', () => {
  it('is: states and statuses', () => {
    expect(find('is:new')).toEqual(['cafe', 'cpp', 'k8s', 'mito', 'odd', 'pct']);
    expect(find('is:learn')).toEqual(['early']);
    expect(find('is:review')).toEqual(['tfn']);
    expect(find('is:due')).toEqual(['early', 'tfn']);
    expect(find('is:suspended')).toEqual(['mito']);
    expect(find('is:buried')).toEqual(['k8s']);
    expect(find('is:leech')).toEqual(['early']);
    expect(find('is:suggestion')).toEqual([]);
  });

  it('is:edited: the text changed since the last answer', () => {
    const col = t.col();
    expect(find('is:edited')).toEqual([]);
    col.store.updateCardContent(ids['tfn']!, { ...col.getCard(ids['tfn']!), back: 'a new back' }, T0);
    expect(find('is:edited')).toEqual(['tfn']);
  });

  it('prop: agrees with the cards\' own fields', () => {
    const col = t.col();
    const all = col.findCards('').cards;
    const studied = all.filter((c) => c.memory.state !== 'new');
    const tfn = col.getCard(ids['tfn']!);
    const ivl = tfn.memory.scheduledDays;
    expect(ivl).toBeGreaterThan(1);
    expect(find(`prop:ivl>=${ivl}`)).toEqual(['tfn']);
    expect(find(`prop:ivl<${ivl}`)).toEqual(['early']);
    expect(find('prop:reps=2')).toEqual(['tfn']);
    expect(find('prop:reps>0')).toEqual(['early', 'tfn']);
    expect(find('prop:lapses>0')).toEqual([]);
    const s = tfn.memory.stability - 0.001;
    expect(find(`prop:stability>${s}`)).toEqual(names(studied.filter((c) => c.memory.stability > s)));
    expect(find(`prop:stability<=${s}`)).toEqual(names(studied.filter((c) => c.memory.stability <= s)));
    expect(find(`prop:stability>${s}`)).toContain('tfn');
    expect(find('prop:difficulty>0')).toEqual(names(studied));
    const todayStart = dayStart(T0, 4);
    const dayOf = (c: Card) => Math.floor((c.memory.due - todayStart) / DAY);
    const dueDay = dayOf(tfn);
    for (const [op, test] of [['=', (d: number) => d === dueDay], ['>=', (d: number) => d >= dueDay], ['<', (d: number) => d < dueDay],
      ['>', (d: number) => d > dueDay], ['<=', (d: number) => d <= dueDay], ['!=', (d: number) => d !== dueDay]] as const) {
      expect(find(`prop:due${op}${dueDay}`), `prop:due${op}${dueDay}`).toEqual(names(studied.filter((c) => test(dayOf(c)))));
    }
    expect(find(`prop:due=${dueDay}`)).toContain('tfn');
    expect(find('prop:due<1')).toEqual(names(studied.filter((c) => dayOf(c) < 1)));
    expect(find('prop:due<1')).toContain('early');
  });

  it('prop:retrievability: FSRS recall probability at now', () => {
    // tfn: last review 29 days ago; early: just now (R = 1)
    expect(find('prop:retrievability<0.99')).toEqual(['tfn']);
    expect(find('prop:retrievability>=0.99')).toEqual(['early']);
    expect(find('prop:retrievability<0.01')).toEqual([]);
  });

  it('rated:N[:grade] and added:N count today as day 1', () => {
    expect(find('rated:1')).toEqual(['early']);
    expect(find('rated:1:again')).toEqual(['early']);
    expect(find('rated:1:3')).toEqual([]);
    expect(find('rated:31')).toEqual(['early', 'tfn']);
    expect(find('rated:31:good')).toEqual(['tfn']);
    expect(find('added:2')).toEqual(['cpp', 'mito', 'pct']);
    expect(find('added:21').length).toBe(7);
  });
});

describe('boolean structure', () => {
  it('negation, or, implicit and, parentheses', () => {
    expect(find('deck:ml -fusion')).toEqual(['cafe']);
    expect(find('fusion or kubernetes')).toEqual(['early', 'k8s', 'tfn']);
    expect(find('deck:ml (is:new or is:learn)')).toEqual(['cafe', 'early']);
    expect(find('-(deck:ml or deck:bio)')).toEqual(['k8s', 'odd']);
    expect(find('-deck:ml -deck:bio')).toEqual(['k8s', 'odd']);
    expect(find('')).toHaveLength(8);
  });
});

describe('untrusted query text stays data', () => {
  it('a deck name with quotes and SQL in it is only a name', () => {
    expect(find("deck:x' OR 1=1 --")).toEqual([]);
    expect(find(`deck:"x' OR 1=1 --"`)).toEqual(['odd']);
    expect(find('"\'; DROP TABLE cards; --"')).toEqual([]);
    expect(t.col().findCards('').total).toBe(8);
  });

  it('LIKE wildcards are literal', () => {
    expect(find('"%"')).toEqual(['pct']);
    expect(find('_')).toEqual(['pct']);
    expect(find('deck:%')).toEqual([]);
    expect(find('deck:_l')).toEqual([]);
    expect(find('tag:%')).toEqual([]);
  });

  it('FTS syntax in a word is a word', () => {
    expect(find('"NEAR(fusion"')).toEqual([]);
    expect(find('"fusion" AND "x"')).toEqual([]);
    expect(find('"fusion OR kubernetes"')).toEqual([]);
    expect(find('fusion*')).toEqual(['early', 'tfn']);
  });
});

describe('findCards API', () => {
  it('pages with total, orders', () => {
    const col = t.col();
    const page = col.findCards('', { limit: 3, offset: 2, order: 'added' });
    expect(page.total).toBe(8);
    expect(page.cards).toHaveLength(3);
    const all = col.findCards('', { order: 'added' }).cards;
    expect(page.cards.map((c) => c.id)).toEqual(all.slice(2, 5).map((c) => c.id));
    expect(col.findCards('', { order: 'deck' }).cards[0]!.deck).toBe('bio');
    expect(col.countCards('deck:ml')).toBe(3);
  });

  it('a bad query throws BadQueryError with the column', () => {
    try {
      t.col().findCards('deck:ml is:foo');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadQueryError);
      expect((error as BadQueryError).column).toBe(12);
      expect((error as BadQueryError).message).toMatch(/^--query: column 12: unknown is:foo/);
    }
  });
});

/**
 * The search language's tree (core/query.ts) compiled to one parameterised SQL query. Only the
 * fixed fragments below are joined into SQL text; every value from the query (words, deck and
 * tag names, numbers) is a bound parameter, and LIKE/GLOB patterns are escaped, so no query
 * text can change the SQL. Text terms use the FTS5 index of migration 9 (`cards_fts`).
 */
import type { Statement } from 'better-sqlite3';
import type { Card, CompareOp, QueryNode } from '../core/index.js';
import { CARD_SELECT } from './tables/cards.js';
import { allCards } from './rows.js';
import type { Db } from './open-store.js';

const DAY = 86_400_000;

/** The moments a query's relative terms (`is:due`, `prop:due`, `rated:`, `added:`) are measured from. */
export interface SearchClock {
  now: number;
  /** Start of today's study day (the rollover hour). */
  todayStart: number;
  /** Start of tomorrow's study day. */
  tomorrowStart: number;
  /** FSRS retrievability after `elapsedDays` at `stability` for a card of the deck (`prop:retrievability`). */
  retrievability?: (elapsedDays: number, stability: number, deckId: number) => number;
}

export const SEARCH_ORDERS = ['id', 'due', 'added', 'deck', 'modified', 'interval', 'stability', 'lapses'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

const ORDER_SQL: Record<SearchOrder, string> = {
  id: 'c.id',
  due: 'c.due, c.id',
  added: 'c.created_at, c.id',
  deck: 'd.name, c.id',
  modified: 'c.modified_at DESC, c.id',
  interval: 'c.scheduled_days DESC, c.id',
  stability: 'c.stability DESC, c.id',
  lapses: 'c.lapses DESC, c.id',
};

export interface SearchScope {
  limit?: number;
  offset?: number;
  order?: SearchOrder;
  /** Only among these cards (e.g. today's queue, for `engram due --query`). */
  ids?: readonly number[];
  /** Only cards of these decks (exactly them, not their sub-decks). */
  deckIds?: readonly number[];
  /** Only cards the review can show: accepted, not suspended, not buried, not paper-quiz cards (custom study). */
  studyable?: boolean;
}

/** The cards a query selects, in the order asked, paged by limit/offset. */
export function searchCards(db: Db, tree: QueryNode, clock: SearchClock, scope: SearchScope = {}): Card[] {
  const params: unknown[] = [];
  const where = whereOf(db, tree, clock, scope, params);
  const order = ORDER_SQL[scope.order ?? 'id'];
  params.push(scope.limit !== undefined ? Math.max(0, Math.floor(scope.limit)) : -1, Math.max(0, Math.floor(scope.offset ?? 0)));
  const sql = `${CARD_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`;
  return allCards(statement(db, sql), ...params);
}

/** How many cards a query selects (limit and offset aside). */
export function countCards(db: Db, tree: QueryNode, clock: SearchClock, scope: SearchScope = {}): number {
  const params: unknown[] = [];
  const where = whereOf(db, tree, clock, scope, params);
  return (statement(db, `SELECT COUNT(*) AS n FROM cards c WHERE ${where}`).get(...params) as { n: number }).n;
}

function whereOf(db: Db, tree: QueryNode, clock: SearchClock, scope: SearchScope, params: unknown[]): string {
  const parts = ["c.retired = 0 AND c.status <> 'rejected'"];
  if (scope.studyable) {
    parts.push("c.status = 'accepted' AND c.suspended = 0 AND c.kind <> 'paper' AND c.buried_until <= ?");
    params.push(clock.now);
  }
  if (scope.ids) {
    parts.push('c.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(scope.ids));
  }
  if (scope.deckIds) {
    parts.push('c.deck_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(scope.deckIds));
  }
  if (tree.type !== 'all') parts.push(compile(tree, clock, params, db));
  return parts.map((p) => `(${p})`).join(' AND ');
}

/** SQL for one node; pushes its values onto `params` in the order of its `?`s. */
function compile(node: QueryNode, clock: SearchClock, params: unknown[], db: Db): string {
  switch (node.type) {
    case 'all':
      return '1';
    case 'and':
    case 'or':
      return node.children.map((child) => `(${compile(child, clock, params, db)})`).join(node.type === 'and' ? ' AND ' : ' OR ');
    case 'not':
      return `NOT (${compile(node.child, clock, params, db)})`;
    case 'text':
      return textSql(node.field, node.text, params, db);
    case 'deck': {
      const like = likePattern(node.pattern);
      params.push(like, `${like}::%`);
      return "c.deck_id IN (SELECT id FROM decks WHERE name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')";
    }
    case 'tag': {
      const like = likePattern(node.pattern);
      params.push(like, `${like}::%`, `${like}/%`);
      return "EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value LIKE ? ESCAPE '\\' OR value LIKE ? ESCAPE '\\' OR value LIKE ? ESCAPE '\\')";
    }
    case 'is':
      return isSql(node.value, clock, params);
    case 'flag':
      params.push(node.flag);
      return 'c.flag = ?';
    case 'prop':
      return propSql(node, clock, params, db);
    case 'rated':
      params.push(clock.todayStart - (node.days - 1) * DAY);
      if (node.grade === null) return 'EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = c.id AND r.reviewed_at >= ?)';
      params.push(node.grade);
      return 'EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = c.id AND r.reviewed_at >= ? AND r.grade = ?)';
    case 'added':
      params.push(clock.todayStart - (node.days - 1) * DAY);
      return 'c.created_at >= ?';
    case 'note': {
      const glob = node.pattern.replace(/\[/g, '[[]');
      params.push(glob, `*/${glob}`);
      return 'c.source_file IS NOT NULL AND (c.source_file GLOB ? OR c.source_file GLOB ?)';
    }
    case 'kind':
      params.push(node.kind);
      return 'c.kind = ?';
    default: {
      const unreachable: never = node;
      return unreachable;
    }
  }
}

/** Word characters of the FTS5 unicode61 tokenizer (letters, digits, marks); anything else separates words. */
const WORDS_ONLY = /^[\p{L}\p{N}\p{M}\s]+$/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * A word or phrase: the FTS index finds the cards whose words start with it (the last word of
 * a phrase as a prefix: `fusi` finds "fusion"). A term with other characters (`C++`, `2^10`,
 * `%`) must also appear as written, compared case- and accent-folded; a term with no word
 * characters at all is only that comparison (a scan, but exact).
 */
function textSql(field: 'any' | 'front' | 'back', written: string, params: unknown[], db: Db): string {
  // `fusion*` as in Anki: words already match as prefixes, so a trailing star says nothing more.
  const text = written.replace(/\*+$/, '') || written;
  const parts: string[] = [];
  if (HAS_WORD.test(text)) {
    const phrase = `"${text.replace(/"/g, '""')}"*`;
    params.push(field === 'any' ? phrase : `${field} : ${phrase}`);
    parts.push('c.id IN (SELECT rowid FROM cards_fts WHERE cards_fts MATCH ?)');
  }
  if (!WORDS_ONLY.test(text)) {
    registerFold(db);
    const needle = fold(text);
    if (field === 'any') {
      params.push(needle, needle);
      parts.push('(instr(engram_fold(c.front), ?) > 0 OR instr(engram_fold(c.back), ?) > 0)');
    } else {
      params.push(needle);
      parts.push(`instr(engram_fold(c.${field === 'front' ? 'front' : 'back'}), ?) > 0`);
    }
  }
  return parts.join(' AND ');
}

/** Lower case without accents: what the FTS tokenizer's `remove_diacritics 2` does to a word. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const folding = new WeakSet<Db>();
function registerFold(db: Db): void {
  if (folding.has(db)) return;
  db.function('engram_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? fold(value) : value));
  folding.add(db);
}

type Curve = NonNullable<SearchClock['retrievability']>;
const curves = new WeakMap<Db, { curve: Curve }>();
/** `engram_retrievability(elapsed_days, stability, deck_id)`, registered once per connection; the query sets its curve. */
function registerRetrievability(db: Db): { curve: Curve } {
  let holder = curves.get(db);
  if (!holder) {
    const h = { curve: (() => 0) as Curve };
    db.function('engram_retrievability', { deterministic: true }, (elapsed: unknown, stability: unknown, deckId: unknown) =>
      h.curve(Number(elapsed), Number(stability), Number(deckId)));
    curves.set(db, (holder = h));
  }
  return holder;
}

function isSql(value: Extract<QueryNode, { type: 'is' }>['value'], clock: SearchClock, params: unknown[]): string {
  switch (value) {
    case 'new':
      return "c.state = 'new'";
    case 'learn':
      return "c.state IN ('learning', 'relearning')";
    case 'review':
      return "c.state IN ('review', 'relearning')";
    case 'due':
      params.push(clock.tomorrowStart);
      return "c.state <> 'new' AND c.due < ?";
    case 'suspended':
      return 'c.suspended = 1';
    case 'buried':
      params.push(clock.now);
      return 'c.buried_until > ?';
    case 'leech':
      return "EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = 'leech')";
    case 'edited':
      return 'c.seen_front IS NOT NULL AND (c.seen_front IS NOT c.front OR c.seen_back IS NOT c.back)';
    case 'suggestion':
      return "c.status = 'suggested'";
    default: {
      const unreachable: never = value;
      return unreachable;
    }
  }
}

/** The comparison operators, as fixed SQL (never the user's text). */
const OP_SQL: Record<CompareOp, string> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '=': '=', '!=': '<>' };

function propSql(node: Extract<QueryNode, { type: 'prop' }>, clock: SearchClock, params: unknown[], db: Db): string {
  const op = OP_SQL[node.op];
  switch (node.prop) {
    case 'lapses':
    case 'reps':
      params.push(node.value);
      return `c.${node.prop} ${op} ?`;
    case 'ivl':
      params.push(node.value);
      return `c.state <> 'new' AND c.scheduled_days ${op} ?`;
    case 'stability':
    case 'difficulty':
      params.push(node.value);
      return `c.state <> 'new' AND c.${node.prop} ${op} ?`;
    case 'due':
      return `c.state <> 'new' AND ${dueDaysSql(node.op, node.value, clock.todayStart, params)}`;
    case 'retrievability': {
      if (!clock.retrievability) throw new Error('prop:retrievability needs the scheduler: pass SearchClock.retrievability');
      registerRetrievability(db).curve = clock.retrievability;
      params.push(clock.now, node.value);
      return `c.state <> 'new' AND c.last_review IS NOT NULL AND c.stability > 0
        AND engram_retrievability(MAX(0, (? - c.last_review) / 86400000.0), c.stability, c.deck_id) ${op} ?`;
    }
    default: {
      const unreachable: never = node.prop;
      return unreachable;
    }
  }
}

/**
 * `prop:due OP n`: the card's due day counted from today (0 today, 1 tomorrow) compared with n,
 * as a range on `c.due` so the comparison stays a plain column test.
 */
function dueDaysSql(op: CompareOp, n: number, todayStart: number, params: unknown[]): string {
  const at = (days: number) => todayStart + days * DAY;
  switch (op) {
    case '<':
      params.push(at(Math.ceil(n)));
      return 'c.due < ?';
    case '<=':
      params.push(at(Math.floor(n) + 1));
      return 'c.due < ?';
    case '>':
      params.push(at(Math.floor(n) + 1));
      return 'c.due >= ?';
    case '>=':
      params.push(at(Math.ceil(n)));
      return 'c.due >= ?';
    case '=':
    case '!=': {
      if (!Number.isInteger(n)) return op === '=' ? '0' : '1';
      params.push(at(n), at(n + 1));
      return op === '=' ? '(c.due >= ? AND c.due < ?)' : '(c.due < ? OR c.due >= ?)';
    }
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/** A LIKE pattern matching `pattern` literally, except `*`, which matches any run of characters. */
export function likePattern(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (m) => `\\${m}`).replace(/\*/g, '%');
}

/** Prepared statements by SQL text, per connection: the same query shape is prepared once. */
const cache = new WeakMap<Db, Map<string, Statement>>();
function statement(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) {
    if (byText.size > 100) byText.clear();
    stmt = db.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}

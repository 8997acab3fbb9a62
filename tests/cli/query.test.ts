/**
 * The `--query` contract of `cards`, `due`, `export` and `review`: arguments, exit codes, JSON
 * shapes and one-line errors pointing at the column. The language itself is tested in-process
 * (tests/query/).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';

let env: TempEnv;
const NOW = '2026-12-01T09:00:00Z';
let ids: Record<string, number>;

beforeEach(() => {
  env = tempEnv();
  ids = withCollectionAt(env.db, NOW, (col) => ({
    tfn: col.addCard('ml::fusion', 'Tensor Fusion Network?', 'outer product').id,
    cafe: col.addCard('ml::align', 'Café crème', 'drink').id,
    k8s: col.addCard('mlops', 'Kubernetes?', 'containers').id,
    bio: col.addCard('bio', 'mitochondria', 'powerhouse').id,
  }));
});
afterEach(() => env.cleanup());

describe('engram cards --query', () => {
  it('lists what the query selects, JSON as before, --search as a text term', () => {
    const cards = env.json(['cards', '--query', 'deck:ml -cafe'], { now: NOW });
    expect(cards.map((c: { id: number }) => c.id)).toEqual([ids['tfn']]);
    expect(cards[0]).toMatchObject({ id: ids['tfn'], deck: 'ml::fusion', front: 'Tensor Fusion Network?' });
    const plain = env.run(['cards', '--query', 'cafe or kubernetes', '--order', 'deck'], { now: NOW });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/Café crème[\s\S]*Kubernetes\?[\s\S]*\n2 cards\n$/);
    expect(env.json(['cards', '--search', 'FUSION'], { now: NOW }).map((c: { id: number }) => c.id)).toEqual([ids['tfn']]);
    const paged = env.run(['cards', '--query', '', '--limit', '1', '--offset', '1'], { now: NOW });
    expect(paged.stdout).toMatch(/\n4 cards \(1 shown\)\n$/);
  });

  it('a bad query is one line naming --query and the column, exit 2', () => {
    const r = env.run(['cards', '--query', 'deck:ml is:foo'], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('engram: --query: column 12: unknown is:foo (expected new, learn, review, due, suspended, buried, leech, edited, suggestion)\n');
    const order = env.run(['cards', '--order', 'sideways'], { now: NOW });
    expect(order.code).toBe(2);
    expect(order.stderr).toMatch(/^engram: invalid --order 'sideways': expected id, due, added/);
  });

  it('an injection attempt is a deck name that does not exist', () => {
    const r = env.json(['cards', '--query', "deck:x' OR 1=1 --"], { now: NOW });
    expect(r).toEqual([]);
  });
});

describe('engram due --query', () => {
  it("narrows today's queue and its counts", () => {
    const all = env.json(['due'], { now: NOW });
    expect(all.counts.new).toBe(4);
    const due = env.json(['due', '--query', 'deck:ml'], { now: NOW });
    expect(due.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(due.cards.map((c: { id: number }) => c.id).sort()).toEqual([ids['tfn'], ids['cafe']].sort());
    const bad = env.run(['due', '--query', '(deck:ml'], { now: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('engram: --query: column 1: unclosed ( (add a closing ))\n');
  });
});

describe('engram export --query', () => {
  it('exports only the selected cards and their decks', () => {
    const doc = JSON.parse(env.run(['export', '--query', 'deck:ml::*'], { now: NOW }).stdout);
    expect(doc.cards.map((c: { id: number }) => c.id).sort()).toEqual([ids['tfn'], ids['cafe']].sort());
    expect(doc.decks.map((d: { name: string }) => d.name).sort()).toEqual(['ml::align', 'ml::fusion']);
    const csv = env.run(['export', '--format', 'csv', '--query', 'kubernetes'], { now: NOW }).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^\d+,mlops,manual,Kubernetes\?/);
  });
});

describe('engram review --query', () => {
  it('checks the query and its flags before asking for a terminal', () => {
    const bad = env.run(['review', '--query', 'prop:ivl>=x'], { now: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("engram: --query: column 11: prop:ivl>=: expected a number, got 'x'\n");
    const good = env.run(['review', '--query', 'deck:ml', '--preview', '--limit', '5'], { now: NOW });
    expect(good.code).toBe(2);
    expect(good.stderr).toMatch(/needs a terminal/);
    for (const [args, message] of [
      [['review', '--preview'], '--preview goes with --query'],
      [['review', '--limit', '3'], '--limit goes with --query'],
      [['review', '--query', 'x', '--limit', '0'], "invalid --limit '0'"],
    ] as const) {
      const r = env.run([...args], { now: NOW });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^engram: ${message.replace(/[()']/g, '.')}`));
    }
  });
});

/**
 * Decks as a tree: `a::b::c` sits under `a::b`, under `a` (a level that is no deck of its own
 * still gets a node). Each node's counts are its own cards' plus all its sub-decks'.
 */
import { DECK_SEPARATOR } from './deck-options.js';
import type { DeckSummary } from './today.js';

export interface DeckNode extends DeckSummary {
  /** The last level of the name (`c` of `a::b::c`); `name` is the whole name, as `--deck` takes it. */
  label: string;
  /** False for a level that only exists through its sub-decks. */
  exists: boolean;
  children: DeckNode[];
}

const COUNTS = ['total', 'new', 'learning', 'dueToday', 'suspended', 'quizCards', 'suggestions'] as const;

/** The tree of `summaries` (each deck's own counts), nodes in name order, counts rolled up. */
export function deckTree(summaries: readonly DeckSummary[]): DeckNode[] {
  const nodes = new Map<string, DeckNode>();
  const roots: DeckNode[] = [];
  const nodeOf = (name: string): DeckNode => {
    let node = nodes.get(name);
    if (node) return node;
    const at = name.lastIndexOf(DECK_SEPARATOR);
    node = {
      name, label: at < 0 ? name : name.slice(at + DECK_SEPARATOR.length), exists: false, children: [],
      total: 0, new: 0, learning: 0, dueToday: 0, suspended: 0, quizCards: 0, suggestions: 0,
    };
    nodes.set(name, node);
    (at < 0 ? roots : nodeOf(name.slice(0, at)).children).push(node);
    return node;
  };
  for (const deck of summaries) {
    nodeOf(deck.name).exists = true;
    for (let name: string | null = deck.name; name !== null; ) {
      const node = nodeOf(name);
      for (const key of COUNTS) node[key] += deck[key];
      const at = name.lastIndexOf(DECK_SEPARATOR);
      name = at < 0 ? null : name.slice(0, at);
    }
  }
  const sort = (list: DeckNode[]): DeckNode[] => {
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const node of list) sort(node.children);
    return list;
  };
  return sort(roots);
}

/** The nodes depth-first (a parent before its sub-decks), with their depth. */
export function flattenTree(nodes: readonly DeckNode[], depth = 0): Array<{ node: DeckNode; depth: number }> {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)]);
}

/**
 * Decks and their options: finding a deck by the name the user typed (with its sub-decks:
 * `a::b::c` nests under `a::b` and `a`), creating one, and reading or changing its options.
 * A deck takes each option it does not set itself from its nearest ancestor that does, else
 * the default. Every deck is read once per command, then cached until an option changes.
 */
import {
  DECK_OPTION_KEYS, DEFAULT_DECK_OPTIONS, EngramError, UsageError, now, parseOptionValue, sanitizeText,
  type DeckOptionKey, type DeckOptions,
} from '../core/index.js';
import type { SchedulerOptions } from '../scheduler/index.js';
import type { Store, StoredDeck } from '../store/index.js';
import { recordEvent } from './sync-log.js';

/** The separator of deck levels, as in Anki. */
export const DECK_SEPARATOR = '::';

/** `a::b::c` → `a::b`; null for a top-level deck. */
export function parentDeckName(name: string): string | null {
  const at = name.lastIndexOf(DECK_SEPARATOR);
  return at < 0 ? null : name.slice(0, at);
}

/** Whether `name` is `scope` itself or one of its sub-decks. */
export function isInDeck(name: string, scope: string): boolean {
  return name === scope || name.startsWith(scope + DECK_SEPARATOR);
}

/** Where a deck's option comes from: the deck itself, an ancestor (by name), or the default. */
export type OptionSource = { from: 'deck' } | { from: 'parent'; deck: string } | { from: 'default' };

export function schedulerOptions(options: DeckOptions): SchedulerOptions {
  return {
    desiredRetention: options.desiredRetention,
    maximumInterval: options.maximumInterval,
    learningSteps: options.learningSteps,
    relearningSteps: options.relearningSteps,
    fuzz: options.fuzz,
    weights: options.weights,
  };
}

/** Each deck's effective options (its own over its ancestors' over the defaults), resolved on first use. */
export class DeckOptionsCache {
  private decks: { byId: Map<number, StoredDeck>; byName: Map<string, StoredDeck> } | null = null;
  private readonly resolved = new Map<number, DeckOptions>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  private all(): { byId: Map<number, StoredDeck>; byName: Map<string, StoredDeck> } {
    if (!this.decks) {
      const list = this.store.listDecks();
      this.decks = { byId: new Map(list.map((d) => [d.id, d])), byName: new Map(list.map((d) => [d.name, d])) };
    }
    return this.decks;
  }

  /** The deck's chain of option layers, nearest first: itself, its parent, ... (decks that exist only). */
  private chain(deckId: number): StoredDeck[] {
    const { byId, byName } = this.all();
    let deck = byId.get(deckId) ?? this.store.getDeck(deckId);
    const out: StoredDeck[] = [];
    if (!deck) return out;
    out.push(deck);
    for (let name = parentDeckName(deck.name); name !== null; name = parentDeckName(name)) {
      const parent = byName.get(name);
      if (parent) out.push(parent);
    }
    return out;
  }

  of(deckId: number): DeckOptions {
    let options = this.resolved.get(deckId);
    if (!options) {
      options = { ...DEFAULT_DECK_OPTIONS };
      for (const layer of this.chain(deckId).reverse()) Object.assign(options, layer.options);
      this.resolved.set(deckId, options);
    }
    return options;
  }

  /** Per option, where the deck's value comes from. */
  sources(deckId: number): Record<DeckOptionKey, OptionSource> {
    const chain = this.chain(deckId);
    const out = {} as Record<DeckOptionKey, OptionSource>;
    for (const key of DECK_OPTION_KEYS) {
      const at = chain.findIndex((d) => d.options[key] !== undefined);
      out[key] = at < 0 ? { from: 'default' } : at === 0 ? { from: 'deck' } : { from: 'parent', deck: chain[at]!.name };
    }
    return out;
  }

  /** Drops everything cached: a deck's options changed (its sub-decks inherit them) or decks were added. */
  forget(): void {
    this.decks = null;
    this.resolved.clear();
  }

  /** The same as forget(): sync applies other devices' option changes and then drops everything. */
  clear(): void {
    this.forget();
  }
}

/**
 * The decks `--deck NAME` means: the deck and all its sub-decks (`ml` takes `ml::fusion` and
 * `ml::align`, also when no deck is called `ml` itself), in name order. Throws when none exists.
 */
export function decksInScope(store: Store, name: string): StoredDeck[] {
  const all = store.listDecks();
  const named = store.getDeckByName(name) ?? deckShownAs(store, name);
  const scope = named?.name ?? name.trim();
  const found = all.filter((d) => isInDeck(d.name, scope));
  if (found.length === 0) requireDeck(store, name);
  return found;
}

export function requireDeck(store: Store, name: string): StoredDeck {
  const deck = store.getDeckByName(name) ?? deckShownAs(store, name);
  if (!deck) {
    const known = store.listDecks().map((d) => d.name);
    throw new EngramError(`no deck named '${name}'${known.length ? ` (decks: ${known.join(', ')})` : ''}`);
  }
  return deck;
}

/**
 * A deck whose name holds control characters (from an Anki package or a backup) is shown with
 * them stripped; the name as shown chooses it, when no other deck is shown the same way.
 */
function deckShownAs(store: Store, name: string): StoredDeck | null {
  const shown = sanitizeText(name).trim();
  const matches = store.listDecks().filter((d) => sanitizeText(d.name).trim() === shown);
  if (matches.length > 1) throw new EngramError(`'${name}' names ${matches.length} decks once control characters are removed; rename one`);
  return matches[0] ?? null;
}

/** The deck's id, creating the deck if it does not exist. Call inside a transaction. */
export function ensureDeck(store: Store, name: string): number {
  const clean = name.trim();
  if (!clean) throw new UsageError('deck name must not be empty');
  return store.getDeckByName(clean)?.id ?? store.insertDeck(clean, now());
}

/**
 * The deck `config --deck NAME` sets: NAME itself; a parent that exists only through its
 * sub-decks (`ml` of `ml::fusion`) is created, so its sub-decks can inherit from it.
 */
function deckToConfigure(store: Store, name: string): { id: number; name: string } {
  const exact = store.getDeckByName(name) ?? deckShownAs(store, name);
  if (exact) return exact;
  decksInScope(store, name); // throws when NAME has no sub-decks either
  const clean = name.trim();
  return { id: store.transaction(() => ensureDeck(store, clean)), name: clean };
}

/** Sets one option on one deck or on all, in one transaction. */
export function setOption(
  store: Store, cache: DeckOptionsCache, deckName: string | undefined, key: string, value: string, options: { record?: boolean } = {},
): { deck: string; key: string; value: unknown }[] {
  const parsed = parseOptionValue(key, value);
  const decks = deckName ? [deckToConfigure(store, deckName)] : store.listDecks();
  if (decks.length === 0) throw new EngramError('no decks yet: import notes or add a card first');
  const changes = store.transaction(() =>
    decks.map((deck) => {
      const stored = { ...(store.getDeck(deck.id)?.options ?? {}), [parsed.key]: parsed.value };
      store.setDeckOptions(deck.id, stored);
      // Sync: the option as typed, per deck (an option applied from another device is not sent back).
      if (options.record !== false) recordEvent(store, { type: 'option', deck: deck.name, key: parsed.key, value });
      return { deck: deck.name, key: parsed.key, value: parsed.value };
    }),
  );
  cache.forget();
  return changes;
}

/**
 * Decks and their options: finding a deck by the name the user typed, creating one, and
 * reading or changing its options (read once per deck, then cached until changed).
 */
import { EngramError, UsageError, now, parseOptionValue, readDeckOptions, sanitizeText, type DeckOptions } from '../core/index.js';
import type { SchedulerOptions } from '../scheduler/index.js';
import type { Store } from '../store/index.js';
import { recordEvent } from './sync-log.js';

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

/** Each deck's options, parsed on first use. */
export class DeckOptionsCache {
  private readonly cache = new Map<number, DeckOptions>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  of(deckId: number): DeckOptions {
    let options = this.cache.get(deckId);
    if (!options) {
      const deck = this.store.getDeck(deckId);
      options = readDeckOptions(deck?.optionsJson ?? null);
      this.cache.set(deckId, options);
    }
    return options;
  }

  forget(deckId: number): void {
    this.cache.delete(deckId);
  }

  clear(): void {
    this.cache.clear();
  }
}

export function requireDeck(store: Store, name: string): { id: number; name: string } {
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
function deckShownAs(store: Store, name: string): { id: number; name: string } | null {
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

/** Sets one option on one deck or on all, in one transaction. */
export function setOption(
  store: Store, cache: DeckOptionsCache, deckName: string | undefined, key: string, value: string, options: { record?: boolean } = {},
): { deck: string; key: string; value: unknown }[] {
  const parsed = parseOptionValue(key, value);
  const decks = deckName ? [requireDeck(store, deckName)] : store.listDecks();
  if (decks.length === 0) throw new EngramError('no decks yet: import notes or add a card first');
  return store.transaction(() =>
    decks.map((deck) => {
      const stored = JSON.parse(store.getDeck(deck.id)?.optionsJson ?? '{}') as Record<string, unknown>;
      stored[parsed.key] = parsed.value;
      store.setDeckOptions(deck.id, JSON.stringify(stored));
      cache.forget(deck.id);
      // Sync: the option as typed, per deck (an option applied from another device is not sent back).
      if (options.record !== false) recordEvent(store, { type: 'option', deck: deck.name, key: parsed.key, value });
      return { deck: deck.name, key: parsed.key, value: parsed.value };
    }),
  );
}

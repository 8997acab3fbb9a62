/** Shared vocabulary of Engram. Plain data only: no I/O, no library types. */

export type Grade = 'again' | 'hard' | 'good' | 'easy';
export const GRADES: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

export type CardState = 'new' | 'learning' | 'review' | 'relearning';
/** Every CardState, for queries that seek each one. */
export const CARD_STATES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];

/**
 * How a card was made. `basic`: front::back or Q:/A:; `reversed`: the back-to-front half of
 * a two-way card; `cloze`: one cloze number; `qa`: a question found in prose; `definition`:
 * a term and its definition; `heading`: "What is <heading>?"; `manual`: `engram add`; `paper`: a paper
 * quiz card (asked by `engram quiz papers`, never in the ordinary review).
 */
export const CARD_KINDS = ['basic', 'reversed', 'cloze', 'qa', 'definition', 'heading', 'manual', 'paper', 'output'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** A place in a source file; line is 1-based. */
export interface SourcePos {
  file: string;
  line: number;
}

/** A problem found in input, reported with its position instead of being thrown. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** The FSRS memory state of a card, as stored. Times are epoch milliseconds. */
export interface Memory {
  state: CardState;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

/** A runnable example attached to a card (a fenced code block marked as an example). */
export interface ExampleSpec {
  lang: 'ts' | 'js';
  code: string;
  line: number;
  /**
   * Deck-relative path of the file the code was read from; absent for a fence in the note. A predict
   * card that shows only part of its file keeps the shown lines as a fragment: `examples/x.ts#L3-L12`.
   */
  path?: string;
}

/** Lines `from`..`to` of a file, counted from 1, both included. */
export interface LineRange {
  from: number;
  to: number;
}

/** An `example: path` line (or frontmatter key) pointing a card to an example file, not yet read. */
export interface ExampleFileRef {
  /** As written: relative to the note's folder. */
  path: string;
  /** The line of the `example:` line or of the frontmatter key. */
  line: number;
  /** Written as `predict:`: the card asks what the example prints (kind `output`). */
  predict?: boolean;
  /** `predict: x.ts#L3-L12`: the lines the card's front shows (the whole file still runs). */
  shown?: LineRange[];
}

/** A card as the notes parser sees it: no identity, no schedule. */
export interface ParsedCard {
  front: string;
  back: string;
  kind: CardKind;
  /** First and last source line (1-based, inclusive) the card was made from. */
  line: number;
  endLine: number;
  /** Heading path above the card, outermost first. */
  breadcrumb: string[];
  /** Cards made from the same note item (both sides of a two-way card, clozes of one text) share it; siblings are buried together. */
  itemKey: string;
  tags: string[];
  /** Deck path from a `#flashcards/a/b` tag, joined with `::`, if any. */
  deckPath?: string;
  example?: ExampleSpec;
  /** An example file the card points to; the collection reads it (inside the deck folder only) into `example`. */
  exampleFile?: ExampleFileRef;
  /** `explicit`: written with card syntax; `prose`: found in ordinary text by a prose rule (a suggestion until accepted). */
  origin: CardOrigin;
  /** How sure the rule that made the card is that it states a fact worth reviewing: 1 for explicit cards, 0..1 for prose. */
  confidence: number;
  /**
   * The Obsidian Spaced Repetition plugin's schedule comment written with the card, as written
   * between `<!--SR:` and `-->` (e.g. `!2026-12-20,30,250`, one `!date,interval,ease` per card of
   * the item, in the item's card order). Kept so an importer can seed schedules; not used yet.
   */
  srSchedule?: string;
  /**
   * The card asks for a typed answer (Anki's type-in): the review shows an input line and compares
   * what was typed with the answer word by word. From `type: true` (frontmatter or under the card);
   * an importer of Anki's "Basic (type in the answer)" notes sets it too.
   */
  typeIn?: boolean;
}

export type CardOrigin = 'explicit' | 'prose';

/**
 * Whether a card is in the queue. `suggested`: made from prose, waiting for the user's decision
 * (never in the queue, counts or stats); `accepted`: an ordinary card; `rejected`: the user said
 * no, and it stays out while its text is unchanged.
 */
export const CARD_STATUSES = ['suggested', 'accepted', 'rejected'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** A paper cited by a note: by `[[wikilink]]` or by a citation in prose. */
/**
 * What every layer knows of a paper: its key (the normalised title), title, authors, venue,
 * year and the wikilink slugs that name it. Stored, cited, declared and merged papers add to it.
 */
export interface PaperFacts {
  key: string;
  title: string;
  authors: string[];
  venue: string | null;
  year: number | null;
  slugs: string[];
}

export interface PaperRef {
  /** Normalised key used to merge the same paper cited twice (slug of its title). */
  key: string;
  title: string;
  authors: string[];
  venue: string | null;
  year: number | null;
  /** The wikilink target, when cited by wikilink. */
  slug: string | null;
  line: number;
  /** The text of the citation as written. */
  raw: string;
}

/** A card as stored: content, identity, schedule and flags. */
export interface Card {
  id: number;
  deckId: number;
  deck: string;
  noteId: number | null;
  kind: CardKind;
  front: string;
  back: string;
  source: SourcePos | null;
  breadcrumb: string[];
  itemKey: string;
  tags: string[];
  memory: Memory;
  suspended: boolean;
  /** Epoch ms until which the card is buried; 0 when not buried. */
  buriedUntil: number;
  retired: boolean;
  newPosition: number;
  createdAt: number;
  modifiedAt: number;
  /** Front and back as they were when the card was last answered (null: never answered). */
  seenFront: string | null;
  seenBack: string | null;
  /** A runnable example is attached. */
  hasExample: boolean;
  status: CardStatus;
  /** 0: no flag; 1–4: red, orange, green, blue (Anki's colours). */
  flag: number;
  /** The card asks for a typed answer (see ParsedCard.typeIn); absent: no. */
  typeIn?: boolean;
  /** Tags the user added or removed by hand; `tags` already includes them (absent: none). */
  tagEdits?: { add: string[]; remove: string[] };
}

/** One row of the append-only review log. */
export interface Review {
  id: number;
  cardId: number;
  grade: Grade;
  reviewedAt: number;
  elapsedDays: number;
  durationMs: number | null;
  stateBefore: CardState;
  stateAfter: CardState;
}

export interface Deck {
  id: number;
  name: string;
  createdAt: number;
}

/**
 * Cards with the same sibling key (in one deck) come from one note item: the review shows one
 * of them a day and buries the others when it is answered. For notes that is the item key. An
 * Anki card's item key is `anki:<note id>:<ord>`, its identity across re-imports; its siblings
 * are the other cards of the same Anki note.
 */
export function siblingKeyOf(itemKey: string): string {
  // The prefix test first: the queue asks this of thousands of cards, and regular expressions
  // stay interpreted here (v8-flags.ts).
  if (!itemKey.startsWith('anki:')) return itemKey;
  const anki = /^(anki:\d+):\d+$/.exec(itemKey);
  return anki?.[1] ?? itemKey;
}


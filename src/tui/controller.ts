import type { Grade } from '../core/index.js';
import type { LoadedImage } from '../collection/card-images.js';
import type { PredictionOutcome, SessionActionRecord, SessionCard } from './session-reducer.js';

/**
 * Everything the review screen asks of the outside world. The real one (index.ts) talks to a
 * Collection; tests can pass it a Collection on a temporary database.
 */
export interface ReviewController {
  /** Saves the answer (before the next card appears) and returns the card's new state. */
  answer(cardId: number, grade: Grade, durationMs: number): { reviewId: number; actionId: number; card: SessionCard; buriedIds: number[] };
  /**
   * Undoes this session's last action (answer, suspend, bury or flag: `actionId` is its journal
   * entry); returns its kind, the card and the refreshed queue.
   */
  undo(actionId: number): { kind: SessionActionRecord['kind']; card: SessionCard; main: SessionCard[]; learning: SessionCard[] };
  /** Each returns the journal entry's id, for undo. */
  suspend(cardId: number): number;
  bury(cardId: number): number;
  flag(cardId: number, flag: number): number;
  /** Compares a typed answer with the card's answer: the verdict, the word diff, a suggested grade. */
  checkTyped(cardId: number, typed: string, durationMs: number): PredictionOutcome;
  intervals(cardId: number): Record<Grade, string>;
  runExample(cardId: number): Promise<{ text: string; ok: boolean }>;
  /** The code of the card's example, shown on the front of a predict-the-output card. */
  exampleCode?(cardId: number): string | null;
  /** Runs the card's example and checks the prediction; `durationMs` is the learner's time to predict. */
  predict?(cardId: number, typed: string, durationMs: number): Promise<PredictionOutcome>;
  /** Loads the example sandbox ahead of a first run; optional, the run works without it. */
  prepareExamples?(): void;
  /** The whole cards of queued cards the first frame left pending, in the order given. */
  loadPending?(ids: number[]): SessionCard[];
  /** Today's main queue as it is now, its first cards whole and the rest pending (for a first frame that had only its first card). */
  loadQueue?(): SessionCard[];
  /** Opens the card's note in $EDITOR at its line, re-imports the file, returns the card as it is now (null: gone). */
  edit(cardId: number): Promise<{ card: SessionCard | null; message: string }>;
  /** The card's pictures, resolved and read (card-pictures.ts draws them); absent: pictures stay Markdown. */
  images?(cardId: number): LoadedImage[];
  /** Opens one of the card's pictures (the next one on each call) in the system viewer; returns the notice. */
  openImage?(cardId: number, answerShown: boolean): string;
  nextDue(): number | null;
  /** Suggestions waiting for `engram triage` (the end screen points to them). */
  suggestionsWaiting?(): number;
  now(): number;
}

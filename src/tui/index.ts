/**
 * The one bridge from the CLI to Ink: builds the controller over a Collection, renders the
 * session full-screen, resolves when the user quits.
 */
import { runFullScreen } from './full-screen.js';
import { createElement } from 'react';
import { now, trace, type Card, type Grade } from '../core/index.js';
import type { Collection, CustomStudy, QueuedKey } from '../collection/index.js';
import { customController, customStartingState } from './custom-study.js';
import { predictCardExample, predictShownCode, prepareExampleRunner, runCardExample, stopExampleRunner } from '../collection/examples.js';
import { predictionDiffLines } from './prediction-lines.js';
import { colorEnabled } from '../present/color.js';
import type { ReviewController } from './controller.js';
import { openEditor } from './editor.js';
import { ReviewApp } from './review-app.js';
import { loadMarkdown, needsMarkdownRenderer } from './render/index.js';
import { initialSession, type SessionCard, type SessionState } from './session-reducer.js';
import { loadCardImages, type LoadedImage } from '../collection/card-images.js';
import { detectGraphics } from '../present/terminal-graphics.js';
import { GraphicsOverlay } from './graphics-overlay.js';
import { openImage } from './open-image.js';

export function toSessionCard(card: Card): SessionCard {
  return {
    id: card.id,
    deck: card.deck,
    front: card.front,
    back: card.back,
    breadcrumb: card.breadcrumb,
    state: card.memory.state,
    due: card.memory.due,
    source: card.source,
    edited: card.seenFront !== null && (card.seenFront !== card.front || card.seenBack !== card.back),
    hasExample: card.hasExample,
    predict: card.kind === 'output' && card.hasExample,
    typeIn: card.typeIn === true && card.kind !== 'output',
    flag: card.flag,
  };
}

export function createController(col: Collection, deck?: string): ReviewController {
  // The pictures of the card on screen, read once per card; `i` cycles through them.
  let shown: { cardId: number; images: LoadedImage[]; next: number } | null = null;
  const imagesOf = (cardId: number): LoadedImage[] => {
    if (shown?.cardId !== cardId) shown = { cardId, images: loadCardImages(col.getCard(cardId), col.store.path), next: 0 };
    return shown.images;
  };
  return {
    images: imagesOf,
    openImage(cardId, answerShown) {
      const images = imagesOf(cardId).filter((image) => answerShown || image.side === 'front');
      if (images.length === 0) return 'this card has no picture';
      const image = images[shown!.next % images.length]!;
      shown!.next++;
      return openImage(image).message;
    },
    answer(cardId, grade, durationMs) {
      const result = col.answer(cardId, grade, durationMs);
      return { reviewId: result.reviewId, actionId: result.actionId, card: toSessionCard(result.card), buriedIds: result.buriedIds };
    },
    undo(actionId) {
      const { entry, card } = col.undo({ actionId });
      const queue = col.sessionQueue(deck);
      const kind = entry.change.kind === 'suspend' || entry.change.kind === 'bury' || entry.change.kind === 'flag' ? entry.change.kind : 'answer';
      return { kind, card: toSessionCard(card), main: queue.main.map(toSessionCard), learning: queue.learning.map(toSessionCard) };
    },
    suspend: (cardId) => col.suspendCards([cardId], true).actionId,
    bury: (cardId) => col.buryCards([cardId]).actionId,
    flag: (cardId, flag) => col.flag([cardId], flag).actionId,
    checkTyped(cardId, typed, durationMs) {
      const r = col.checkTyped(cardId, typed, durationMs);
      return { correct: r.correct, suggested: r.suggested, diff: [], output: '', ok: true, words: r.words };
    },
    intervals(cardId) {
      const out = {} as Record<Grade, string>;
      for (const i of col.previewIntervals(col.getCard(cardId))) out[i.grade] = i.label;
      return out;
    },
    prepareExamples: () => void prepareExampleRunner(),
    async runExample(cardId) {
      // The example runs in a worker thread: the review keeps drawing ("running example…") and
      // taking keys while it runs, up to its time limit.
      const r = await runCardExample(col, cardId);
      const text = [r.stdout, r.stderr, r.error ?? '', r.timedOut ? '(stopped: took too long)' : '', r.truncated ? '(output cut)' : '']
        .filter(Boolean).join('\n');
      return { text: `${text}\n(${r.ms} ms)`, ok: r.ok };
    },
    exampleCode: (cardId) => predictShownCode(col, cardId),
    async predict(cardId, typed, durationMs) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const { run: r, prediction } = await predictCardExample(col, cardId, typed, durationMs);
      const output = [r.stdout, r.stderr, r.error ?? '', r.timedOut ? '(stopped: took too long)' : ''].filter(Boolean).join('\n');
      return { correct: prediction.correct, suggested: prediction.suggestedGrade, diff: predictionDiffLines(prediction.diff), output, ok: r.ok };
    },
    async edit(cardId) {
      const card = col.getCard(cardId);
      if (!card.source) return { card: toSessionCard(card), message: 'no source note' };
      const opened = openEditor(card.source.file, card.source.line);
      // Full-screen editors leave the alternate screen when they exit, which also ends ours:
      // enter it again and clear it so the review redraws where it was.
      process.stdout.write('\x1b[?1049h\x1b[2J\x1b[H');
      if (!opened.ok) return { card: toSessionCard(card), message: opened.message };
      const { importNotes } = await import('../collection/import-notes.js');
      const result = importNotes(col, [card.source.file]);
      const after = col.getCard(cardId);
      const problem = result.errors[0];
      const message = problem ? `re-import failed: ${problem.message}` : 'note re-imported';
      return { card: after.retired ? null : toSessionCard(after), message };
    },
    loadPending: (ids) => col.cardsByIds(ids).map(toSessionCard),
    loadQueue: () => queuedMain(col, col.sessionQueueKeys(deck).main),
    nextDue: () => col.nextDueTime(),
    suggestionsWaiting: () => col.suggestionCount(deck),
    now,
  };
}

/** Cards of the main queue loaded whole for the first frame; the rest follow right after it (loadPending). */
export const FIRST_LOADED = 20;

/** A queued card known by its key: ordered and counted, its text loaded later. */
function pendingCard(key: QueuedKey): SessionCard {
  return { id: key.id, deck: '', front: '', back: '', breadcrumb: [], state: key.state, due: key.due, source: null, edited: false, hasExample: false, pending: true };
}

/**
 * The session's starting state: today's queue in its order, the first FIRST_LOADED cards of
 * the main queue whole and the others pending (the controller's loadPending fills them in
 * after the first frame), so a long queue does not hold up the first card.
 */
export function startingState(col: Collection, deck?: string, firstLoaded = FIRST_LOADED): SessionState {
  const queue = col.sessionQueueKeys(deck);
  return initialSession({ main: queuedMain(col, queue.main, firstLoaded), learning: queue.learning.map(toSessionCard), now: now(), learnAheadMs: queue.learnAheadMs });
}

/** The main queue for the session: its first `firstLoaded` cards whole, the others pending. */
function queuedMain(col: Collection, keys: QueuedKey[], firstLoaded = FIRST_LOADED): SessionCard[] {
  const head = col.cardsByIds(keys.slice(0, firstLoaded).map((k) => k.id)).map(toSessionCard);
  return [...head, ...keys.slice(firstLoaded).map(pendingCard)];
}

/**
 * The first frame's state without today's queue: its first card and its counts (collection
 * sessionStart, counted by SQLite), the learning cards whole. The controller's loadQueue reads
 * the queue right after the first frame (a `queued` action), so the first card does not wait
 * for thousands of queued cards at a million.
 */
export function firstFrameState(col: Collection, deck?: string): SessionState {
  const start = col.sessionStart(deck);
  const first = start.first ? col.cardsByIds([start.first.id]).map(toSessionCard) : [];
  const unqueued = { new: start.counts.new - (start.first?.state === 'new' ? 1 : 0), review: start.counts.review - (start.first?.state === 'review' ? 1 : 0) };
  // With nothing left to read, the first card is the whole queue.
  const rest = unqueued.new + unqueued.review > 0 ? { unqueued } : {};
  return initialSession({ main: first, learning: start.learning.map(toSessionCard), now: now(), learnAheadMs: start.learnAheadMs, ...rest });
}

/** The session's starting state and controller: today's queue of a deck (or all), or custom study of a query. */
export function reviewSession(col: Collection, deck?: string, study?: CustomStudy): { initial: SessionState; controller: ReviewController } {
  if (!study) return { initial: firstFrameState(col, deck), controller: createController(col, deck) };
  const { state, ids } = customStartingState(col, study, toSessionCard);
  return { initial: state, controller: customController(col, study, ids, createController(col, deck), toSessionCard) };
}

/** Runs the review session until the user quits; prints a one-line summary after. */
export async function runReview(col: Collection, deck?: string, study?: CustomStudy): Promise<void> {
  const { initial, controller } = reviewSession(col, deck, study);
  trace('queue built');
  // Render the first card right the first time: wait for Markdown only if it needs it.
  if (initial.current && needsMarkdownRenderer(initial.current.front)) await loadMarkdown();
  let final: SessionState = initial;
  const protocol = detectGraphics(process.env, Boolean(process.stdout.isTTY));
  const overlay = protocol === 'none' ? undefined : new GraphicsOverlay(process.stdout, protocol);
  await runFullScreen(
    createElement(ReviewApp, {
      controller,
      initial,
      color: colorEnabled(),
      graphics: { protocol, ...(overlay ? { overlay } : {}) },
      onExit: (state: SessionState) => {
        final = state;
      },
    }),
    { ...(overlay ? { stdout: overlay.stream } : {}), beforeLeaving: () => overlay?.dispose() },
  );
  // An example still running when the user quits must not hold the process up to its time limit.
  await stopExampleRunner();
  if (final.reviewed > 0) {
    const verb = study?.preview ? 'Previewed' : 'Reviewed';
    const tail = study?.preview ? ' (no schedule changed)' : '';
    process.stdout.write(`${verb} ${final.reviewed} card${final.reviewed === 1 ? '' : 's'}; again ${final.again}${tail}.\n`);
  }
}

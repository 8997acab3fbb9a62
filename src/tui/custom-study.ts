/**
 * Custom study in the review session (`engram review --query Q [--limit N] [--preview]`): the
 * same screen and reducer, a different queue and, in preview mode, answers that change no
 * schedule. Only the controller differs from the daily review's.
 */
import { now, type Card, type Grade } from '../core/index.js';
import type { Collection, CustomStudy } from '../collection/index.js';
import type { ReviewController } from './controller.js';
import { initialSession, type SessionCard, type SessionState } from './session-reducer.js';

/** In preview mode, a card answered `again` comes back this long after. */
export const PREVIEW_AGAIN_MS = 60_000;

export function customStartingState(col: Collection, study: CustomStudy, toSessionCard: (card: Card) => SessionCard): { state: SessionState; ids: number[] } {
  const queue = col.customQueue(study);
  const state = initialSession({ main: queue.cards.map(toSessionCard), learning: [], now: now(), learnAheadMs: queue.learnAheadMs });
  const notice = study.preview ? 'preview: answers change no schedule' : null;
  return { state: { ...state, notice }, ids: queue.cards.map((c) => c.id) };
}

/**
 * The daily review's controller with custom study's answer and undo. Undo rebuilds the queue
 * from the starting cards minus those answered this session, as the daily review rebuilds
 * today's queue.
 */
export function customController(
  col: Collection,
  study: CustomStudy,
  ids: readonly number[],
  base: ReviewController,
  toSessionCard: (card: Card) => SessionCard,
): ReviewController {
  // This session's answers, newest last; a preview answer has no journal entry, so it is known
  // here by a negative id (its preview log row's, negated), which undo recognises.
  const answered: Array<{ cardId: number; actionId: number; reviewId: number; grade: Grade; at: number }> = [];
  const asPreview = (card: Card, grade: Grade, at: number): SessionCard => {
    const session = toSessionCard(card);
    // Again: seen again in a minute; otherwise done for this session. Only the session's copy changes.
    if (grade === 'again') return { ...session, state: 'learning', due: at + PREVIEW_AGAIN_MS };
    return { ...session, state: card.memory.state === 'new' ? 'new' : 'review' };
  };
  const studyable = (card: Card, time: number) => !card.retired && !card.suspended && card.buriedUntil <= time;
  return {
    ...base,
    answer(cardId, grade, durationMs) {
      const at = now();
      if (study.preview) {
        const { reviewId, card } = col.previewAnswer(cardId, grade, durationMs);
        answered.push({ cardId, actionId: -reviewId, reviewId, grade, at });
        return { reviewId, actionId: -reviewId, card: asPreview(card, grade, at), buriedIds: [] };
      }
      const result = base.answer(cardId, grade, durationMs);
      answered.push({ cardId, actionId: result.actionId, reviewId: result.reviewId, grade, at });
      return result;
    },
    undo(actionId) {
      const last = answered[answered.length - 1];
      let kind: ReturnType<ReviewController['undo']>['kind'] = 'answer';
      let card: Card;
      if (actionId < 0) {
        card = col.undoPreviewAnswer(-actionId, last?.actionId === actionId ? last.cardId : -1);
      } else {
        const undone = col.undo({ actionId });
        card = undone.card;
        const change = undone.entry.change.kind;
        if (change === 'suspend' || change === 'bury' || change === 'flag') kind = change;
      }
      if (last?.actionId === actionId) answered.pop();
      const time = now();
      const done = new Set(answered.map((a) => a.cardId));
      const main = ids.filter((id) => !done.has(id) && id !== card.id).map((id) => col.getCard(id)).filter((c) => studyable(c, time)).map(toSessionCard);
      const latest = new Map(answered.map((a) => [a.cardId, a]));
      const learning: SessionCard[] = [];
      for (const a of latest.values()) {
        if (a.cardId === card.id) continue;
        const fresh = col.getCard(a.cardId);
        if (!studyable(fresh, time)) continue;
        if (study.preview) {
          if (a.grade === 'again') learning.push(asPreview(fresh, 'again', a.at));
        } else if (fresh.memory.state === 'learning' || fresh.memory.state === 'relearning') {
          learning.push(toSessionCard(fresh));
        }
      }
      return { kind, card: toSessionCard(card), main, learning };
    },
    intervals(cardId) {
      if (!study.preview) return base.intervals(cardId);
      return { again: '1m', hard: 'done', good: 'done', easy: 'done' };
    },
  };
}

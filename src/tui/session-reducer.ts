/**
 * The review session as a pure state machine: no React, no database, no clock. Effects
 * (saving an answer, undo, running an example) happen outside and come back as actions
 * carrying their results and the time.
 */
import type { Grade } from '../core/index.js';

export interface SessionCard {
  id: number;
  deck: string;
  front: string;
  back: string;
  breadcrumb: string[];
  state: 'new' | 'learning' | 'review' | 'relearning';
  due: number;
  source: { file: string; line: number } | null;
  /** The card's text changed since it was last answered. */
  edited: boolean;
  hasExample: boolean;
  /** A predict-the-output card (kind `output`): the learner types what its example prints before seeing the answer. */
  predict?: boolean;
  /** A typed-answer card: the learner types the answer, and sees a word-level diff before grading. */
  typeIn?: boolean;
  /** 0 or absent: none; 1–4 red, orange, green, blue. */
  flag?: number;
  /**
   * Known by its key only (id, state, due: enough to order and count it); its text arrives with
   * a `loaded` action. The review's first frame loads only the first cards of a long queue.
   */
  pending?: boolean;
}

/** One action taken in this session, newest last: `u` undoes them in reverse, whatever their kind. */
export interface SessionActionRecord {
  /** The journal entry in the database: undo takes back exactly this one. */
  actionId: number;
  kind: 'answer' | 'suspend' | 'bury' | 'flag';
  cardId: number;
  grade?: Grade;
}

/** One word of a typed answer's diff. */
export interface TypedWord {
  text: string;
  mark: 'right' | 'wrong' | 'missing';
}

/** The prediction typed for a predict-the-output card, and the check once the example ran. */
export interface PredictionState {
  cardId: number;
  /** The example's code, shown on the front (null until the controller supplies it). */
  code: string | null;
  /** Lines typed so far, joined by newlines; control characters never get in. */
  typed: string;
  status: 'typing' | 'checking' | 'checked';
  result: PredictionOutcome | null;
}

export interface PredictionOutcome {
  correct: boolean;
  suggested: Grade;
  /** The comparison as text lines (`  ` same, `- ` real output, `+ ` prediction). */
  diff: string[];
  /** What the run printed, errors included. */
  output: string;
  ok: boolean;
  /** A typed answer's word-level diff (typed-answer cards; `diff` and `output` are empty then). */
  words?: TypedWord[];
}

/** Longest prediction kept: a paste cannot grow the screen without bound. */
export const MAX_PREDICTION_CHARS = 400;

export type Phase = 'question' | 'answer' | 'done';

export interface ExampleOutput {
  cardId: number;
  running: boolean;
  text: string;
  ok: boolean;
}

export interface SessionState {
  phase: Phase;
  current: SessionCard | null;
  /** Reviews and new cards, in the order they will be shown. */
  main: SessionCard[];
  /** Learning cards, sorted by due time; they come back within the session when due. */
  learning: SessionCard[];
  learnAheadMs: number;
  /** Actions of this session (answers, suspends, burials, flags), newest last, for undo. */
  history: SessionActionRecord[];
  reviewed: number;
  again: number;
  startedAt: number;
  /** Time of the last action, so the view can say "next card in 3m" without reading the clock. */
  now: number;
  help: boolean;
  scroll: number;
  intervals: Record<Grade, string> | null;
  example: ExampleOutput | null;
  notice: string | null;
  /** Set while the current card is a predict-the-output or typed-answer card. */
  prediction?: PredictionState | null;
  /** `f` was pressed: the next digit (0-4) sets the flag. */
  flagPending?: boolean;
  /**
   * Cards of the main queue not in `main` yet, by state: the first frame knows the queue's first
   * card and counts only, and the queue itself arrives right after it (a `queued` action).
   */
  unqueued?: { new: number; review: number };
}

export type SessionAction =
  | { type: 'reveal' }
  | { type: 'graded'; grade: Grade; reviewId: number; actionId: number; now: number; card: SessionCard; buriedIds: number[] }
  | { type: 'undone'; now: number; kind: SessionActionRecord['kind']; card: SessionCard; main: SessionCard[]; learning: SessionCard[] }
  | { type: 'removed'; now: number; reason: 'suspended' | 'buried'; actionId: number }
  | { type: 'flag-pending' }
  | { type: 'flag-cancel' }
  | { type: 'flagged'; cardId: number; flag: number; actionId: number }
  | { type: 'refreshed'; now: number; card: SessionCard | null }
  | { type: 'intervals'; cardId: number; intervals: Record<Grade, string> }
  | { type: 'toggle-help' }
  | { type: 'scroll'; to: number }
  | { type: 'example-started'; cardId: number }
  | { type: 'example-finished'; cardId: number; text: string; ok: boolean }
  | { type: 'notice'; text: string | null }
  | { type: 'predict-code'; cardId: number; code: string | null }
  | { type: 'predict-type'; text: string }
  | { type: 'predict-erase' }
  | { type: 'predict-submitted'; cardId: number }
  | { type: 'predict-checked'; cardId: number; outcome: PredictionOutcome }
  | { type: 'tick'; now: number }
  | { type: 'loaded'; cards: SessionCard[] }
  | { type: 'queued'; main: SessionCard[]; now: number };

export function initialSession(input: {
  main: SessionCard[]; learning: SessionCard[]; now: number; learnAheadMs: number; unqueued?: { new: number; review: number };
}): SessionState {
  const base: SessionState = {
    phase: 'question', current: null, main: input.main, learning: sortByDue(input.learning), learnAheadMs: input.learnAheadMs,
    history: [], reviewed: 0, again: 0, startedAt: input.now, now: input.now, help: false, scroll: 0,
    intervals: null, example: null, notice: null, ...(input.unqueued ? { unqueued: input.unqueued } : {}),
  };
  return advance(base, input.now);
}

/** Remaining counts as shown on screen (the card on screen included), like Anki's. */
export function sessionCounts(state: SessionState): { new: number; learning: number; review: number } {
  const all = state.current ? [state.current, ...state.main, ...state.learning] : [...state.main, ...state.learning];
  return {
    new: all.filter((c) => c.state === 'new').length + (state.unqueued?.new ?? 0),
    learning: all.filter((c) => c.state === 'learning' || c.state === 'relearning').length,
    review: all.filter((c) => c.state === 'review').length + (state.unqueued?.review ?? 0),
  };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'reveal':
      // A predict card reveals its answer only through the check (predict-checked).
      if (state.prediction && state.prediction.status !== 'checked') return state;
      return state.phase === 'question' && state.current ? { ...state, phase: 'answer', scroll: 0 } : state;
    case 'graded': {
      if (!state.current || state.current.id !== action.card.id) return state;
      const buried = new Set(action.buriedIds);
      let learning = state.learning.filter((c) => !buried.has(c.id));
      const isLearning = action.card.state === 'learning' || action.card.state === 'relearning';
      // A learning card comes back within the session; anything else is done for today.
      if (isLearning) learning = sortByDue([...learning, action.card]);
      const next: SessionState = {
        ...state,
        main: state.main.filter((c) => !buried.has(c.id)),
        learning,
        history: [...state.history, { actionId: action.actionId, kind: 'answer', cardId: action.card.id, grade: action.grade }],
        reviewed: state.reviewed + 1,
        again: state.again + (action.grade === 'again' ? 1 : 0),
        notice: null,
      };
      return advance({ ...next, current: null }, action.now);
    }
    case 'undone': {
      const history = state.history.slice(0, -1);
      const last = state.history[state.history.length - 1];
      if (action.kind === 'flag') {
        // A flag changes no queue: the card keeps its place, only its flag goes back.
        const withFlag = (c: SessionCard) => (c.id === action.card.id ? { ...c, flag: action.card.flag ?? 0 } : c);
        return {
          ...state, history, now: action.now, notice: 'undone: flag',
          current: state.current ? withFlag(state.current) : null, main: state.main.map(withFlag), learning: state.learning.map(withFlag),
        };
      }
      const answer = action.kind === 'answer' && last?.kind === 'answer';
      const wasAgain = answer && last?.grade === 'again';
      const { unqueued: _whole, ...known } = state;
      return {
        ...known,
        phase: 'question',
        current: action.card,
        main: action.main.filter((c) => c.id !== action.card.id),
        learning: sortByDue(action.learning.filter((c) => c.id !== action.card.id)),
        history,
        reviewed: Math.max(0, state.reviewed - (answer ? 1 : 0)),
        again: Math.max(0, state.again - (wasAgain ? 1 : 0)),
        now: action.now,
        scroll: 0,
        intervals: null,
        example: null,
        prediction: freshPrediction(action.card),
        flagPending: false,
        notice: action.kind === 'answer' ? 'undone' : `undone: ${action.kind}`,
      };
    }
    case 'removed': {
      if (!state.current) return state;
      const record: SessionActionRecord = { actionId: action.actionId, kind: action.reason === 'suspended' ? 'suspend' : 'bury', cardId: state.current.id };
      return advance({ ...state, current: null, history: [...state.history, record], notice: action.reason }, action.now);
    }
    case 'flag-pending':
      return state.current ? { ...state, flagPending: true, notice: 'flag: 1 red  2 orange  3 green  4 blue  0 clear' } : state;
    case 'flag-cancel':
      return { ...state, flagPending: false, notice: null };
    case 'flagged': {
      if (state.current?.id !== action.cardId) return { ...state, flagPending: false };
      const record: SessionActionRecord = { actionId: action.actionId, kind: 'flag', cardId: action.cardId };
      return {
        ...state, flagPending: false, current: { ...state.current, flag: action.flag }, history: [...state.history, record],
        notice: action.flag === 0 ? 'flag cleared' : `flagged ${FLAG_NAMES[action.flag - 1] ?? ''}`,
      };
    }
    case 'refreshed':
      // The source note was edited and re-imported: show the new text, or move on if the card is gone.
      if (!action.card) return advance({ ...state, current: null, notice: 'card removed from the note' }, action.now);
      return { ...state, current: action.card, intervals: null, example: null, prediction: freshPrediction(action.card), phase: state.current?.predict && action.card.predict ? 'question' : state.phase, scroll: 0, notice: 'reloaded from the note' };
    case 'intervals':
      return state.current?.id === action.cardId ? { ...state, intervals: action.intervals } : state;
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'scroll':
      return { ...state, scroll: Math.max(0, action.to) };
    case 'example-started':
      return state.current?.id === action.cardId ? { ...state, example: { cardId: action.cardId, running: true, text: '', ok: true } } : state;
    case 'example-finished':
      return state.current?.id === action.cardId
        ? { ...state, example: { cardId: action.cardId, running: false, text: action.text, ok: action.ok } }
        : state;
    case 'notice':
      return { ...state, notice: action.text };
    case 'predict-code':
      return state.prediction && state.prediction.cardId === action.cardId ? { ...state, prediction: { ...state.prediction, code: action.code } } : state;
    case 'predict-type': {
      const p = state.prediction;
      if (!p || p.status !== 'typing' || state.phase !== 'question') return state;
      const typed = (p.typed + cleanTyped(action.text)).slice(0, MAX_PREDICTION_CHARS);
      return { ...state, prediction: { ...p, typed } };
    }
    case 'predict-erase': {
      const p = state.prediction;
      if (!p || p.status !== 'typing') return state;
      return { ...state, prediction: { ...p, typed: [...p.typed].slice(0, -1).join('') } };
    }
    case 'predict-submitted': {
      const p = state.prediction;
      if (!p || p.cardId !== action.cardId || p.status !== 'typing') return state;
      return { ...state, prediction: { ...p, status: 'checking' } };
    }
    case 'predict-checked': {
      const p = state.prediction;
      if (!p || p.cardId !== action.cardId || p.status !== 'checking') return state;
      return { ...state, phase: 'answer', scroll: 0, prediction: { ...p, status: 'checked', result: action.outcome } };
    }
    case 'tick':
      return state.current ? { ...state, now: action.now } : advance(state, action.now);
    case 'loaded': {
      // Pending cards get their text; the queue's order and everything else stay as they are.
      const byId = new Map(action.cards.map((c) => [c.id, c]));
      const fill = (c: SessionCard) => (c.pending ? byId.get(c.id) ?? c : c);
      const current = state.current ? fill(state.current) : null;
      return { ...state, current, main: state.main.map(fill), prediction: current !== state.current && current ? freshPrediction(current) : state.prediction ?? null };
    }
    case 'queued': {
      // The whole main queue, read after the first frame and before any key is acted on (so from
      // the database as the first frame saw it): the card on screen, its first, leaves it.
      if (!state.unqueued) return state;
      const { unqueued: _counted, ...rest } = state;
      return advance({ ...rest, main: action.main.filter((c) => c.id !== state.current?.id) }, state.current ? state.now : action.now);
    }
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

/** Picks the next card: a learning card that is due, else the main queue, else a learning card within the learn-ahead window. */
function advance(state: SessionState, now: number): SessionState {
  if (state.current) return { ...state, now };
  const fresh = { ...state, now, scroll: 0, intervals: null, example: null, flagPending: false };
  const [firstLearning, ...restLearning] = state.learning;
  if (firstLearning && firstLearning.due <= now) {
    return { ...fresh, phase: 'question', current: firstLearning, learning: restLearning, prediction: freshPrediction(firstLearning) };
  }
  const [firstMain, ...restMain] = state.main;
  if (firstMain) return { ...fresh, phase: 'question', current: firstMain, main: restMain, prediction: freshPrediction(firstMain) };
  if (firstLearning && firstLearning.due <= now + state.learnAheadMs) {
    return { ...fresh, phase: 'question', current: firstLearning, learning: restLearning, prediction: freshPrediction(firstLearning) };
  }
  // The rest of the main queue is on its way (`queued`): not done yet.
  if (state.unqueued) return { ...fresh, phase: 'question', current: null, prediction: null };
  return { ...fresh, phase: 'done', current: null, prediction: null };
}

/** Anki's flag colours, 1–4. */
export const FLAG_NAMES = ['red', 'orange', 'green', 'blue'] as const;

function freshPrediction(card: SessionCard): PredictionState | null {
  return card.predict || card.typeIn ? { cardId: card.id, code: null, typed: '', status: 'typing', result: null } : null;
}

/** Typed or pasted text: tabs and line breaks become new lines, every other control character is dropped. */
function cleanTyped(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?|\t/g, '\n').replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, '').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

function sortByDue(cards: SessionCard[]): SessionCard[] {
  return [...cards].sort((a, b) => a.due - b.due || a.id - b.id);
}

/** The one place that translates between Engram's plain types and ts-fsrs's. */
import { Rating, State, type Card, type Grade as FsrsGrade, type StepUnit } from 'ts-fsrs';
import type { CardState, Grade, Memory } from '../core/index.js';

const STATE_TO_FSRS: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const FSRS_TO_STATE: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const GRADE_TO_RATING: Record<Grade, FsrsGrade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export function toFsrsCard(memory: Memory): Card {
  const card: Card = {
    due: new Date(memory.due),
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: STATE_TO_FSRS[memory.state],
  };
  if (memory.lastReview !== null) card.last_review = new Date(memory.lastReview);
  return card;
}

export function fromFsrsCard(card: Card): Memory {
  return {
    state: FSRS_TO_STATE[card.state],
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

export function toRating(grade: Grade): FsrsGrade {
  return GRADE_TO_RATING[grade];
}

export function toSteps(steps: readonly string[]): StepUnit[] {
  return steps as StepUnit[];
}

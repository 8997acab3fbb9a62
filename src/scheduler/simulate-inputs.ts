/**
 * The simulator's learner, measured from the user's own review log: seconds per answer by
 * state and grade, the grade of first answers and of recalled reviews. A quantity measured
 * on too few answers falls back to fsrs-rs's defaults (SimulatorConfig::default(), figures
 * from Anki users' logs), each on its own, so a short log still gives a sensible simulation.
 */
import { FSRS_RS_DEFAULTS, type AnswerCosts, type GradeOdds, type GradeSeconds } from './simulate.js';

/** The log summed per (state before the answer, grade). */
export interface AnswerSummary {
  stateBefore: string;
  grade: string;
  answers: number;
  timed: number;
  meanMs: number | null;
}

export interface LearnerProfile {
  firstGradeOdds: GradeOdds;
  recallGradeOdds: [number, number, number];
  costs: AnswerCosts;
  /** Which of the above came from the user's log (the rest are fsrs-rs defaults). */
  measured: { firstGrades: boolean; recallGrades: boolean; costCells: number };
  /** Answers in the log. */
  answers: number;
}

/** Fewer first answers (or recalled reviews) than this: the grade split is mostly noise. */
export const MIN_GRADE_SAMPLE = 30;
/** Fewer timed answers of one state and grade than this: that cell keeps the default time. */
export const MIN_TIME_SAMPLE = 5;

const GRADES = ['again', 'hard', 'good', 'easy'] as const;
const STATES_OF: Record<keyof AnswerCosts, readonly string[]> = {
  learning: ['new', 'learning'],
  review: ['review'],
  relearning: ['relearning'],
};

export function learnerProfile(rows: readonly AnswerSummary[]): LearnerProfile {
  const count = (states: readonly string[], grade: string) =>
    rows.filter((r) => states.includes(r.stateBefore) && r.grade === grade).reduce((n, r) => n + r.answers, 0);

  const first = GRADES.map((g) => count(['new'], g));
  const firstTotal = first.reduce((a, b) => a + b, 0);
  const recall = GRADES.slice(1).map((g) => count(['review'], g));
  const recallTotal = recall.reduce((a, b) => a + b, 0);

  let costCells = 0;
  const costs = {} as AnswerCosts;
  for (const kind of Object.keys(STATES_OF) as Array<keyof AnswerCosts>) {
    costs[kind] = GRADES.map((grade, i) => {
      const cells = rows.filter((r) => STATES_OF[kind].includes(r.stateBefore) && r.grade === grade && r.meanMs !== null);
      const timed = cells.reduce((n, r) => n + r.timed, 0);
      if (timed < MIN_TIME_SAMPLE) return FSRS_RS_DEFAULTS.costs[kind][i]!;
      costCells++;
      return cells.reduce((sum, r) => sum + r.meanMs! * r.timed, 0) / timed / 1000;
    }) as GradeSeconds;
  }

  return {
    firstGradeOdds: firstTotal >= MIN_GRADE_SAMPLE ? (first.map((n) => n / firstTotal) as GradeOdds) : FSRS_RS_DEFAULTS.firstGradeOdds,
    recallGradeOdds: recallTotal >= MIN_GRADE_SAMPLE ? (recall.map((n) => n / recallTotal) as [number, number, number]) : FSRS_RS_DEFAULTS.recallGradeOdds,
    costs,
    measured: { firstGrades: firstTotal >= MIN_GRADE_SAMPLE, recallGrades: recallTotal >= MIN_GRADE_SAMPLE, costCells },
    answers: rows.reduce((n, r) => n + r.answers, 0),
  };
}

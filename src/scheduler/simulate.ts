/**
 * A review simulator: how many reviews a deck will ask for, how long they take and how much
 * is remembered at the end, for a given desired retention. Pure and seeded.
 *
 * It follows the published fsrs-rs simulator (open-spaced-repetition/fsrs-rs, src/simulation.rs,
 * `simulate` and `memory_state_short_term`):
 * - a card is recalled with probability R, its retrievability on the day it is reviewed;
 *   a recalled card's grade is drawn from the hard/good/easy distribution, a forgotten one is
 *   `again`; a new card's first grade is drawn from the first-answer distribution;
 * - learning and relearning steps are walked with fsrs-rs's step-to-step grade transitions,
 *   each answer a short-term (same-day) update, each costing the time of its grade and state;
 * - each day the due reviews are taken in fsrs-rs's order (lowest difficulty first) up to the
 *   review limit, the rest wait a day; new cards are introduced up to the new-card limit
 *   (new cards do not count against the review limit: fsrs-rs `new_cards_ignore_review_limit`);
 * - the next interval is round(S · interval modifier) clamped to [1, maximum interval], no fuzz,
 *   kept in button order after a recall as ts-fsrs's review scheduler does (see below).
 * Unlike fsrs-rs it does not re-implement the FSRS formulas: memory updates and intervals come
 * from ts-fsrs, the same code that schedules real answers, so the simulator cannot drift from
 * the scheduler. A per-day loop replaces fsrs-rs's priority queue with the same order.
 */
import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import { seededRandom } from '../core/index.js';

/** Seconds per answer, by grade: again, hard, good, easy. */
export type GradeSeconds = [number, number, number, number];
/** Grade probabilities: again, hard, good, easy. */
export type GradeOdds = [number, number, number, number];

export interface AnswerCosts {
  /** A new or learning card's answers. */
  learning: GradeSeconds;
  /** A review card's answer. */
  review: GradeSeconds;
  /** A relearning card's answers (after a lapse). */
  relearning: GradeSeconds;
}

export interface SimulatorConfig {
  /** Days simulated, today being day 0. */
  days: number;
  /** Cards never studied, introduced in order. */
  newCards: number;
  newPerDay: number;
  reviewsPerDay: number;
  maximumInterval: number;
  learningStepCount: number;
  relearningStepCount: number;
  /** The grade of a new card's first answer. */
  firstGradeOdds: GradeOdds;
  /** Hard, good, easy among recalled reviews. */
  recallGradeOdds: [number, number, number];
  costs: AnswerCosts;
  /** Rows: the previous step's grade (again, hard, good); columns: the next grade. */
  learningStepTransitions: [GradeOdds, GradeOdds, GradeOdds];
  relearningStepTransitions: [GradeOdds, GradeOdds, GradeOdds];
}

/** A card that has been studied, on the simulator's day axis (today is 0). */
export interface SimulatedCard {
  stability: number;
  difficulty: number;
  /** Day of the last answer: 0 today, negative before. */
  lastDay: number;
  /** Day it is due, 0 for today and overdue. */
  dueDay: number;
}

export interface SimulationResult {
  reviewsPerDay: number[];
  learnedPerDay: number[];
  secondsPerDay: number[];
  /** Sum of every studied card's retrievability at the end of the last day. */
  memorized: number;
}

/**
 * fsrs-rs's `SimulatorConfig::default()` figures (from Anki users' logs), the fallbacks when
 * the user's own log is too short to measure them.
 */
export const FSRS_RS_DEFAULTS = {
  firstGradeOdds: [0.24, 0.094, 0.495, 0.171] as GradeOdds,
  recallGradeOdds: [0.224, 0.631, 0.145] as [number, number, number],
  costs: {
    learning: [19.58, 18.79, 13.78, 10.71],
    review: [19.38, 17.59, 12.38, 8.94],
    relearning: [16.44, 15.25, 12.32, 8.03],
  } as AnswerCosts,
  learningStepTransitions: [
    [0.3686, 0.0628, 0.5108, 0.0577],
    [0.0442, 0.4553, 0.4457, 0.0549],
    [0.0519, 0.047, 0.8462, 0.055],
  ] as [GradeOdds, GradeOdds, GradeOdds],
  relearningStepTransitions: [
    [0.2157, 0.0643, 0.6595, 0.0604],
    [0.05, 0.4638, 0.4475, 0.0387],
    [0.1057, 0.1434, 0.7266, 0.0244],
  ] as [GradeOdds, GradeOdds, GradeOdds],
};

/** fsrs-rs caps a learning or relearning walk at this many extra answers (MAX_STEPS). */
const MAX_STEPS = 5;

/** The simulation is a function of its seed. */
export { seededRandom };

/** An index drawn with the given (not necessarily normalised) weights. */
function draw(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** The ts-fsrs algorithm an answer at `desiredRetention` is scheduled with (no fuzz). */
export function simulationAlgorithm(weights: readonly number[] | null, desiredRetention: number, maximumInterval: number): FSRSAlgorithm {
  return new FSRSAlgorithm(
    generatorParameters({
      request_retention: desiredRetention,
      maximum_interval: maximumInterval,
      enable_fuzz: false,
      enable_short_term: true,
      ...(weights ? { w: [...weights] } : {}),
    }),
  );
}

interface LiveCard {
  state: FSRSState;
  lastDay: number;
}

/**
 * Simulates `config.days` days of study at `desiredRetention`, starting from `cards` (already
 * studied) plus `config.newCards` new ones.
 */
export function simulateReviews(
  config: SimulatorConfig,
  weights: readonly number[] | null,
  desiredRetention: number,
  seed: number,
  cards: readonly SimulatedCard[],
): SimulationResult {
  const algorithm = simulationAlgorithm(weights, desiredRetention, config.maximumInterval);
  const random = seededRandom(seed);
  const days = config.days;
  const reviewsPerDay = new Array<number>(days).fill(0);
  const learnedPerDay = new Array<number>(days).fill(0);
  const secondsPerDay = new Array<number>(days).fill(0);

  const live: LiveCard[] = [];
  const dueOn: number[][] = Array.from({ length: days }, () => []);
  const schedule = (index: number, day: number) => {
    if (day < days) dueOn[day]!.push(index);
  };
  for (const card of cards) {
    live.push({ state: { stability: card.stability, difficulty: card.difficulty }, lastDay: card.lastDay });
    schedule(live.length - 1, Math.max(0, card.dueDay));
  }

  // memory_state_short_term: the same-day answers of learning or relearning steps.
  const walkSteps = (
    start: FSRSState,
    firstGrade: number | null,
    costs: GradeSeconds,
    transitions: readonly GradeOdds[],
    stepCount: number,
  ): { state: FSRSState; seconds: number } => {
    let state = start;
    let grade = firstGrade ?? 1;
    let seconds = firstGrade === null ? 0 : costs[grade - 1]!;
    let consecutive = 0;
    const consecutiveMax = grade > 2 ? Math.max(0, stepCount - 1) : stepCount;
    for (let i = 0; i < MAX_STEPS; i++) {
      if (consecutive >= consecutiveMax || grade >= 4) break;
      grade = draw(transitions[grade - 1]!, random) + 1;
      state = algorithm.next_state(state, 0, grade);
      seconds += costs[grade - 1]!;
      if (grade > 2) consecutive++;
      else if (grade === 1) consecutive = 0;
    }
    return { state, seconds };
  };

  const nextDue = (card: LiveCard, day: number): number => day + algorithm.next_interval(card.state.stability, 0);
  const intervalOf = (state: FSRSState): number => algorithm.next_interval(state.stability, 0);
  // ts-fsrs's review scheduler (and Anki's) keeps the answer buttons' intervals in order:
  // hard ≤ good, good ≥ hard + 1, easy ≥ good + 1. fsrs-rs's simulator does not; a simulator
  // of Engram's workload must, or it undercounts the intervals of weak cards at high retention.
  const orderedRecallInterval = (before: FSRSState, elapsed: number, grade: number, r: number, after: FSRSState): number => {
    const own = intervalOf(after);
    const good = grade === 3 ? own : intervalOf(algorithm.next_state(before, elapsed, 3, r));
    const hard = Math.min(grade === 2 ? own : intervalOf(algorithm.next_state(before, elapsed, 2, r)), good);
    if (grade === 2) return hard;
    const orderedGood = Math.max(good, hard + 1);
    return grade === 3 ? orderedGood : Math.max(own, orderedGood + 1);
  };

  let introduced = 0;
  for (let day = 0; day < days; day++) {
    // fsrs-rs orders a day's reviews by difficulty, easiest first (its default review priority).
    const due = dueOn[day]!.sort((a, b) => live[a]!.state.difficulty - live[b]!.state.difficulty);
    dueOn[day] = [];
    for (const [position, index] of due.entries()) {
      if (position >= config.reviewsPerDay) {
        schedule(index, day + 1);
        continue;
      }
      const card = live[index]!;
      const elapsed = day - card.lastDay;
      const r = algorithm.forgetting_curve(elapsed, card.state.stability);
      const recalled = random() < r;
      const grade = recalled ? draw(config.recallGradeOdds, random) + 2 : 1;
      let state = algorithm.next_state(card.state, elapsed, grade, r);
      let seconds = config.costs.review[grade - 1]!;
      if (!recalled) {
        const relearned = walkSteps(state, null, config.costs.relearning, config.relearningStepTransitions, config.relearningStepCount);
        state = relearned.state;
        seconds += relearned.seconds;
      }
      const interval = recalled ? orderedRecallInterval(card.state, elapsed, grade, r, state) : algorithm.next_interval(state.stability, 0);
      card.state = state;
      card.lastDay = day;
      reviewsPerDay[day]!++;
      secondsPerDay[day]! += seconds;
      schedule(index, day + interval);
    }
    const learnToday = Math.min(config.newPerDay, config.newCards - introduced);
    for (let i = 0; i < learnToday; i++) {
      const grade = draw(config.firstGradeOdds, random) + 1;
      const first = algorithm.next_state(null, 0, grade);
      const learned = walkSteps(first, grade, config.costs.learning, config.learningStepTransitions, config.learningStepCount);
      const card: LiveCard = { state: learned.state, lastDay: day };
      live.push(card);
      learnedPerDay[day]!++;
      secondsPerDay[day]! += learned.seconds;
      schedule(live.length - 1, nextDue(card, day));
    }
    introduced += learnToday;
  }

  let memorized = 0;
  for (const card of live) memorized += algorithm.forgetting_curve(days - card.lastDay, card.state.stability);
  return { reviewsPerDay, learnedPerDay, secondsPerDay, memorized };
}

/** One desired retention's outcome, averaged over the simulated days. */
export interface RetentionPoint {
  desiredRetention: number;
  /** Every answer: new cards' learning steps, reviews and relearning steps. */
  minutesPerDay: number;
  /** Answers to studied cards (a new card's introduction is not one: fsrs-rs review_cnt). */
  reviewsPerDay: number;
  memorized: number;
}

/** 0.70, 0.71, … 0.97: the range Anki's workload graph covers. */
export const RETENTION_SWEEP: readonly number[] = Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i / 100) * 100) / 100);

/**
 * Runs the simulator at each desired retention, averaged over `runs` seeds (fsrs-rs averages
 * several runs per point too: `sample` in simulation.rs). The same seeds at every retention
 * (common random numbers), so the differences between points come from the retention, not
 * the dice.
 */
export function sweepRetention(
  config: SimulatorConfig,
  weights: readonly number[] | null,
  cards: readonly SimulatedCard[],
  seed: number,
  retentions: readonly number[] = RETENTION_SWEEP,
  runs = 1,
): RetentionPoint[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return retentions.map((desiredRetention) => {
    const point: RetentionPoint = { desiredRetention, minutesPerDay: 0, reviewsPerDay: 0, memorized: 0 };
    for (let run = 0; run < runs; run++) {
      const result = simulateReviews(config, weights, desiredRetention, (seed + run * 0x9e3779b1) >>> 0, cards);
      point.minutesPerDay += sum(result.secondsPerDay) / 60 / config.days / runs;
      point.reviewsPerDay += sum(result.reviewsPerDay) / config.days / runs;
      point.memorized += result.memorized / runs;
    }
    return point;
  });
}

/** Enough runs per point that a small deck's curve is smooth, one for a deck of 20,000 cards. */
export function runsFor(cardCount: number): number {
  return Math.max(1, Math.min(16, Math.ceil(20_000 / Math.max(1, cardCount))));
}

/**
 * The retention with the most cards memorized per minute of daily work (the quantity fsrs-rs's
 * default `CMRRTargetFn` minimises, inverted: total cost / memorized at the end).
 */
export function suggestedRetention(points: readonly RetentionPoint[]): number | null {
  let best: RetentionPoint | null = null;
  for (const point of points) {
    if (point.minutesPerDay <= 0) continue;
    if (!best || point.memorized / point.minutesPerDay > best.memorized / best.minutesPerDay) best = point;
  }
  return best?.desiredRetention ?? null;
}

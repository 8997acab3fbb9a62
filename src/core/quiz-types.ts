/**
 * The paper quiz's vocabulary: what it knows about a paper, the questions it asks, and how an
 * answer is judged. Plain data shared by the quiz domain, the use-cases and the quiz screen
 * (whose reducer imports only core).
 */

export interface QuizPaper {
  key: string;
  title: string;
  firstAuthor: string | null;
  venue: string | null;
  year: number | null;
  /** One sentence, what the paper contributes, written so that it does not name the paper. */
  idea: string | null;
  topic: string | null;
  /** Short names the user may type instead of the title ("TFN", "Found in Translation"). */
  aliases: string[];
}

/**
 * - `choose-paper`: "Which paper introduced <idea>?", four titles to choose from.
 * - `choose-idea`: "What did <title> contribute?", four ideas to choose from.
 * - `type-paper`: "Which paper introduced <idea>?", the title (or a short name) typed.
 */
export type QuestionForm = 'choose-paper' | 'choose-idea' | 'type-paper';

export interface Choice {
  /** The paper the choice stands for (its title, or its idea in `choose-idea`). */
  key: string;
  text: string;
}

export interface Question {
  /** `<cardId>-<form>-<seed>`: enough to rebuild the same question later (see questionId). */
  id: string;
  cardId: number;
  form: QuestionForm;
  seed: number;
  prompt: string;
  /** Multiple choice only: four (fewer when the collection has fewer papers), in display order. */
  choices: Choice[] | null;
  /** The paper asked about. */
  answer: QuizPaper;
}

/** How a typed answer compares with the title: exactly a name of the paper, within a typo of one, or not it. */
export type Match = 'exact' | 'typo' | 'wrong';

export interface Verdict {
  correct: boolean;
  match: Match;
  /** The choice picked (1-based), for multiple choice. */
  picked: number | null;
}

/** A card to ask again later in the session, and when it is due. */
export interface Reasking {
  question: Question;
  due: number;
}
